using System.Management.Automation;

namespace Pop3Tools.Module.Tests.Samples
{
    /// <summary>33 parameter sets: PowerShell allows at most 32.</summary>
    [ViolatesRule("TooManyParameterSets")]
    [Cmdlet(VerbsCommon.Get, "BrokenTooManySets", DefaultParameterSetName = "S01")]
    [OutputType(typeof(string))]
    public sealed class BrokenTooManySetsCommand : PSCmdlet
    {
        [Parameter(ParameterSetName = "S01")]
        public int P01 { get; set; }

        [Parameter(ParameterSetName = "S02")]
        public int P02 { get; set; }

        [Parameter(ParameterSetName = "S03")]
        public int P03 { get; set; }

        [Parameter(ParameterSetName = "S04")]
        public int P04 { get; set; }

        [Parameter(ParameterSetName = "S05")]
        public int P05 { get; set; }

        [Parameter(ParameterSetName = "S06")]
        public int P06 { get; set; }

        [Parameter(ParameterSetName = "S07")]
        public int P07 { get; set; }

        [Parameter(ParameterSetName = "S08")]
        public int P08 { get; set; }

        [Parameter(ParameterSetName = "S09")]
        public int P09 { get; set; }

        [Parameter(ParameterSetName = "S10")]
        public int P10 { get; set; }

        [Parameter(ParameterSetName = "S11")]
        public int P11 { get; set; }

        [Parameter(ParameterSetName = "S12")]
        public int P12 { get; set; }

        [Parameter(ParameterSetName = "S13")]
        public int P13 { get; set; }

        [Parameter(ParameterSetName = "S14")]
        public int P14 { get; set; }

        [Parameter(ParameterSetName = "S15")]
        public int P15 { get; set; }

        [Parameter(ParameterSetName = "S16")]
        public int P16 { get; set; }

        [Parameter(ParameterSetName = "S17")]
        public int P17 { get; set; }

        [Parameter(ParameterSetName = "S18")]
        public int P18 { get; set; }

        [Parameter(ParameterSetName = "S19")]
        public int P19 { get; set; }

        [Parameter(ParameterSetName = "S20")]
        public int P20 { get; set; }

        [Parameter(ParameterSetName = "S21")]
        public int P21 { get; set; }

        [Parameter(ParameterSetName = "S22")]
        public int P22 { get; set; }

        [Parameter(ParameterSetName = "S23")]
        public int P23 { get; set; }

        [Parameter(ParameterSetName = "S24")]
        public int P24 { get; set; }

        [Parameter(ParameterSetName = "S25")]
        public int P25 { get; set; }

        [Parameter(ParameterSetName = "S26")]
        public int P26 { get; set; }

        [Parameter(ParameterSetName = "S27")]
        public int P27 { get; set; }

        [Parameter(ParameterSetName = "S28")]
        public int P28 { get; set; }

        [Parameter(ParameterSetName = "S29")]
        public int P29 { get; set; }

        [Parameter(ParameterSetName = "S30")]
        public int P30 { get; set; }

        [Parameter(ParameterSetName = "S31")]
        public int P31 { get; set; }

        [Parameter(ParameterSetName = "S32")]
        public int P32 { get; set; }

        [Parameter(ParameterSetName = "S33")]
        public int P33 { get; set; }
    }
}
