namespace Pop3Tools.Commands
{
    /// <summary>Where Get-Help -Online goes; the MAML's "Online Version:" links say the same.</summary>
    internal static class HelpLinks
    {
        internal const string Cmdlets = "https://github.com/pop3tools/Pop3Tools/blob/main/README.md#cmdlets";
        internal const string Diagnostics = "https://github.com/pop3tools/Pop3Tools/blob/main/README.md#diagnosing-a-server";
    }
}
