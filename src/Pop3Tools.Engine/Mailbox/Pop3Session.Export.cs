using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using Pop3Tools.Engine.Mailbox;
using Pop3Tools.Engine.Mailbox.Export;
using Pop3Tools.Engine.Protocol;

namespace Pop3Tools
{
    public sealed partial class Pop3Session
    {
        private const int CopyBufferBytes = 64 * 1024;
        private const long ProgressStepBytes = 1024 * 1024;

        /// <summary>Names this mailbox in an export folder's journal: the user and the server, not the port.</summary>
        internal string MailboxId => UserName + "@" + Server.ToLowerInvariant();

        /// <summary>
        /// Saves each message as an .eml file in <see cref="ExportOptions.Folder"/>, straight from
        /// the socket (RETR, pipelined) to disk, skipping what the folder's journal holds for this
        /// mailbox unless <see cref="ExportOptions.Force"/>. With <see cref="ExportOptions.Delete"/>
        /// a message is marked for deletion only after its file and journal line are on the device.
        /// </summary>
        /// <remarks>
        /// The messages come in one pipelined batch; every <see cref="ExportOptions.GroupSize"/>
        /// of them are made durable and journaled together (one folder flush and one journal flush
        /// for the group) and reported to <paramref name="onSaved"/>; with Delete the DELEs follow
        /// the batch, for journaled messages only. A failure about one message (not found, size
        /// mismatch, save failed) goes to <paramref name="onError"/> and the export goes on. If the
        /// link drops or the export is cancelled, the messages that arrived whole are still
        /// committed to the folder (not marked), the one in flight leaves no file, and the
        /// exception propagates.
        /// </remarks>
        internal void Export(IReadOnlyList<Pop3MessageInfo> messages, ExportOptions options, Action<Pop3SavedMessage> onSaved,
            Action<Pop3MessageInfo, Pop3Exception> onError, Action<ExportProgress>? progress, CancellationToken cancellationToken)
        {
            if (messages == null) throw new ArgumentNullException(nameof(messages));
            if (options == null) throw new ArgumentNullException(nameof(options));
            if (onSaved == null) throw new ArgumentNullException(nameof(onSaved));
            if (onError == null) throw new ArgumentNullException(nameof(onError));
            var byNumber = GroupByNumber(messages);

            using (var store = MessageStore.Open(options.Folder, MailboxId))
            {
                var toFetch = new List<Pop3MessageInfo>();
                var savedBefore = new List<Pop3MessageInfo>();
                foreach (var number in byNumber.Numbers)
                {
                    var info = byNumber.First(number);
                    if (info.Uid.Length == 0) onError(info, ExportErrors.NoUid(info));
                    else if (!options.Force && store.FindSaved(info.Uid) != null) savedBefore.Add(info);
                    else toFetch.Add(info);
                }
                if (toFetch.Count == 0 && !(options.Delete && savedBefore.Count > 0))
                {
                    _log.Step($"Nothing to download: the {savedBefore.Count} message(s) selected are saved in {store.Folder} already");
                    return;
                }

                Run(cancellationToken, client =>
                {
                    _log.Step($"Exporting {toFetch.Count} message(s) to {store.Folder}"
                        + (savedBefore.Count > 0 ? $"; {savedBefore.Count} saved there by an earlier export are skipped" : string.Empty));
                    if (options.Delete && savedBefore.Count > 0)
                    {
                        _log.Step($"Marking the {savedBefore.Count} message(s) saved earlier for deletion");
                        MarkSaved(client, savedBefore, null, onError, cancellationToken);
                    }
                    new ExportRun(this, client, store, options, onSaved, onError, progress, cancellationToken).Run(toFetch);
                });
            }
        }

