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
        /// any credential over an unencrypted link unless the options allow it.
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
                        RunSasl(chosen, mechanism!, user, loginDelay);
                        break;
                }
                IsAuthenticated = true;
                AuthenticationMethod = name;
                LoginMethod = chosen;
                log.Step("Logged in");
                // RFC 2449 section 5: capabilities may differ once logged in (e.g. LOGIN-DELAY, EXPIRE).
                capabilities = ReadCapabilities();
            });
        }

        /// <summary>
        /// The SASL exchange; a refused access token gets a hint of its own, since the general
        /// one (ResponseErrors) talks about passwords and a token fails for other reasons.
        /// </summary>
        private void RunSasl(Pop3AuthenticationMethod chosen, ISaslMechanism mechanism, string user, int? loginDelay)
        {
            try
            {
                SaslExchange.Run(Channel, mechanism, loginDelay);
            }
            catch (Pop3Exception refused) when (refused.Kind == Pop3ErrorKind.AuthenticationFailed
                && (chosen == Pop3AuthenticationMethod.XOAuth2 || chosen == Pop3AuthenticationMethod.OAuthBearer))
            {
                refused.Hint = "The server refused the access token: it may have expired, lack the mail scope, or belong to another account than "
                    + user + ". Get a fresh token for this user with the provider's POP scope.";
                throw;
            }
        }

        private static bool HasLineBreak(string text) => text.IndexOf('\r') >= 0 || text.IndexOf('\n') >= 0;

        /// <summary>
        /// Without TLS no credential of any kind leaves the machine unless the options allow it:
        /// a password or token would be read off the wire, and a digest or proof (APOP, CRAM-MD5,
        /// SCRAM) still hands an eavesdropper material for an offline guess or a replay.
        /// </summary>
        private void RefuseIfInsecure(Pop3AuthenticationMethod chosen, string name)
        {
            if (Security != Pop3Security.None || options.AllowInsecureAuthentication) return;
            throw new Pop3Exception(Pop3ErrorKind.InsecureAuthenticationRefused,
                "The connection is not encrypted, and " + name + " would send " + AuthenticationPlanner.WhatCrossesTheWire(chosen)
                + " across it; no credential is sent without TLS.")
            {
                Hint = "Use -Security Tls or StartTls, or -AllowInsecureAuthentication on a trusted network.",
            };
        }
    }
}
