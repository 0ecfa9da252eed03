using System;

namespace Pop3Tools
{
    // CONTRACT STUB: the session work completes it (Headers becomes the MIME
    // helper's Pop3HeaderCollection once merged).

    /// <summary>One message as Get-Pop3Message lists it.</summary>
    public sealed class Pop3MessageInfo
    {
        internal Pop3MessageInfo() { }
        public Pop3Session Session => throw new NotImplementedException();
        public int Number => throw new NotImplementedException();
        public string Uid => throw new NotImplementedException();
        public long Size => throw new NotImplementedException();
        /// <summary>Decoded subject; null with -NoHeaders.</summary>
        public string? Subject => throw new NotImplementedException();
        /// <summary>The first From address as "Name &lt;addr&gt;" (or "addr").</summary>
        public string? From => throw new NotImplementedException();
        /// <summary>Each To address as "Name &lt;addr&gt;" (or "addr").</summary>
        public string[]? To => throw new NotImplementedException();
        /// <summary>Null when absent or unparseable.</summary>
        public DateTimeOffset? Date => throw new NotImplementedException();
        /// <summary>Without angle brackets.</summary>
        public string? MessageId => throw new NotImplementedException();
    }
}
