using System;
using System.Net;
using System.Threading;
using Pop3Tools.Engine.Authentication;

namespace Pop3Tools.Engine.Protocol
{
    public sealed partial class Pop3Client
    {
        /// <summary>
        /// Logs in; re-reads CAPA afterwards. For XOAuth2/OAuthBearer the credential's
        /// password is the access token. Refuses (InsecureAuthenticationRefused) to send
        /// a password over an unencrypted link unless the options allow it.
        /// </summary>
        public void Authenticate(NetworkCredential credential, Pop3AuthenticationMethod method, CancellationToken cancellationToken)
        {
            if (credential == null) throw new ArgumentNullException(nameof(credential));
            if (IsAuthenticated) throw new InvalidOperationException("This connection is already logged in.");
            var user = credential.UserName ?? string.Empty;
            if (HasLineBreak(user)) throw new ArgumentException("The user name must not contain a line break.", nameof(credential));
            if (!IsConnected) throw Closed();
            // Choosing needs no I/O: a method the server lacks, a refused clear-text login or a
            // credential the mechanism cannot carry fails here, before a byte is sent.
            // Without CAPA (plain RFC 1939) USER is assumed: it is the one login every server has.
            var userAvailable = capabilities.User || capabilities.Lines.Count == 0;
            var chosen = AuthenticationPlanner.Choose(method, capabilities.SaslMechanisms, userAvailable, ApopTimestamp != null);
            var name = AuthenticationPlanner.MechanismName(chosen);
            RefuseIfInsecure(chosen, name);
            // PASS carries the password verbatim: a line break would only be caught after USER went out.
            if (chosen == Pop3AuthenticationMethod.UserPass && HasLineBreak(credential.Password))
            {
                throw new ArgumentException("USER/PASS cannot carry a password that contains a line break.", nameof(credential));
            }
            var mechanism = chosen == Pop3AuthenticationMethod.UserPass || chosen == Pop3AuthenticationMethod.Apop
                ? null
                : SaslMechanismFactory.Create(chosen, credential);
            Run(cancellationToken, () =>
            {
                log.Step("Logging in as " + user + " with " + name);
                var loginDelay = capabilities.LoginDelaySeconds;
                switch (chosen)
                {
                    case Pop3AuthenticationMethod.UserPass:
                        Channel.Send("USER " + user);
                        Channel.Expect("USER", ReplyContext.Login, loginDelay);
                        Channel.Send("PASS " + credential.Password, "PASS " + ProtocolLog.Redacted);
                        Channel.Expect("PASS", ReplyContext.Login, loginDelay);
                        break;
                    case Pop3AuthenticationMethod.Apop:
                        var digest = ApopDigest.Compute(ApopTimestamp!, credential.Password ?? string.Empty);
                        Channel.Send("APOP " + user + " " + digest, "APOP " + user + " " + ProtocolLog.Redacted);
                        Channel.Expect("APOP", ReplyContext.Login, loginDelay);
                        break;
                    default:
                        SaslExchange.Run(Channel, mechanism!, loginDelay);
                        break;
                }
                IsAuthenticated = true;
                AuthenticationMethod = name;
                log.Step("Logged in");
                // RFC 2449 section 5: capabilities may differ once logged in (e.g. LOGIN-DELAY, EXPIRE).
                capabilities = ReadCapabilities();
            });
        }

        private static bool HasLineBreak(string text) => text.IndexOf('\r') >= 0 || text.IndexOf('\n') >= 0;

        /// <summary>
        /// Mechanisms that put the password or token itself on the wire (USER/PASS, PLAIN, LOGIN,
        /// XOAUTH2, OAUTHBEARER) are refused over a plain link unless allowed. APOP, CRAM-MD5 and
        /// SCRAM only send a digest or proof, so an eavesdropper never learns the password (at most
        /// it can attempt an offline guess), and they are allowed: refusing them would push users
        /// towards -AllowInsecureAuthentication, which also permits the clear-text ones.
        /// </summary>
        private void RefuseIfInsecure(Pop3AuthenticationMethod chosen, string name)
        {
            if (Security != Pop3Security.None || options.AllowInsecureAuthentication) return;
            switch (chosen)
            {
                case Pop3AuthenticationMethod.Apop:
                case Pop3AuthenticationMethod.CramMd5:
                case Pop3AuthenticationMethod.ScramSha1:
                case Pop3AuthenticationMethod.ScramSha256:
                    return;
            }
            throw new Pop3Exception(Pop3ErrorKind.InsecureAuthenticationRefused,
                name + " would send the password or token in clear text over an unencrypted connection.")
            {
                Hint = "Use -Security Tls or StartTls, or -AllowInsecureAuthentication on a trusted network.",
            };
        }
    }
}
