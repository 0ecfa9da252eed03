using System.Management.Automation;

namespace Pop3Tools.Module.Tests.Samples
{
    // Types PowerShell would silently not export although they carry [Cmdlet].

    [ViolatesRule("NotACmdlet")]
    [Cmdlet(VerbsCommon.Get, "BrokenInternal")]
    [OutputType(typeof(string))]
    internal sealed class BrokenInternalCommand : PSCmdlet
    {
    }

    [ViolatesRule("NotACmdlet")]
    [Cmdlet(VerbsCommon.Get, "BrokenAbstract")]
    [OutputType(typeof(string))]
    public abstract class BrokenAbstractCommand : PSCmdlet
    {
    }

    [ViolatesRule("NotACmdlet")]
    [Cmdlet(VerbsCommon.Get, "BrokenConstructor")]
    [OutputType(typeof(string))]
    public sealed class BrokenConstructorCommand : PSCmdlet
    {
        public BrokenConstructorCommand(int unused) { Unused = unused; }

        public int Unused { get; }
    }

    [ViolatesRule("NotACmdlet")]
    [Cmdlet(VerbsCommon.Get, "BrokenBaseClass")]
    [OutputType(typeof(string))]
    public sealed class BrokenBaseClassCommand
    {
    }

    /// <summary>Derives from PSCmdlet but lacks [Cmdlet]: never exported.</summary>
    [ViolatesRule("NotACmdlet")]
    [OutputType(typeof(string))]
    public sealed class BrokenMissingCmdletAttributeCommand : PSCmdlet
    {
    }

    [ViolatesRule("UnapprovedVerb")]
    [Cmdlet("Frobnicate", "BrokenVerb")]
    [OutputType(typeof(string))]
    public sealed class BrokenVerbCommand : PSCmdlet
    {
    }

    [ViolatesRule("MissingOutputType")]
    [Cmdlet(VerbsCommon.Get, "BrokenOutputType")]
    public sealed class BrokenOutputTypeCommand : PSCmdlet
    {
    }

    // Two cmdlets with one name fail the whole import; each is fine on its own,
    // so the assembly-level check is what must catch them.
    [Cmdlet(VerbsCommon.Get, "BrokenTwin")]
    [OutputType(typeof(string))]
    public sealed class BrokenTwinOneCommand : PSCmdlet
    {
    }

    [Cmdlet(VerbsCommon.Get, "brokentwin")]
    [OutputType(typeof(string))]
    public sealed class BrokenTwinTwoCommand : PSCmdlet
    {
    }

    /// <summary>PowerShell ignores [Parameter] on a static or non-public member.</summary>
    [ViolatesRule("IgnoredParameter")]
    [Cmdlet(VerbsCommon.Get, "BrokenStaticParameter")]
    [OutputType(typeof(string))]
    public sealed class BrokenStaticParameterCommand : PSCmdlet
    {
        [Parameter]
        public static string Name { get; set; } = "";
    }

    [ViolatesRule("IgnoredParameter")]
    [Cmdlet(VerbsCommon.Get, "BrokenPrivateParameter")]
    [OutputType(typeof(string))]
    public sealed class BrokenPrivateParameterCommand : PSCmdlet
    {
        [Parameter]
        internal string Name { get; set; } = "";
    }
}
