namespace Pop3Tools.Module.Tests.Rules;

/// <summary>Full names of the System.Management.Automation types the rules read.</summary>
internal static class SmaNames
{
    public const string Namespace = "System.Management.Automation";
    public const string Cmdlet = Namespace + ".Cmdlet";
    public const string CmdletAttribute = Namespace + ".CmdletAttribute";
    public const string ParameterAttribute = Namespace + ".ParameterAttribute";
    public const string AliasAttribute = Namespace + ".AliasAttribute";
    public const string OutputTypeAttribute = Namespace + ".OutputTypeAttribute";
    public const string PSCredential = Namespace + ".PSCredential";
    public const string SwitchParameter = Namespace + ".SwitchParameter";
    public const string SecureString = "System.Security.SecureString";

    /// <summary>The set name PowerShell gives a [Parameter] that names no set.</summary>
    public const string AllParameterSets = "__AllParameterSets";
}
