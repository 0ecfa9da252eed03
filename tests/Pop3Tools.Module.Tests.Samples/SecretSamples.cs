using System.Management.Automation;

namespace Pop3Tools.Module.Tests.Samples
{
    [ViolatesRule("CredentialType")]
    [Cmdlet(VerbsCommunications.Connect, "BrokenCredential")]
    [OutputType(typeof(string))]
    public sealed class BrokenCredentialCommand : PSCmdlet
    {
        [Parameter]
        public string Credential { get; set; } = "";
    }

    [ViolatesRule("PlainTextPassword")]
    [Cmdlet(VerbsCommunications.Connect, "BrokenPassword")]
    [OutputType(typeof(string))]
    public sealed class BrokenPasswordCommand : PSCmdlet
    {
        [Parameter]
        public string Password { get; set; } = "";
    }

    [ViolatesRule("PlainTextPassword")]
    [Cmdlet(VerbsCommunications.Connect, "BrokenSuffixPassword")]
    [OutputType(typeof(string))]
    public sealed class BrokenSuffixPasswordCommand : PSCmdlet
    {
        [Parameter]
        public string[] MailboxPassword { get; set; } = new string[0];
    }

    [ViolatesRule("PlainTextToken")]
    [Cmdlet(VerbsCommunications.Connect, "BrokenToken")]
    [OutputType(typeof(string))]
    public sealed class BrokenTokenCommand : PSCmdlet
    {
        [Parameter]
        public string AccessToken { get; set; } = "";
    }
}
