using System.Management.Automation;
using Pop3Tools.Engine.Mailbox;

namespace Pop3Tools
{
    /// <summary>
    /// Remove-Module drops every open session without QUIT, so nothing marked for
    /// deletion is committed behind the user's back and no socket outlives the module.
    /// </summary>
    public sealed class ModuleCleanup : IModuleAssemblyCleanup
    {
        public void OnRemove(PSModuleInfo psModuleInfo) => SessionRegistry.Instance.CloseAll();
    }
}
