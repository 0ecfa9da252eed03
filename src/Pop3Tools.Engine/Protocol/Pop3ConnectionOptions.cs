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

        /// <summary>How many pipelined RETR commands may be in flight at once.</summary>
        /// <remarks>
        /// A stopped download reads and discards the replies still owed before the next command,
        /// and RETR replies are whole messages of any size: the window bounds that work.
        /// </remarks>
        public int PipelineWindow { get; set; } = 128;

        /// <summary>How many pipelined TOP n 0 and DELE commands may be in flight at once.</summary>
        /// <remarks>
        /// Their replies are a header block or one line, and a listing waits on the server whenever
        /// the window runs low: a 2,000-message listing through Get-Pop3Message took a median
        /// 0.077 s with 128 and 0.070 s with 512 (0.068 s with 1,024); 10,000 messages 0.345 s and
        /// 0.318 s. 512 commands are under 7 KB, far inside any socket buffer, so sending them
        /// never waits on a server that is busy writing replies.
        /// </remarks>
        public int ShortReplyPipelineWindow { get; set; } = 512;

        public IPop3ProtocolLog? Log { get; set; }

        /// <summary>Filled in stage by stage for the diagnostics probe; null for ordinary connections.</summary>
        internal Pop3ConnectionTrace? Trace { get; set; }

        /// <summary>The port actually dialled.</summary>
        public int EffectivePort => Port != 0 ? Port
            : Security == Pop3Security.Tls || Security == Pop3Security.Auto ? 995 : 110;
    }
}
