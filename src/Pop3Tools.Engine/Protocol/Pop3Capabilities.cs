using System;
using System.Collections.Generic;

namespace Pop3Tools.Engine.Protocol
{
    // CONTRACT STUB: the protocol work replaces the bodies.

    /// <summary>The server's CAPA reply (RFC 2449), parsed.</summary>
    public sealed class Pop3Capabilities
    {
        /// <summary>The lines as the server sent them.</summary>
        public IReadOnlyList<string> Lines => throw new NotImplementedException();
        /// <summary>Whether a capability tag is present (case-insensitive).</summary>
        public bool Has(string tag) => throw new NotImplementedException();
        /// <summary>SASL mechanism names, upper case.</summary>
        public IReadOnlyList<string> SaslMechanisms => throw new NotImplementedException();
        public bool Pipelining => throw new NotImplementedException();
        public bool Top => throw new NotImplementedException();
        public bool Uidl => throw new NotImplementedException();
        public bool User => throw new NotImplementedException();
        public bool Stls => throw new NotImplementedException();
        public bool RespCodes => throw new NotImplementedException();
        public bool AuthRespCode => throw new NotImplementedException();
        public bool Utf8 => throw new NotImplementedException();
        public string? Implementation => throw new NotImplementedException();
        /// <summary>LOGIN-DELAY in seconds, if advertised.</summary>
        public int? LoginDelaySeconds => throw new NotImplementedException();
        /// <summary>EXPIRE argument ("NEVER", a number of days, ...), if advertised.</summary>
        public string? Expire => throw new NotImplementedException();
    }
}
