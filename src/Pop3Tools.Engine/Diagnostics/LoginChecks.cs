using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading;
using Pop3Tools.Engine.Authentication;
using Pop3Tools.Engine.Protocol;

namespace Pop3Tools.Engine.Diagnostics
{
    /// <summary>
    /// What the server offers for logging in and, with a credential, a real login by the
    /// strongest mechanism and a STAT, ended by QUIT with nothing marked (the mailbox is
    /// unchanged). No credential of any kind crosses an unencrypted link unless
    /// -AllowInsecureAuthentication, nor goes to a server whose certificate was refused.
    /// </summary>
    internal sealed class LoginChecks
    {
        private readonly Pop3ProbeRequest request;
        private readonly Pop3ConnectionTrace trace;
        private readonly Pop3ServerTestResult result;
        private readonly SemaphoreSlim loginTurn;

        public LoginChecks(Pop3ProbeRequest request, Pop3ConnectionTrace trace, Pop3ServerTestResult result, SemaphoreSlim loginTurn)
        {
            this.request = request;
            this.trace = trace;
            this.result = result;
            this.loginTurn = loginTurn;
        }

        /// <summary>Every login method a server offers, in its order: SASL mechanisms, then APOP and USER.</summary>
        public static IEnumerable<string> Offered(Pop3Capabilities capabilities, bool apop)
        {
            foreach (var mechanism in capabilities.SaslMechanisms) yield return mechanism;
            if (apop) yield return "APOP";
            // A server without CAPA (RFC 1939) has USER even if it cannot say so.
            if (capabilities.User || capabilities.Lines.Count == 0) yield return "USER";
        }

        public IEnumerable<Pop3Check> Build(Pop3Client client, CancellationToken cancellationToken)
        {
            var capabilities = client.Capabilities;
            var userAvailable = capabilities.User || capabilities.Lines.Count == 0;
            Pop3AuthenticationMethod? strongest = null;
            Pop3Check methods;
            try
            {
                strongest = AuthenticationPlanner.Choose(Pop3AuthenticationMethod.Auto, capabilities.SaslMechanisms, userAvailable, client.ApopTimestamp != null);
                methods = new Pop3Check(Pop3CheckNames.AuthenticationMethods, Pop3CheckStatus.Pass,
                    "Offered: " + string.Join(", ", result.AuthenticationMethods) + "; the strongest usable is "
                    + AuthenticationPlanner.MechanismName(strongest.Value) + "." + OnlyAfterStartTls(capabilities));
            }
            catch (Pop3Exception)
            {
                var offered = result.AuthenticationMethods.Length == 0 ? "nothing" : string.Join(", ", result.AuthenticationMethods);
                var hint = client.Security == Pop3Security.None && result.StartTlsAvailable
                    ? "The server offers password logins only over TLS: use -Security StartTls (or Tls on port 995)."
                    : "Enable a password mechanism on the server (SCRAM-SHA-256, PLAIN or USER over TLS); OAuth-only servers need Connect-Pop3 -AccessToken.";
                methods = new Pop3Check(Pop3CheckNames.AuthenticationMethods, Pop3CheckStatus.Fail,
                    "No login method Pop3Tools can use with a password; the server offers " + offered + ".", hint);
            }
            yield return methods;

            if (request.Credential == null)
            {
                yield return new Pop3Check(Pop3CheckNames.Login, Pop3CheckStatus.Skipped, "No -Credential given: the login was not tested.",
                    "Add -Credential to test a real login (read-only: STAT, nothing is changed).");
                yield return new Pop3Check(Pop3CheckNames.Mailbox, Pop3CheckStatus.Skipped, "Needs a login.");
                yield break;
            }
            var refusal = RefusalToSend(client);
            if (refusal != null || strongest == null)
            {
                yield return refusal ?? new Pop3Check(Pop3CheckNames.Login, Pop3CheckStatus.Skipped, "Not tried: no usable login method.");
                yield return new Pop3Check(Pop3CheckNames.Mailbox, Pop3CheckStatus.Skipped, "Needs a login.");
                yield break;
            }
            foreach (var check in LogIn(client, strongest.Value, cancellationToken)) yield return check;
        }

        /// <summary>The module's rule, stated as a check: why no credential was sent, and how to test anyway.</summary>
        private Pop3Check? RefusalToSend(Pop3Client client)
        {
            if (trace.CertificateRejection != null)
            {
                return new Pop3Check(Pop3CheckNames.Login, Pop3CheckStatus.Skipped,
                    "Not tried: the certificate was refused, and no credential goes to a server that has not proved who it is.",
                    "Fix the certificate (see the certificate checks), or to test anyway pin it with -CertificateThumbprint (or -SkipCertificateCheck on a test server).");
            }
            if (client.Security == Pop3Security.None && !request.AllowInsecureAuthentication)
            {
                return new Pop3Check(Pop3CheckNames.Login, Pop3CheckStatus.Skipped,
                    "Not tried: the connection is not encrypted, and no credential (password, APOP digest, CRAM-MD5 or SCRAM proof) is sent in clear.",
                    "Use -Security StartTls or Tls; to test this unencrypted login anyway on a trusted network, add -AllowInsecureAuthentication.");
            }
            return null;
        }

