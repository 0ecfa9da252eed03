using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Runtime.ExceptionServices;
using System.Threading;

namespace Pop3Tools.Engine.Mailbox.Export
{
    /// <summary>
    /// Makes groups of received files durable (<see cref="MessageStore.Commit"/>: flush, name,
    /// folder flush, journal) and reads their headers on a worker thread, while the caller's
    /// thread goes on reading the next messages from the server: the flushes and the journal
    /// no longer hold up the network. The caller takes the outcomes on its own thread, the only
    /// one that may write to PowerShell; what is not in an outcome is not durable, and only
    /// durable messages are ever marked for deletion.
    /// </summary>
    /// <remarks>
    /// At most <see cref="MaxWaitingGroups"/> groups wait, so a slow disk slows the download
    /// instead of letting open files pile up. A failure to record a group (the journal) is
    /// rethrown on the caller's thread; the groups after it are discarded, as an inline commit
    /// would have stopped there too.
    /// </remarks>
    internal sealed class BackgroundCommitter : IDisposable
    {
        internal const int MaxWaitingGroups = 2;

        private readonly MessageStore _store;
        private readonly BlockingCollection<List<ReceivedFile>> _groups = new BlockingCollection<List<ReceivedFile>>(MaxWaitingGroups);
        private readonly ConcurrentQueue<CommitOutcome> _outcomes = new ConcurrentQueue<CommitOutcome>();
        private readonly Thread _worker;
        private volatile ExceptionDispatchInfo? _failure;
        private bool _finished;

        public BackgroundCommitter(MessageStore store)
        {
            _store = store;
            _worker = new Thread(Work) { IsBackground = true, Name = "Pop3Tools export commit" };
            _worker.Start();
        }

        /// <summary>Hands a group over; waits while <see cref="MaxWaitingGroups"/> groups are waiting already.</summary>
        public void Add(List<ReceivedFile> group)
        {
            if (group.Count > 0) _groups.Add(group);
        }

        /// <summary>The outcomes ready now, without waiting; rethrows the worker's failure.</summary>
        public List<CommitOutcome> TakeReady()
        {
            var ready = new List<CommitOutcome>();
            while (_outcomes.TryDequeue(out var outcome)) ready.Add(outcome);
            _failure?.Throw();
            return ready;
        }

        /// <summary>Waits until every group handed over is committed, then returns the outcomes not yet taken.</summary>
        public List<CommitOutcome> Finish()
        {
            Stop();
            return TakeReady();
        }

        /// <summary>Commits what was handed over (whole messages, worth keeping for a re-run) and stops the worker.</summary>
        public void Dispose() => Stop();

        private void Stop()
        {
            if (_finished) return;
            _finished = true;
            _groups.CompleteAdding();
            _worker.Join();
            _groups.Dispose();
        }

        private void Work()
        {
            foreach (var group in _groups.GetConsumingEnumerable())
            {
                try
                {
                    if (_failure == null) Commit(group);
                }
                catch (Exception e)
                {
                    _failure = ExceptionDispatchInfo.Capture(e);
                }
                finally
                {
                    foreach (var file in group)
                    {
                        if (_failure != null) file.Discard();
                        else file.Dispose();
                    }
                }
            }
        }

        private void Commit(List<ReceivedFile> group)
        {
            var placed = _store.Commit(group, (file, error) => _outcomes.Enqueue(CommitOutcome.Failed(file, error)));
            foreach (var pair in placed)
            {
                _outcomes.Enqueue(CommitOutcome.Saved(pair.Key, pair.Value, pair.Key.ReadHeaders()));
            }
        }
    }
}
