using System;
using System.Collections.Generic;
using System.Net;
using Pop3Tools.Engine.Protocol;

namespace Pop3Tools.Engine.Diagnostics
{
    /// <summary>One port and security mode to try.</summary>
    internal readonly struct Pop3ProbeTarget
    {
        public Pop3ProbeTarget(int port, Pop3Security security)
        {
            Port = port;
            Security = security;
        }

        public int Port { get; }
        public Pop3Security Security { get; }

        public override string ToString() => Port + "/" + Security;
    }

    /// <summary>What Test-Pop3Server asks the probe to do.</summary>
    internal sealed class Pop3ProbeRequest
    {
        public Pop3ProbeRequest(string server, IReadOnlyList<Pop3ProbeTarget> targets)
        {
            if (string.IsNullOrWhiteSpace(server)) throw new ArgumentException("The server name must not be empty.", nameof(server));
            if (targets == null || targets.Count == 0) throw new ArgumentException("Give at least one port to try.", nameof(targets));
            Server = server.Trim();
            Targets = targets;
        }

        /// <summary>995/Tls, 110/StartTls and 110/None; the ports can be moved for tests.</summary>
        public static IReadOnlyList<Pop3ProbeTarget> DefaultTargets(int tlsPort = 995, int plainPort = 110) => new[]
        {
            new Pop3ProbeTarget(tlsPort, Pop3Security.Tls),
            new Pop3ProbeTarget(plainPort, Pop3Security.StartTls),
            new Pop3ProbeTarget(plainPort, Pop3Security.None),
        };

        /// <summary>Each port with one mode; with no ports, the mode's default port (Auto: the three defaults).</summary>
        public static IReadOnlyList<Pop3ProbeTarget> TargetsFor(IReadOnlyList<int>? ports, Pop3Security security)
        {
            if (ports == null || ports.Count == 0)
            {
                if (security == Pop3Security.Auto) return DefaultTargets();
                return new[] { new Pop3ProbeTarget(new Pop3ConnectionOptions("x") { Security = security }.EffectivePort, security) };
            }
            var targets = new List<Pop3ProbeTarget>();
            foreach (var port in ports)
            {
                if (port < 1 || port > 65535) throw new ArgumentOutOfRangeException(nameof(ports), port, "A port is a number from 1 to 65535.");
                targets.Add(new Pop3ProbeTarget(port, security));
            }
            return targets;
        }

        public string Server { get; }
        public IReadOnlyList<Pop3ProbeTarget> Targets { get; }

        /// <summary>Bounds each connect and each single read or write, as for Connect-Pop3.</summary>
        public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);

        public bool SkipCertificateCheck { get; set; }
        public string? CertificateThumbprint { get; set; }
        public bool AllowInsecureAuthentication { get; set; }

        /// <summary>With a credential the probe logs in and runs STAT; it never changes the mailbox.</summary>
        public NetworkCredential? Credential { get; set; }

        /// <summary>Where each attempt's redacted dialogue goes; called from the attempt's own thread.</summary>
        public Func<Pop3ProbeTarget, IPop3ProtocolLog?>? Log { get; set; }
    }
}