        private IEnumerable<Pop3Check> LogIn(Pop3Client client, Pop3AuthenticationMethod method, CancellationToken cancellationToken)
        {
            var mechanism = AuthenticationPlanner.MechanismName(method);
            result.LoginMethod = mechanism;
            result.LoginTested = true;
            var checks = new List<Pop3Check>();
            loginTurn.Wait(cancellationToken);
            try
            {
                var clock = Stopwatch.StartNew();
                try
                {
                    client.Authenticate(request.Credential!, method, cancellationToken);
                }
                catch (Pop3Exception e)
                {
                    result.LoginSucceeded = false;
                    result.LoginMs = ProbeAttempt.Milliseconds(clock.Elapsed);
                    checks.Add(LoginFailure(client, mechanism, e));
                    checks.Add(new Pop3Check(Pop3CheckNames.Mailbox, Pop3CheckStatus.Skipped, "Needs a login."));
                    return checks;
                }
                catch (ArgumentException e)
                {
                    // A credential the mechanism cannot carry (a line break): refused before sending.
                    result.LoginSucceeded = false;
                    checks.Add(new Pop3Check(Pop3CheckNames.Login, Pop3CheckStatus.Fail, e.Message, "Check the user name and password for stray line breaks."));
                    checks.Add(new Pop3Check(Pop3CheckNames.Mailbox, Pop3CheckStatus.Skipped, "Needs a login."));
                    return checks;
                }
                result.LoginSucceeded = true;
                result.LoginMs = ProbeAttempt.Milliseconds(clock.Elapsed);
                checks.Add(new Pop3Check(Pop3CheckNames.Login, Pop3CheckStatus.Pass,
                    "Logged in as " + request.Credential!.UserName + " with " + mechanism + " in " + ConnectionChecks.Ms(result.LoginMs) + "."));
                checks.Add(Mailbox(client, cancellationToken));
                return checks;
            }
            finally
            {
                loginTurn.Release();
            }
        }

        private Pop3Check Mailbox(Pop3Client client, CancellationToken cancellationToken)
        {
            try
            {
                var stat = client.Stat(cancellationToken);
                result.MessageCount = stat.Count;
                result.MailboxSize = stat.Size;
                // QUIT with nothing marked: the session ends cleanly and the mailbox stays as it was.
                client.Quit(cancellationToken);
                return new Pop3Check(Pop3CheckNames.Mailbox, Pop3CheckStatus.Pass,
                    stat.Count.ToString(CultureInfo.InvariantCulture) + " messages, " + stat.Size.ToString(CultureInfo.InvariantCulture) + " bytes (STAT).");
            }
            catch (Pop3Exception e)
            {
                return new Pop3Check(Pop3CheckNames.Mailbox, Pop3CheckStatus.Fail, "STAT failed: " + e.Message,
                    e.Hint ?? "The login worked but the mailbox could not be opened: ask the server's administrator (mailbox corrupt, quota, permissions).");
            }
        }

        private Pop3Check LoginFailure(Pop3Client client, string mechanism, Pop3Exception e)
        {
            var detail = mechanism + " login as " + request.Credential!.UserName + " failed: " + e.Message;
            var code = e.ResponseCode ?? string.Empty;
            string hint;
            if (code.StartsWith("SYS/TEMP", StringComparison.OrdinalIgnoreCase))
            {
                hint = "[SYS/TEMP]: a temporary problem on the server (storage, overload); the credentials may be fine. Try again later.";
            }
            else if (code.StartsWith("SYS/PERM", StringComparison.OrdinalIgnoreCase))
            {
                hint = "[SYS/PERM]: a lasting problem with this account or server; retrying will not help. Contact the server's administrator.";
            }
            else if (e.Kind == Pop3ErrorKind.MailboxInUse)
            {
                hint = "[IN-USE]: another session (a mail client, a phone, a stuck process) holds the mailbox; close it or wait a few minutes. The password was accepted.";
            }
            else if (e.Kind == Pop3ErrorKind.LoginDelay)
            {
                hint = "[LOGIN-DELAY]: " + (e.Hint ?? "the server limits how often this mailbox may log in; wait and try again.")
                    + " Clients polling more often than that are refused.";
            }
            else if (client.Security == Pop3Security.None && MentionsEncryption(e.ServerText))
            {
                hint = "The server accepts passwords only over TLS: use -Security StartTls (or Tls on port 995).";
            }
            else if (e.Kind == Pop3ErrorKind.AuthenticationFailed)
            {
                hint = (code.StartsWith("AUTH", StringComparison.OrdinalIgnoreCase) ? "[AUTH]: the server rejected the credentials. " : string.Empty)
                    + "Check the user name (often the full e-mail address) and the password; if both are right, the account may be locked or have POP3 disabled.";
            }
            else
            {
                hint = e.Hint ?? "The connection broke during the login: check the server's log.";
            }
            return new Pop3Check(Pop3CheckNames.Login, Pop3CheckStatus.Fail, detail, hint);
        }

        /// <summary>Dovecot: "Plaintext authentication disallowed on non-secure (SSL/TLS) connections."</summary>
        private static bool MentionsEncryption(string? text)
        {
            if (string.IsNullOrEmpty(text)) return false;
            var words = new[] { "plaintext", "ssl", "tls", "secure", "encrypt" };
            return words.Any(word => text!.IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0);
        }

        /// <summary>Password mechanisms the server hides until TLS is up (e.g. Dovecot's disable_plaintext_auth).</summary>
        private string OnlyAfterStartTls(Pop3Capabilities capabilities)
        {
            var before = trace.CapabilitiesBeforeStartTls;
            if (before == null) return string.Empty;
            var plain = Offered(before, result.ApopAvailable).ToList();
            var later = Offered(capabilities, result.ApopAvailable).Where(method => !plain.Contains(method, StringComparer.OrdinalIgnoreCase)).ToList();
            return later.Count == 0 ? string.Empty : " Offered only after STLS: " + string.Join(", ", later) + " (passwords are accepted only over TLS).";
        }
    }
}