        /// <summary>
        /// DELE for messages whose save is durable (pipelined). Already-marked ones count as
        /// marked; if the link drops, every one sent counts as a lost pending deletion.
        /// </summary>
        private void MarkSaved(Pop3Client client, IReadOnlyList<Pop3MessageInfo> infos, Action<Pop3MessageInfo>? onMarked,
            Action<Pop3MessageInfo, Pop3Exception> onError, CancellationToken cancellationToken)
        {
            var byNumber = new MessagesByNumber(infos.Count);
            foreach (var info in infos) byNumber.Add(info);
            var toDelete = new List<int>(byNumber.Numbers.Count);
            foreach (var number in byNumber.Numbers)
            {
                if (IsPending(number)) byNumber.Each(number, info => onMarked?.Invoke(info));
                else toDelete.Add(number);
            }
            if (toDelete.Count == 0) return;

            var refused = new Dictionary<int, Pop3Exception>();
            try
            {
                client.Delete(toDelete, (number, error) => refused[number] = error, cancellationToken);
            }
            catch (Exception) when (!client.IsConnected)
            {
                AddPending(toDelete, refused, byNumber);
                throw;
            }
            AddPending(toDelete, refused, byNumber);
            foreach (var number in toDelete)
            {
                if (refused.TryGetValue(number, out var error)) byNumber.Each(number, error, onError);
                else byNumber.Each(number, info => onMarked?.Invoke(info));
            }
        }

        /// <summary>One export's download loop over groups of messages, inside the session's operation lock.</summary>
        private sealed class ExportRun
        {
            private readonly Pop3Session _session;
            private readonly Pop3Client _client;
            private readonly MessageStore _store;
            private readonly ExportOptions _options;
            private readonly Action<Pop3SavedMessage> _onSaved;
            private readonly Action<Pop3MessageInfo, Pop3Exception> _onError;
            private readonly Action<ExportProgress>? _progress;
            private readonly CancellationToken _cancellationToken;
            private readonly byte[] _buffer = new byte[CopyBufferBytes];
            /// <summary>Complete files not yet committed.</summary>
            private readonly List<ReceivedFile> _arrived = new List<ReceivedFile>();
            /// <summary>With Delete: committed messages waiting for their DELE.</summary>
            private readonly List<Pop3SavedMessage> _durable = new List<Pop3SavedMessage>();
            private BackgroundCommitter? _committer;
            private long _arrivedBytes;
            private int _messagesDone;
            private int _messagesTotal;
            private long _bytesDone;
            private long _bytesTotal;
            private long _bytesReported;

            public ExportRun(Pop3Session session, Pop3Client client, MessageStore store, ExportOptions options, Action<Pop3SavedMessage> onSaved,
                Action<Pop3MessageInfo, Pop3Exception> onError, Action<ExportProgress>? progress, CancellationToken cancellationToken)
            {
                _session = session;
                _client = client;
                _store = store;
                _options = options;
                _onSaved = onSaved;
                _onError = onError;
                _progress = progress;
                _cancellationToken = cancellationToken;
            }

            /// <summary>
            /// One pipelined RETR batch for all the messages, so the server never waits for a
            /// commit: files are made durable and journaled a group at a time from inside the
            /// batch (that needs the disk, not the connection). Without Delete each group is
            /// reported as it is committed; with Delete the DELEs follow the batch, for what the
            /// journal holds, and the messages are reported with their marks.
            /// </summary>
            public void Run(List<Pop3MessageInfo> toFetch)
            {
                _messagesTotal = toFetch.Count;
                var byNumber = new Dictionary<int, Pop3MessageInfo>(toFetch.Count);
                var numbers = new List<int>(toFetch.Count);
                foreach (var info in toFetch)
                {
                    byNumber[info.Number] = info;
                    numbers.Add(info.Number);
                    _bytesTotal += info.Size;
                }
                Report();

                using (_committer = new BackgroundCommitter(_store))
                {
                    try
                    {
                        _client.Retrieve(numbers, (number, data) =>
                        {
                            var file = Receive(byNumber[number], data);
                            if (file != null)
                            {
                                _arrived.Add(file);
                                _arrivedBytes += file.Length;
                            }
                            Advance();
                            if (_arrived.Count >= _options.GroupSize || _arrivedBytes >= _options.GroupBytes) HandOverArrived();
                            Deliver(_committer.TakeReady());
                        },
                        (number, error) =>
                        {
                            _onError(byNumber[number], error);
                            Advance();
                        },
                        _cancellationToken,
                        // A reply running far past its LIST size (one that never ends) is refused, not written to disk forever.
                        number => byNumber[number].Size);
                    }
                    catch
                    {
                        KeepWhatArrived();
                        throw;
                    }

                    HandOverArrived();
                    Deliver(_committer.Finish());
                }
                if (!_options.Delete || _durable.Count == 0) return;
                var saved = new Dictionary<int, Pop3SavedMessage>(_durable.Count);
                var listings = new List<Pop3MessageInfo>(_durable.Count);
                foreach (var message in _durable)
                {
                    saved[message.Number] = message;
                    listings.Add(byNumber[message.Number]);
                }
                _session.MarkSaved(_client, listings, info => saved[info.Number].Deleted = true, _onError, _cancellationToken);
                foreach (var message in _durable) _onSaved(message);
            }

