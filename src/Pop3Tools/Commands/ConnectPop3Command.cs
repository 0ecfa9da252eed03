using System;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Net;
using System.Security;
using Pop3Tools.Engine.Protocol;

namespace Pop3Tools.Commands
{
    /// <summary>
    /// Connect-Pop3: connects, secures, logs in, and makes the session the
    /// default of the current runspace.
    /// </summary>
    [Cmdlet(VerbsCommunications.Connect, "Pop3", HelpUri = HelpLinks.Cmdlets, DefaultParameterSetName = CredentialSet)]
    [OutputType(typeof(Pop3Session))]
    public sealed class ConnectPop3Command : Pop3Cmdlet
    {
        private const string CredentialSet = "Credential";
        private const string OAuthSet = "OAuth";

        [Parameter(Mandatory = true, Position = 0)]
        [Alias("ComputerName")]
        [ValidateNotNullOrEmpty]
        public string Server { get; set; } = "";

        [Parameter(Mandatory = true, ParameterSetName = CredentialSet)]
        [Credential]
        [ValidateNotNull]
        public PSCredential? Credential { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = OAuthSet)]
        [ValidateNotNullOrEmpty]
        public string UserName { get; set; } = "";

        [Parameter(Mandatory = true, ParameterSetName = OAuthSet)]
        [ValidateNotNull]
        public SecureString? AccessToken { get; set; }

        [Parameter(ParameterSetName = CredentialSet)]
        [Parameter(Mandatory = true, ParameterSetName = OAuthSet)]
        public Pop3AuthenticationMethod Authentication { get; set; } = Pop3AuthenticationMethod.Auto;

        [Parameter]
        [ValidateRange(1, 65535)]
        public int Port { get; set; }

        [Parameter]
        public Pop3Security Security { get; set; } = Pop3Security.Auto;

        [Parameter]
        public SwitchParameter SkipCertificateCheck { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? CertificateThumbprint { get; set; }

        [Parameter]
        [ValidateRange(1, 3600)]
        public int TimeoutSeconds { get; set; } = 60;

        [Parameter]
        public SwitchParameter AllowInsecureAuthentication { get; set; }

        protected override void ProcessRecord()
        {
            RejectMethodOfOtherSet();

            var options = new Pop3ConnectionOptions(Server)
            {
                Port = Port,
                Security = Security,
                Timeout = TimeSpan.FromSeconds(TimeoutSeconds),
                SkipCertificateCheck = SkipCertificateCheck,
                CertificateThumbprint = CertificateThumbprint,
                AllowInsecureAuthentication = AllowInsecureAuthentication,
                Log = CreateProtocolLog(),
            };
            NetworkCredential credential = CreateNetworkCredential();
            WriteStep($"Opening a session to {Server}:{options.EffectivePort} as {credential.UserName} (security {Security}, authentication {Authentication}).");

            Pop3Session session;
            try
            {
                session = Pop3Session.Open(options, credential, Authentication, CancellationToken);
            }
            catch (Pop3Exception exception)
            {
                ThrowPop3Error(exception, Server);
                return;
            }
            catch (OperationCanceledException) when (CancellationToken.IsCancellationRequested)
            {
                // PowerShell reports the stop itself.
                return;
            }
            catch (ArgumentException exception)
            {
                // A credential the chosen mechanism cannot carry (a line break in the user
                // name, a NUL in a PLAIN password): refused before anything was sent.
                ThrowInvalidArgument(exception, credential.UserName);
                return;
            }

            // The log writes to this cmdlet, which is gone once the call ends.
            session.Log = null;
            RunspaceSessions.SetDefault(Runspace.DefaultRunspace, session);
            WriteStep(DescribeConnected(session));
            WriteObject(session);
        }

        /// <summary>
        /// Builds the engine credential without turning the secret into a string:
        /// NetworkCredential keeps the SecureString and the engine reads it only
        /// while authenticating.
        /// </summary>
        private NetworkCredential CreateNetworkCredential()
        {
            if (ParameterSetName == OAuthSet)
            {
                return new NetworkCredential(UserName, AccessToken);
            }

            // Not PSCredential.GetNetworkCredential(): it would split "alice@example.com"
            // into user "alice" and domain "example.com", and POP3 needs the whole name.
            return new NetworkCredential(Credential!.UserName, Credential.Password);
        }

        private void RejectMethodOfOtherSet()
        {
            bool isOAuthMethod = Authentication == Pop3AuthenticationMethod.XOAuth2
                || Authentication == Pop3AuthenticationMethod.OAuthBearer;
            bool oAuthSet = ParameterSetName == OAuthSet;
            if (isOAuthMethod == oAuthSet)
            {
                return;
            }

            string message = oAuthSet
                ? $"-Authentication {Authentication} needs a password: use -Credential instead of -UserName and -AccessToken, or choose XOAuth2 or OAuthBearer."
                : $"-Authentication {Authentication} logs in with an OAuth access token: use -UserName and -AccessToken instead of -Credential.";
            ThrowInvalidArgument(new ArgumentException(message, nameof(Authentication)), Authentication);
        }

        private void ThrowInvalidArgument(ArgumentException exception, object target) =>
            ThrowTerminatingError(new ErrorRecord(exception, "Pop3.InvalidArgument", ErrorCategory.InvalidArgument, target));

        private static string DescribeConnected(Pop3Session session)
        {
            string security = session.TlsProtocol == null
                ? session.Security.ToString()
                : $"{session.Security}, {session.TlsProtocol}, {session.CipherSuite}";
            return $"Connected to {session.Server}:{session.Port} ({security}) as {session.UserName} using {session.AuthenticationMethod}; "
                + $"{Plural.Of(session.MessageCount, "message")}, {ByteSize.Format(session.MailboxSize)}.";
        }
    }
}
