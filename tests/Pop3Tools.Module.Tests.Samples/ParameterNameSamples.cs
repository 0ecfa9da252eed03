using System.Management.Automation;

namespace Pop3Tools.Module.Tests.Samples
{
    [ViolatesRule("DuplicateParameterName")]
    [Cmdlet(VerbsCommon.Get, "BrokenAliasName")]
    [OutputType(typeof(string))]
    public sealed class BrokenAliasNameCommand : PSCmdlet
    {
        [Parameter]
        public string Server { get; set; } = "";

        [Parameter]
        [Alias("SERVER")]
        public string Address { get; set; } = "";
    }

    [ViolatesRule("DuplicateParameterName")]
    [Cmdlet(VerbsCommon.Get, "BrokenTwoAliases")]
    [OutputType(typeof(string))]
    public sealed class BrokenTwoAliasesCommand : PSCmdlet
    {
        [Parameter]
        [Alias("Target")]
        public string Server { get; set; } = "";

        [Parameter]
        [Alias("target")]
        public string Address { get; set; } = "";
    }

    [ViolatesRule("DuplicateParameterName")]
    [Cmdlet(VerbsCommon.Get, "BrokenCaseName")]
    [OutputType(typeof(string))]
    public sealed class BrokenCaseNameCommand : PSCmdlet
    {
        [Parameter]
        public string Uid { get; set; } = "";

        [Parameter]
        public string UID = "";
    }

    /// <summary>Works on 5.1, fails to bind on 7.4+.</summary>
    [ViolatesRule("CommonParameterClash")]
    [Cmdlet(VerbsCommon.Get, "BrokenProgressAction")]
    [OutputType(typeof(string))]
    public sealed class BrokenProgressActionCommand : PSCmdlet
    {
        [Parameter]
        public string ProgressAction { get; set; } = "";
    }

    [ViolatesRule("CommonParameterClash")]
    [Cmdlet(VerbsCommon.Get, "BrokenCommonAlias")]
    [OutputType(typeof(string))]
    public sealed class BrokenCommonAliasCommand : PSCmdlet
    {
        [Parameter]
        [Alias("ea")]
        public string Encoding { get; set; } = "";
    }

    [ViolatesRule("ShouldProcessParameterClash")]
    [Cmdlet(VerbsCommon.Remove, "BrokenWhatIf", SupportsShouldProcess = true)]
    [OutputType(typeof(string))]
    public sealed class BrokenWhatIfCommand : PSCmdlet
    {
        [Parameter]
        public SwitchParameter WhatIf { get; set; }
    }

    [ViolatesRule("ShouldProcessParameterClash")]
    [Cmdlet(VerbsCommon.Remove, "BrokenConfirmAlias", SupportsShouldProcess = true)]
    [OutputType(typeof(string))]
    public sealed class BrokenConfirmAliasCommand : PSCmdlet
    {
        [Parameter]
        [Alias("cf")]
        public SwitchParameter Certain { get; set; }
    }

    [ViolatesRule("PagingParameterClash")]
    [Cmdlet(VerbsCommon.Get, "BrokenFirst", SupportsPaging = true)]
    [OutputType(typeof(string))]
    public sealed class BrokenFirstCommand : PSCmdlet
    {
        [Parameter]
        public int First { get; set; }
    }

    [ViolatesRule("PagingParameterClash")]
    [Cmdlet(VerbsCommon.Get, "BrokenTotalCount", SupportsPaging = true)]
    [OutputType(typeof(string))]
    public sealed class BrokenTotalCountCommand : PSCmdlet
    {
        [Parameter]
        public SwitchParameter IncludeTotalCount { get; set; }
    }
}