            /// <summary>Hands the files that arrived since the last group to the committer.</summary>
            private void HandOverArrived()
            {
                if (_arrived.Count == 0) return;
                var files = new List<ReceivedFile>(_arrived);
                _arrived.Clear();
                _arrivedBytes = 0;
                _committer!.Add(files);
            }

            /// <summary>Writes what the committer made durable (or could not), on this thread.</summary>
            private void Deliver(List<CommitOutcome> outcomes)
            {
                foreach (var outcome in outcomes)
                {
                    var file = outcome.File;
                    if (outcome.Error != null)
                    {
                        _onError(file.Listing, outcome.Error);
                        continue;
                    }
                    var headers = outcome.Headers;
                    var message = new Pop3SavedMessage(file.Listing, outcome.Path!, file.Length, file.Sha256, headers.Subject, headers.From, headers.Date);
                    if (_options.Delete) _durable.Add(message);
                    else _onSaved(message);
                }
            }

            private ReceivedFile? Receive(Pop3MessageInfo info, Stream data)
            {
                ReceivedFile file;
                try
                {
                    file = _store.Begin(info);
                }
                catch (Pop3Exception error)
                {
                    _onError(info, error);
                    return null;
                }

                var keep = false;
                try
                {
                    int read;
                    while ((read = data.Read(_buffer, 0, _buffer.Length)) > 0)
                    {
                        if (!Write(file, read)) return null;
                        _bytesDone += read;
                        if (_bytesDone - _bytesReported >= ProgressStepBytes) Report();
                        _cancellationToken.ThrowIfCancellationRequested();
                    }
                    // Retrieve hands every message over as the protocol's data stream.
                    file.Complete(((MessageDataStream)data).LineEnds);
                    keep = true;
                    return file;
                }
                catch (Pop3Exception error) when (error.Kind == Pop3ErrorKind.SizeMismatch)
                {
                    _onError(info, error);
                    return null;
                }
                catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
                {
                    // Only the file side throws these: a read failure arrives as Pop3Exception, a stop as a cancellation.
                    _onError(info, ExportErrors.SaveFailed(info, e));
                    return null;
                }
                finally
                {
                    if (!keep) file.Discard();
                }
            }

            private bool Write(ReceivedFile file, int count)
            {
                try
                {
                    file.Write(_buffer, count);
                    return true;
                }
                catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
                {
                    // The disk refused, not the link: this message fails, the rest of its data is drained.
                    _onError(file.Listing, ExportErrors.SaveFailed(file.Listing, e));
                    return false;
                }
            }

            /// <summary>
            /// After a failure: whole messages that arrived are committed all the same, so a new
            /// export skips them; none is marked for deletion, and the failure is what is reported.
            /// </summary>
            private void KeepWhatArrived()
            {
                List<CommitOutcome> rest;
                try
                {
                    HandOverArrived();
                    rest = _committer!.Finish();
                }
                catch (Pop3Exception)
                {
                    // The original failure is the one to report; these stay on the server.
                    return;
                }
                var kept = rest.Count(outcome => outcome.Error == null);
                if (kept > 0) _session._log.Step($"Kept the {kept} message(s) that arrived whole; a new export skips them");
                // Saved is saved: shown as it would have been had the failure come later, unless the user stopped the run.
                if (!_options.Delete && !_cancellationToken.IsCancellationRequested) Deliver(rest);
            }

            private void Advance()
            {
                _messagesDone++;
                Report();
            }

            private void Report()
            {
                _bytesReported = _bytesDone;
                _progress?.Invoke(new ExportProgress(_messagesDone, _messagesTotal, _bytesDone, _bytesTotal));
            }
        }
    }
}
