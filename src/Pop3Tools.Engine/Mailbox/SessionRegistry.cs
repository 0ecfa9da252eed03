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
        private readonly Action<Pop3Session> _onClosed;

        internal SessionRegistry()
        {
            _onClosed = Forget;
        }

        public static SessionRegistry Instance { get; } = new SessionRegistry();

        /// <summary>Makes the session the scope's default (and tracks it).</summary>
        public void SetDefault(object scope, Pop3Session session)
        {
            if (scope == null) throw new ArgumentNullException(nameof(scope));
            if (session == null) throw new ArgumentNullException(nameof(session));
            if (!TrackSession(session)) return;
            lock (_gate)
            {
                if (!_defaults.TryGetValue(scope, out var holder))
                {
                    holder = new DefaultHolder();
                    _defaults.Add(scope, holder);
                    _holders.Add(new WeakReference<DefaultHolder>(holder));
                }
                holder.Session = session;
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
        public void Track(Pop3Session session) => TrackSession(session);

        /// <summary>Forgets a closed session everywhere (as any scope's default too).</summary>
        public void Forget(Pop3Session session)
        {
            if (session == null) throw new ArgumentNullException(nameof(session));
            session.RemoveClosedHandler(_onClosed);
            lock (_gate)
            {
                _open.Remove(session);
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

        /// <summary>Drops every open session without QUIT (module removal): nothing is committed.</summary>
        public void CloseAll()
        {
            foreach (var session in OpenSessions)
            {
                session.Dispose();
                Forget(session);
            }
        }

        /// <summary>False when the session is closed already (nothing to track).</summary>
        private bool TrackSession(Pop3Session session)
        {
            if (session == null) throw new ArgumentNullException(nameof(session));
            lock (_gate)
            {
                if (_open.Contains(session)) return true;
                if (!session.AddClosedHandler(_onClosed)) return false;
                _open.Add(session);
                return true;
            }
        }
    }
}
