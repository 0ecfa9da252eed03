using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;
using Pop3Tools.Engine.Mailbox;

namespace Pop3Tools
{
    /// <summary>
    /// Ends a runspace's sessions with the runspace: when a runspace that opened sessions
    /// closes (a ForEach-Object -Parallel runspace, a disposed runspace pool, a script
    /// stopped and thrown away), they are dropped without QUIT. Without this their sockets
    /// stayed open, and the server kept the mailbox logged in, until the process ended.
    /// </summary>
    internal static class RunspaceSessions
    {
        private static readonly object Watched = new object();
        private static readonly ConditionalWeakTable<Runspace, object> WatchedRunspaces = new ConditionalWeakTable<Runspace, object>();

        /// <summary>Makes <paramref name="session"/> the runspace's default, and watches the runspace once.</summary>
        public static void SetDefault(Runspace runspace, Pop3Session session)
        {
            SessionRegistry.Instance.SetDefault(runspace, session);
            lock (Watched)
            {
                if (WatchedRunspaces.TryGetValue(runspace, out _)) return;
                WatchedRunspaces.Add(runspace, Watched);
            }
            // A static handler: the runspace refers to it, never the other way round.
            runspace.StateChanged += OnStateChanged;
            // Closed while we subscribed: the event has been raised already.
            if (IsEnding(runspace.RunspaceStateInfo.State)) SessionRegistry.Instance.CloseScope(runspace);
        }

        private static void OnStateChanged(object? sender, RunspaceStateEventArgs e)
        {
            if (sender is Runspace runspace && IsEnding(e.RunspaceStateInfo.State))
            {
                SessionRegistry.Instance.CloseScope(runspace);
            }
        }

        private static bool IsEnding(RunspaceState state) =>
            state == RunspaceState.Closing || state == RunspaceState.Closed || state == RunspaceState.Broken;
    }
}
