using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace Pop3Tools.Engine.Mailbox
{
    /// <summary>
    /// Default session per scope (the module passes the current Runspace as the
    /// scope, so runspaces never share a default) and the set of open sessions,
    /// closed together when the module is removed.
    /// </summary>
    /// <remarks>
    /// The defaults live in a ConditionalWeakTable, so a finished runspace takes its
    /// entry with it. That table cannot be enumerated on netstandard2.0, so the holders
    /// are also kept as weak references: Forget walks them to clear a closed session
    /// from every scope. A tracked session forgets itself here when it closes.
    /// </remarks>
    public sealed class SessionRegistry
    {
        private sealed class DefaultHolder
        {
            public Pop3Session? Session;
        }

        private readonly object _gate = new object();
        private readonly ConditionalWeakTable<object, DefaultHolder> _defaults = new ConditionalWeakTable<object, DefaultHolder>();
        private readonly List<WeakReference<DefaultHolder>> _holders = new List<WeakReference<DefaultHolder>>();
        private readonly List<Pop3Session> _open = new List<Pop3Session>();
        /// <summary>The scope each session was opened in, held weakly like the defaults.</summary>
        private readonly Dictionary<Pop3Session, WeakReference<object>> _owners = new Dictionary<Pop3Session, WeakReference<object>>();
        private readonly Action<Pop3Session> _onClosed;

        internal SessionRegistry()
        {
            _onClosed = Forget;
        }

        public static SessionRegistry Instance { get; } = new SessionRegistry();

        /// <summary>
        /// Makes the session the scope's default (and tracks it, owned by the scope if it was not yet).
        /// Its IsDefault says whether it is the default of the scope that owns it.
        /// </summary>
        public void SetDefault(object scope, Pop3Session session)
        {
            if (scope == null) throw new ArgumentNullException(nameof(scope));
            if (session == null) throw new ArgumentNullException(nameof(session));
            if (!TrackSession(session, scope)) return;
            lock (_gate)
            {
                if (!_defaults.TryGetValue(scope, out var holder))
                {
                    holder = new DefaultHolder();
                    _defaults.Add(scope, holder);
                    _holders.Add(new WeakReference<DefaultHolder>(holder));
                }
                if (holder.Session != null && IsOwner(scope, holder.Session)) holder.Session.IsDefault = false;
                holder.Session = session;
                if (IsOwner(scope, session)) session.IsDefault = true;
            }
        }

        /// <summary>The scope's default session, or null.</summary>
        /// <remarks>A dropped session stays the default so Disconnect-Pop3 can report its lost deletions.</remarks>
        public Pop3Session? GetDefault(object scope)
        {
            if (scope == null) throw new ArgumentNullException(nameof(scope));
            lock (_gate)
            {
                return _defaults.TryGetValue(scope, out var holder) ? holder.Session : null;
            }
        }

        /// <summary>Tracks an opened session until it is closed.</summary>
        public void Track(Pop3Session session) => TrackSession(session, null);

        /// <summary>
        /// The open sessions opened in <paramref name="scope"/>, oldest first (Get-Pop3Session);
        /// a dropped one stays listed until Disconnect-Pop3 closes it.
        /// </summary>
        public IReadOnlyList<Pop3Session> SessionsOf(object scope)
        {
            if (scope == null) throw new ArgumentNullException(nameof(scope));
            lock (_gate)
            {
                return _open.FindAll(session => IsOwner(scope, session));
            }
        }

        /// <summary>Whether <paramref name="scope"/> opened the session; called under the lock.</summary>
        private bool IsOwner(object scope, Pop3Session session) =>
            _owners.TryGetValue(session, out var owner) && owner.TryGetTarget(out var target) && ReferenceEquals(target, scope);

        /// <summary>Forgets a closed session everywhere (as any scope's default too).</summary>
        public void Forget(Pop3Session session)
        {
            if (session == null) throw new ArgumentNullException(nameof(session));
            session.RemoveClosedHandler(_onClosed);
            lock (_gate)
            {
                _open.Remove(session);
                _owners.Remove(session);
                session.IsDefault = false;
                _holders.RemoveAll(reference =>
                {
                    if (!reference.TryGetTarget(out var holder)) return true;
                    if (ReferenceEquals(holder.Session, session)) holder.Session = null;
                    return false;
                });
            }
        }

        public IReadOnlyList<Pop3Session> OpenSessions
        {
            get { lock (_gate) return _open.ToArray(); }
        }

        /// <summary>Drops every open session without QUIT: nothing is committed.</summary>
        public void CloseAll() => Drop(OpenSessions);

        /// <summary>
        /// Drops the sessions <paramref name="scope"/> opened, without QUIT, and leaves every
        /// other scope's alone: a runspace that closes or removes the module ends its own
        /// sessions (their sockets and their uncommitted deletions), never another runspace's.
        /// </summary>
        public void CloseScope(object scope) => Drop(SessionsOf(scope));

        private void Drop(IReadOnlyList<Pop3Session> sessions)
        {
            foreach (var session in sessions)
            {
                session.Abort();
                Forget(session);
            }
        }

        /// <summary>False when the session is closed already (nothing to track).</summary>
        private bool TrackSession(Pop3Session session, object? scope)
        {
            if (session == null) throw new ArgumentNullException(nameof(session));
            lock (_gate)
            {
                if (!_open.Contains(session))
                {
                    if (!session.AddClosedHandler(_onClosed)) return false;
                    _open.Add(session);
                }
                if (scope != null && !_owners.ContainsKey(session)) _owners.Add(session, new WeakReference<object>(scope));
                return true;
            }
        }
    }
}
