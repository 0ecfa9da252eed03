using System;

namespace Pop3Tools.Engine.Protocol
{
    /// <summary>Everything needed to open one connection; secure by default.</summary>
    public sealed class Pop3ConnectionOptions
    {
        public Pop3ConnectionOptions(string host)
        {
            Host = host ?? throw new ArgumentNullException(nameof(host));
        }

        public string Host { get; }

        /// <summary>0 picks the default: 995 for Tls and Auto (implicit TLS), 110 for StartTls and None.</summary>
        public int Port { get; set; }

        public Pop3Security Security { get; set; } = Pop3Security.Auto;

        /// <summary>Bounds the connect and every single network read or write.</summary>
        public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);

        public bool SkipCertificateCheck { get; set; }

        /// <summary>A SHA-256 or SHA-1 thumbprint (hex, separators ignored) the server certificate must match.</summary>
        public string? CertificateThumbprint { get; set; }

        /// <summary>Allows a password to cross an unencrypted link.</summary>
        public bool AllowInsecureAuthentication { get; set; }

        /// <summary>Batch commands when the server offers PIPELINING (RFC 2449).</summary>
        public bool UsePipelining { get; set; } = true;

        /// <summary>How many pipelined commands may be in flight at once.</summary>
        /// <remarks>
        /// 128 keeps a header listing's small TOP replies streaming: with 32 the client blocked on
        /// the socket 60-180 times per 2,000 messages on a loaded loopback, with 128-256 a few times.
        /// The commands in flight are a couple of KiB, well inside any socket buffer.
        /// </remarks>
        public int PipelineWindow { get; set; } = 128;

        public IPop3ProtocolLog? Log { get; set; }

        /// <summary>Filled in stage by stage for the diagnostics probe; null for ordinary connections.</summary>
        internal Pop3ConnectionTrace? Trace { get; set; }

        /// <summary>The port actually dialled.</summary>
        public int EffectivePort => Port != 0 ? Port
            : Security == Pop3Security.Tls || Security == Pop3Security.Auto ? 995 : 110;
    }
}
