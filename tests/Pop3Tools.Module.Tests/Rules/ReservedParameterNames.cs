namespace Pop3Tools.Module.Tests.Rules;

/// <summary>Names and aliases PowerShell adds to every cmdlet, or with ShouldProcess or paging.</summary>
public static class ReservedParameterNames
{
    /// <summary>ProgressAction/proga arrived in 7.4: a clash loads on 5.1 and breaks there.</summary>
    public static readonly string[] Common =
    {
        "Verbose", "vb", "Debug", "db", "ErrorAction", "ea", "WarningAction", "wa",
        "InformationAction", "infa", "ErrorVariable", "ev", "WarningVariable", "wv",
        "InformationVariable", "iv", "OutVariable", "ov", "OutBuffer", "ob",
        "PipelineVariable", "pv", "ProgressAction", "proga",
    };

    public static readonly string[] ShouldProcess = { "WhatIf", "wi", "Confirm", "cf" };

    public static readonly string[] Paging = { "First", "Skip", "IncludeTotalCount" };
}
