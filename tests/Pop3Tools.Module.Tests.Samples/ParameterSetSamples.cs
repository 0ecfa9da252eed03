using System.Management.Automation;

namespace Pop3Tools.Module.Tests.Samples
{
    [ViolatesRule("DuplicateSetOnMember")]
    [Cmdlet(VerbsCommon.Get, "BrokenSameSetTwice")]
    [OutputType(typeof(string))]
    public sealed class BrokenSameSetTwiceCommand : PSCmdlet
    {
        [Parameter(ParameterSetName = "Uid", Position = 0)]
        [Parameter(ParameterSetName = "Uid", Mandatory = true)]
        public string Uid { get; set; } = "";
    }

    [ViolatesRule("DuplicatePosition")]
    [Cmdlet(VerbsCommon.Get, "BrokenPosition", DefaultParameterSetName = "Uid")]
    [OutputType(typeof(string))]
    public sealed class BrokenPositionCommand : PSCmdlet
    {
        [Parameter(ParameterSetName = "Uid", Position = 0)]
        public string Uid { get; set; } = "";

        [Parameter(ParameterSetName = "Uid", Position = 0)]
        public string Folder { get; set; } = "";

        [Parameter(ParameterSetName = "Number", Position = 0)]
        public int Number { get; set; }
    }

    /// <summary>A parameter of all sets takes its position in every set.</summary>
    [ViolatesRule("DuplicatePosition")]
    [Cmdlet(VerbsCommon.Get, "BrokenAllSetsPosition", DefaultParameterSetName = "Uid")]
    [OutputType(typeof(string))]
    public sealed class BrokenAllSetsPositionCommand : PSCmdlet
    {
        [Parameter(Position = 0)]
        public string Server { get; set; } = "";

        [Parameter(ParameterSetName = "Uid", Position = 1)]
        public string Uid { get; set; } = "";

        [Parameter(ParameterSetName = "Number", Position = 0)]
        public int Number { get; set; }
    }

    [ViolatesRule("MissingDefaultParameterSet")]
    [Cmdlet(VerbsCommon.Get, "BrokenNoDefault")]
    [OutputType(typeof(string))]
    public sealed class BrokenNoDefaultCommand : PSCmdlet
    {
        [Parameter(ParameterSetName = "Uid")]
        public string Uid { get; set; } = "";

        [Parameter(ParameterSetName = "Number")]
        public int Number { get; set; }
    }

    /// <summary>Set names compare ordinally: "uid" is a third, parameterless set.</summary>
    [ViolatesRule("UnknownDefaultParameterSet")]
    [Cmdlet(VerbsCommon.Get, "BrokenDefaultName", DefaultParameterSetName = "uid")]
    [OutputType(typeof(string))]
    public sealed class BrokenDefaultNameCommand : PSCmdlet
    {
        [Parameter(ParameterSetName = "Uid")]
        public string Uid { get; set; } = "";

        [Parameter(ParameterSetName = "Number")]
        public int Number { get; set; }
    }

    /// <summary>Nothing tells the "Both" set apart: PowerShell cannot choose it.</summary>
    [ViolatesRule("SetWithoutUniqueParameter")]
    [Cmdlet(VerbsCommon.Get, "BrokenNoUniqueParameter", DefaultParameterSetName = "Uid")]
    [OutputType(typeof(string))]
    public sealed class BrokenNoUniqueParameterCommand : PSCmdlet
    {
        [Parameter(ParameterSetName = "Uid")]
        public string Uid { get; set; } = "";

        [Parameter(ParameterSetName = "Uid")]
        [Parameter(ParameterSetName = "Both")]
        public int Number { get; set; }
    }
}
