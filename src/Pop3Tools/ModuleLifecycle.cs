using System.Management.Automation;
using System.Management.Automation.Runspaces;
using Pop3Tools.Engine.Mailbox;
using Pop3Tools.Loading;

namespace Pop3Tools
{
    /// <summary>Module-wide setup on Import-Module and teardown on Remove-Module.</summary>
    public sealed class ModuleLifecycle : IModuleAssemblyInitializer, IModuleAssemblyCleanup
    {
        /// <summary>
        /// Points the engine and its dependencies at the module's own copies, then makes
        /// the legacy code pages decodable. Must not touch an engine type: until
        /// <see cref="DependencyIsolation.Register"/> has run, the engine cannot be found.
        /// </summary>
        public void OnImport()
        {
            DependencyIsolation.Register();
            CodePages.Register();
        }

        /// <summary>
        /// Drops the sessions this runspace opened without QUIT, so nothing marked for
        /// deletion is committed behind the user's back and no socket outlives the module.
        /// Other runspaces keep theirs: the module is imported into each runspace, and one
        /// runspace's Remove-Module (or Import-Module -Force) must not cut the sessions of
        /// a ForEach-Object -Parallel or runspace-pool sibling.
        /// </summary>
        public void OnRemove(PSModuleInfo psModuleInfo)
        {
            var runspace = Runspace.DefaultRunspace;
            if (runspace == null) SessionRegistry.Instance.CloseAll();
            else SessionRegistry.Instance.CloseScope(runspace);
        }
    }
}
