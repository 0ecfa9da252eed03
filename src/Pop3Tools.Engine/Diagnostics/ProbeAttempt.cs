using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Threading;
using Pop3Tools.Engine.Authentication;
using Pop3Tools.Engine.Protocol;

namespace Pop3Tools.Engine.Diagnostics
{
    /// <summary>
    /// One port and mode, stage by stage: connect through the ordinary client with a trace,
    /// then read what each stage saw into checks; with a credential, log in, STAT and QUIT
    /// (nothing is marked, so nothing changes).
    /// </summary>
    internal sealed class ProbeAttempt
    {
        private readonly Pop3ProbeRequest request;
        private readonly Pop3ProbeTarget target;
        private readonly SemaphoreSlim loginTurn;
        private readonly Pop3ConnectionTrace trace = new Pop3ConnectionTrace { ContinuePastCertificateRejection = true };
        private readonly Pop3ServerTestResult result;
        private readonly List<Pop3Check> checks = new List<Pop3Check>();

        public ProbeAttempt(Pop3ProbeRequest request, Pop3ProbeTarget target, SemaphoreSlim loginTurn)
        {
            this.request = request;
            this.target = target;
            this.loginTurn = loginTurn;
            result = new Pop3ServerTestResult(request.Server, target.Port, target.Security);
        }

        public Pop3ServerTestResult Run(CancellationToken cancellationToken)
        {
            var options = new Pop3ConnectionOptions(request.Server)
            {
                Port = target.Port,
                Security = target.Security,
                Timeout = request.Timeout,
                SkipCertificateCheck = request.SkipCertificateCheck,
                CertificateThumbprint = request.CertificateThumbprint,
                AllowInsecureAuthentication = request.AllowInsecureAuthentication,
                Log = request.Log?.Invoke(target),
                Trace = trace,
            };
            Pop3Client? client = null;
            Pop3Exception? failure = null;
            try
            {
                client = Pop3Client.Connect(options, cancellationToken);
            }
            catch (Pop3Exception e)
            {
                failure = e;
            }
            using (client)
            {
                Describe(client);
                var stages = new ConnectionChecks(request, target, trace, result, failure);
                checks.AddRange(stages.Build(client));
                if (client != null)
                {
                    var login = new LoginChecks(request, trace, result, loginTurn);
                    checks.AddRange(login.Build(client, cancellationToken));
                }
                else
                {
                    checks.Add(NotReached(Pop3CheckNames.AuthenticationMethods));
                    checks.Add(NotReached(Pop3CheckNames.Login));
                    checks.Add(NotReached(Pop3CheckNames.Mailbox));
                }
            }
            result.Checks = checks.ToArray();
            result.Verdict = Verdict.For(result);
            result.ShortVerdict = Verdict.Short(result);
            return result;
        }

        internal static Pop3Check NotReached(string name) =>
            new Pop3Check(name, Pop3CheckStatus.Skipped, "Not reached: an earlier check failed.");

        /// <summary>The measured facts, whatever the checks make of them.</summary>
        private void Describe(Pop3Client? client)
        {
            result.Addresses = trace.Addresses.Select(address => address.ToString()).ToArray();
            result.Address = trace.ConnectedAddress?.ToString() ?? result.Addresses.FirstOrDefault();
            result.ResolveMs = Milliseconds(trace.ResolveTime);
            result.ConnectMs = Milliseconds(trace.ConnectTime);
            result.TlsMs = Milliseconds(trace.TlsTime);
            result.GreetingMs = Milliseconds(trace.GreetingTime);
            result.Greeting = trace.GreetingLine;
            var observed = trace.Certificate;
            if (observed != null)
            {
                var certificate = observed.Certificate;
                result.Certificate = certificate;
                result.CertificateSubject = certificate.Subject;
                result.CertificateIssuer = certificate.Issuer;
                result.CertificateNames = CertificateNames.Of(certificate).ToArray();
                result.CertificateThumbprint = Sha256(certificate.RawData);
                result.CertificateNotBefore = certificate.NotBefore.ToUniversalTime();
                result.CertificateNotAfter = certificate.NotAfter.ToUniversalTime();
                result.CertificateDaysLeft = (int)Math.Floor((certificate.NotAfter.ToUniversalTime() - DateTime.UtcNow).TotalDays);
                result.CertificateValid = observed.PolicyErrors == System.Net.Security.SslPolicyErrors.None;
                result.CertificateErrors = CertificateChecks.Problems(observed).ToArray();
                result.CertificateChain = observed.ChainSubjects.ToArray();
            }
            var beforeStartTls = trace.CapabilitiesBeforeStartTls;
            if (client == null)
            {
                // STLS refused or its handshake failed: what the plain connection offered still tells a lot.
                if (beforeStartTls == null) return;
                var apop = trace.GreetingLine != null && trace.GreetingLine.IndexOf('<') >= 0;
                result.ApopAvailable = apop;
                result.CapabilitiesBeforeStartTls = beforeStartTls.Lines.ToArray();
                result.StartTlsAvailable = beforeStartTls.Stls;
                result.Implementation = beforeStartTls.Implementation;
                result.AuthenticationMethods = LoginChecks.Offered(beforeStartTls, apop).ToArray();
                return;
            }
            result.Security = client.Security;
            result.TlsProtocol = client.Tls?.Protocol;
            result.CipherSuite = client.Tls?.CipherSuite;
            result.ApopAvailable = client.ApopTimestamp != null;
            result.Capabilities = client.Capabilities.Lines.ToArray();
            result.CapabilitiesBeforeStartTls = trace.CapabilitiesBeforeStartTls?.Lines.ToArray() ?? Array.Empty<string>();
            result.StartTlsAvailable = (trace.CapabilitiesBeforeStartTls ?? client.Capabilities).Stls;
            result.Implementation = client.Capabilities.Implementation;
            result.AuthenticationMethods = LoginChecks.Offered(client.Capabilities, client.ApopTimestamp != null).ToArray();
        }

        internal static double? Milliseconds(TimeSpan? elapsed) =>
            elapsed.HasValue ? Math.Round(elapsed.Value.TotalMilliseconds, 1) : (double?)null;

        private static string Sha256(byte[] data)
        {
            using (var sha = SHA256.Create())
            {
                return BitConverter.ToString(sha.ComputeHash(data)).Replace("-", string.Empty);
            }
        }
    }
}
