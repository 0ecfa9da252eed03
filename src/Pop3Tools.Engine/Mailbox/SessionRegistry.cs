using System;
using System.Collections.Generic;

namespace Pop3Tools.Engine.Mailbox
{
    // CONTRACT STUB: the session work replaces the bodies.

    /// <summary>
    /// Default session per scope (the module passes the current Runspace as the
    /// scope, so runspaces never share a default) and the set of open sessions,
    /// closed together when the module is removed.
    /// </summary>
    public sealed class SessionRegistry
    {
        public static SessionRegistry Instance { get; } = new SessionRegistry();

        public void SetDefault(object scope, Pop3Session session) => throw new NotImplementedException();
        /// <summary>The scope's default session, or null.</summary>
        public Pop3Session? GetDefault(object scope) => throw new NotImplementedException();
        /// <summary>Tracks an opened session until it is closed.</summary>
        public void Track(Pop3Session session) => throw new NotImplementedException();
        /// <summary>Forgets a closed session everywhere (as any scope's default too).</summary>
        public void Forget(Pop3Session session) => throw new NotImplementedException();
        public IReadOnlyList<Pop3Session> OpenSessions => throw new NotImplementedException();
        /// <summary>Drops every open session without QUIT (module removal): nothing is committed.</summary>
        public void CloseAll() => throw new NotImplementedException();
    }
}
