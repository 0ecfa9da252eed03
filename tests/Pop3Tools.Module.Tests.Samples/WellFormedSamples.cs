using System.Management.Automation;
using System.Security;

namespace Pop3Tools.Module.Tests.Samples
{
    // Controls: they use every feature the rules look at, correctly, so a rule that
    // fires on them is a false alarm.

    /// <summary>The shape of Connect-Pop3: two sets, a default, a position, an alias.</summary>
    [Cmdlet(VerbsCommunications.Connect, "SampleGood", DefaultParameterSetName = "Credential")]
    [OutputType(typeof(string))]
    public sealed class ConnectSampleGoodCommand : PSCmdlet
    {
        [Parameter(Mandatory = true, Position = 0)]
        [Alias("ComputerName")]
        public string Server { get; set; } = "";

        [Parameter(ParameterSetName = "Credential", Mandatory = true, Position = 1)]
        public PSCredential? Credential { get; set; }

        [Parameter(ParameterSetName = "OAuth", Mandatory = true, Position = 1)]
        public string UserName { get; set; } = "";

        [Parameter(ParameterSetName = "OAuth", Mandatory = true)]
        public SecureString? AccessToken { get; set; }

        [Parameter]
        public SwitchParameter SkipCertificateCheck { get; set; }
    }

    /// <summary>The shape of Remove-Pop3Message: ShouldProcess and three sets.</summary>
    [Cmdlet(VerbsCommon.Remove, "SampleGood", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = "Uid")]
    [OutputType(typeof(int))]
    public sealed class RemoveSampleGoodCommand : PSCmdlet
    {
        [Parameter(ParameterSetName = "Uid", Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        public string[] Uid { get; set; } = new string[0];

        [Parameter(ParameterSetName = "Number", Mandatory = true, Position = 0)]
        public int[] Number { get; set; } = new int[0];

        [Parameter(ParameterSetName = "All", Mandatory = true)]
        public SwitchParameter All { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public object? Session { get; set; }

        [Parameter]
        public SwitchParameter PassThru;
    }

    /// <summary>
    /// The shape of Get-Pop3Message: paging without clashes, and a default set that no
    /// parameter declares, chosen when neither -Uid nor -Number is given.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "SampleGood", SupportsPaging = true, DefaultParameterSetName = "All")]
    [OutputType(typeof(string))]
    public sealed class GetSampleGoodCommand : PSCmdlet
    {
        [Parameter(ParameterSetName = "Uid", Mandatory = true, Position = 0)]
        public string[] Uid { get; set; } = new string[0];

        [Parameter(ParameterSetName = "Number", Mandatory = true, Position = 0)]
        public int[] Number { get; set; } = new int[0];

        [Parameter]
        public SwitchParameter NoHeaders { get; set; }
    }

    /// <summary>An abstract base without [Cmdlet] is not a cmdlet and breaks no rule.</summary>
    public abstract class SampleCmdletBase : PSCmdlet
    {
        [Parameter]
        public object? Session { get; set; }
    }

    /// <summary>Inherits its -Session from the base, as the module's cmdlets may.</summary>
    [Cmdlet(VerbsCommunications.Disconnect, "SampleGood")]
    [OutputType(typeof(string))]
    public sealed class DisconnectSampleGoodCommand : SampleCmdletBase
    {
        [Parameter]
        public SwitchParameter Discard { get; set; }
    }
}
