using System;
using System.Linq;
using System.Management.Automation;
using System.Net;
using System.Threading.Tasks;
using Pop3Tools.Engine.Diagnostics;

namespace Pop3Tools.Commands
{
    /// <summary>
    /// Test-Pop3Server: diagnoses name, port, TLS, certificate and login in one go and emits
    /// one Pop3ServerTestResult per port and security mode. Failed checks are data in the
    /// results; only bad arguments are errors.
    /// </summary>
    [Cmdlet(VerbsDiagnostic.Test, "Pop3Server", HelpUri = HelpLinks.Diagnostics)]
    [OutputType(typeof(Pop3ServerTestResult))]
    public sealed class TestPop3ServerCommand : Pop3Cmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("ComputerName")]
        [ValidateNotNullOrEmpty]
        public string Server { get; set; } = "";

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateRange(1, 65535)]
        [ValidateNotNullOrEmpty]
        public int[]? Port { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public Pop3Security Security { get; set; } = Pop3Security.Auto;

        [Parameter]
        [Credential]
        [ValidateNotNull]
        public PSCredential? Credential { get; set; }

        [Parameter]
        public SwitchParameter AllowInsecureAuthentication { get; set; }

        [Parameter]
        public SwitchParameter SkipCertificateCheck { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? CertificateThumbprint { get; set; }

        [Parameter]
        [ValidateRange(1, 3600)]
        public int TimeoutSeconds { get; set; } = 60;

        protected override void ProcessRecord()
        {
            var log = new QueuedProtocolLog();
            Pop3ProbeRequest request;
            try
            {
                request = new Pop3ProbeRequest(Server, Pop3ProbeRequest.TargetsFor(Port, Security))
                {
                    Timeout = TimeSpan.FromSeconds(TimeoutSeconds),
                    SkipCertificateCheck = SkipCertificateCheck,
                    CertificateThumbprint = CertificateThumbprint,
                    AllowInsecureAuthentication = AllowInsecureAuthentication,
                    // Not PSCredential.GetNetworkCredential(): it would split "alice@example.com" into user and domain.
                    Credential = Credential == null ? null : new NetworkCredential(Credential.UserName, Credential.Password),
                    Log = target => log.For(target.ToString()),
                };
            }
            catch (ArgumentException exception)
            {
                ThrowTerminatingError(new ErrorRecord(exception, "Pop3.InvalidArgument", ErrorCategory.InvalidArgument, Server));
                return;
            }
            WriteStep("Testing " + Server + ": " + string.Join(", ", request.Targets.Select(target => target.ToString()))
                + " at once, each step bounded by " + TimeoutSeconds + " s.");

            // The attempts run on their own threads; this one writes their dialogue as it arrives.
            var probe = Task.Run(() => Pop3ServerProbe.Run(request, CancellationToken));
            while (!probe.IsCompleted) log.Pump(this, 100);
            log.Pump(this, 0);
            try
            {
                foreach (var result in probe.GetAwaiter().GetResult()) WriteObject(result);
            }
            catch (ArgumentException exception)
            {
                ThrowTerminatingError(new ErrorRecord(exception, "Pop3.InvalidArgument", ErrorCategory.InvalidArgument, CertificateThumbprint));
            }
            catch (OperationCanceledException) when (CancellationToken.IsCancellationRequested)
            {
                // PowerShell reports the stop itself.
            }
        }
    }
}
