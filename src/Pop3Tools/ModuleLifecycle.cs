using System.Management.Automation;
using Pop3Tools.Engine.Mailbox;
using Pop3Tools.Engine.Mime;

namespace Pop3Tools
{
    /// <summary>Module-wide setup on Import-Module and teardown on Remove-Module.</summary>
    public sealed class ModuleLifecycle : IModuleAssemblyInitializer, IModuleAssemblyCleanup
    {
        /// <summary>
        /// PowerShell 7 runs on .NET, which knows ISO-2022-JP, Shift_JIS, EUC-JP and
        /// windows-125x only once the code-pages provider is registered.
        /// </summary>
        public void OnImport() => Charsets.RegisterCodePages();

        /// <summary>
        /// Drops every open session without QUIT, so nothing marked for deletion is
        /// committed behind the user's back and no socket outlives the module.
        /// </summary>
        public void OnRemove(PSModuleInfo psModuleInfo) => SessionRegistry.Instance.CloseAll();
    }
}
