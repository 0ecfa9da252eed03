using System;
using System.Collections.Generic;
using Pop3Tools.Engine.Protocol;

namespace Pop3Tools.Engine.Mailbox
{
    /// <summary>One message as the index knows it: its number in this session, UID and size.</summary>
    internal readonly struct IndexedMessage
    {
        public IndexedMessage(int number, string uid, long size)
        {
            Number = number;
            Uid = uid;
            Size = size;
        }

        public int Number { get; }

        /// <summary>Empty when the server gave this message no usable UID.</summary>
        public string Uid { get; }

        public long Size { get; }
    }

    /// <summary>
    /// The UID/number map of one session, built once from LIST and UIDL. Numbers are
    /// stable within a session, so the map never needs refreshing; what changes is which
    /// messages are marked for deletion, which the caller passes in at each resolution.
    /// A UID shared by several messages, or missing, cannot name a message safely: such
    /// messages are left out of UID and All selections (and reported), reachable only by
    /// the number the user names explicitly.
    /// </summary>
    internal sealed class MessageIndex
    {
        private const string NumbersHint = "Message numbers change between sessions; address messages by -Uid.";
        private const string BrokenUidHint =
            "The server's UIDL reply is inconsistent; tell its administrator. To act on such a message anyway, name it by -Number.";

        private readonly List<IndexedMessage> _ordered;
        private readonly Dictionary<int, IndexedMessage> _byNumber;
        /// <summary>Each UID's message number (the first, for a shared UID).</summary>
        private readonly Dictionary<string, int> _byUid;
        /// <summary>The numbers of every message whose UID is shared; null when none is (the usual case).</summary>
        private Dictionary<string, List<int>>? _sharedUids;

        /// <param name="list">LIST: the authority on which messages exist and their sizes.</param>
        /// <param name="uids">UIDL, or null when the server does not support it.</param>
        public MessageIndex(IReadOnlyList<Pop3ListEntry> list, IReadOnlyList<Pop3UidEntry>? uids)
        {
            if (list == null) throw new ArgumentNullException(nameof(list));
            HasUids = uids != null;

            // Every collection is sized up front: at 10,000 messages each one is past the large-object
            // threshold, and growing by doubling left a chain of large arrays per session, each
            // counting towards a full (gen2) collection.
            var uidByNumber = new Dictionary<int, string>(uids?.Count ?? 0);
            if (uids != null)
            {
                foreach (var entry in uids)
                {
                    if (!uidByNumber.ContainsKey(entry.Number)) uidByNumber.Add(entry.Number, entry.Uid);
                }
            }

            _byNumber = new Dictionary<int, IndexedMessage>(list.Count);
            _byUid = new Dictionary<string, int>(list.Count, StringComparer.Ordinal);
            _ordered = new List<IndexedMessage>(list.Count);
            var inOrder = true;
            foreach (var entry in list)
            {
                if (_byNumber.ContainsKey(entry.Number)) continue;
                uidByNumber.TryGetValue(entry.Number, out var uid);
                var message = new IndexedMessage(entry.Number, uid ?? string.Empty, entry.Size);
                _byNumber.Add(entry.Number, message);
                inOrder &= _ordered.Count == 0 || _ordered[_ordered.Count - 1].Number < entry.Number;
                _ordered.Add(message);
                if (message.Uid.Length == 0) continue;
                if (!_byUid.TryGetValue(message.Uid, out var first))
                {
                    _byUid.Add(message.Uid, entry.Number);
                    continue;
                }
                _sharedUids ??= new Dictionary<string, List<int>>(StringComparer.Ordinal);
                if (!_sharedUids.TryGetValue(message.Uid, out var numbers)) _sharedUids.Add(message.Uid, numbers = new List<int> { first });
                numbers.Add(entry.Number);
            }
            // Servers list in number order; a sort (in place) is for those that do not.
            if (!inOrder) _ordered.Sort((a, b) => a.Number.CompareTo(b.Number));
        }

        /// <summary>False when the server does not support UIDL: numbers work, UIDs do not.</summary>
        public bool HasUids { get; }

        public int Count => _ordered.Count;

        /// <summary>
        /// The messages a selection names, each once, in mailbox order for All and in the
        /// requested order otherwise, leaving out those <paramref name="isMarked"/> says are
        /// marked for deletion. Each message that cannot be resolved goes to <paramref name="onRejected"/>.
        /// </summary>
        public IReadOnlyList<IndexedMessage> Resolve(Pop3MessageSelection selection, Func<int, bool> isMarked, Action<Pop3Exception> onRejected)
        {
            if (selection == null) throw new ArgumentNullException(nameof(selection));
            switch (selection.Kind)
            {
                case Pop3MessageSelection.SelectionKind.Number: return ResolveNumbers(selection.Numbers, isMarked, onRejected);
                case Pop3MessageSelection.SelectionKind.Uid: return ResolveUids(selection.Uids, isMarked, onRejected);
                default: return ResolveAll(isMarked, onRejected);
            }
        }

        private IReadOnlyList<IndexedMessage> ResolveAll(Func<int, bool> isMarked, Action<Pop3Exception> onRejected)
        {
            var result = new List<IndexedMessage>(_ordered.Count);
            var reportedUids = new HashSet<string>(StringComparer.Ordinal);
            foreach (var message in _ordered)
            {
                if (isMarked(message.Number)) continue;
                if (!HasUids)
                {
                    result.Add(message);
                }
                else if (message.Uid.Length == 0)
                {
                    onRejected(MissingUid(message.Number));
                }
                else if (IsShared(message.Uid))
                {
                    if (reportedUids.Add(message.Uid)) onRejected(SharedUid(message.Uid));
                }
                else
                {
                    result.Add(message);
                }
            }
            return result;
        }

        private IReadOnlyList<IndexedMessage> ResolveNumbers(IReadOnlyList<int> numbers, Func<int, bool> isMarked, Action<Pop3Exception> onRejected)
        {
            var result = new List<IndexedMessage>(numbers.Count);
            var seen = new HashSet<int>();
            foreach (var number in numbers)
            {
                if (!seen.Add(number)) continue;
                if (!_byNumber.TryGetValue(number, out var message))
                {
                    onRejected(new Pop3Exception(Pop3ErrorKind.MessageNotFound,
                        $"There is no message number {number} in the mailbox (it holds {Plural.Of(Count, "message")} in this session).")
                    { Hint = NumbersHint, Target = number });
                }
                else if (isMarked(number))
                {
                    onRejected(new Pop3Exception(Pop3ErrorKind.MessageNotFound,
                        $"Message {number} is marked for deletion in this session.")
                    { Target = number });
                }
                else
                {
                    result.Add(message);
                }
            }
            return result;
        }

        private IReadOnlyList<IndexedMessage> ResolveUids(IReadOnlyList<string> uids, Func<int, bool> isMarked, Action<Pop3Exception> onRejected)
        {
            if (!HasUids)
            {
                throw new Pop3Exception(Pop3ErrorKind.ProtocolError,
                    "The server does not support UIDL, so messages cannot be addressed by UID.")
                { Hint = "Address messages by -Number within one session; numbers change between sessions." };
            }

            var result = new List<IndexedMessage>(uids.Count);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var uid in uids)
            {
                if (!seen.Add(uid)) continue;
                if (!_byUid.TryGetValue(uid, out var number))
                {
                    onRejected(new Pop3Exception(Pop3ErrorKind.MessageNotFound,
                        $"There is no message with UID '{uid}' in the mailbox.")
                    { Target = uid });
                }
                else if (IsShared(uid))
                {
                    onRejected(SharedUid(uid));
                }
                else if (isMarked(number))
                {
                    onRejected(new Pop3Exception(Pop3ErrorKind.MessageNotFound,
                        $"The message with UID '{uid}' (number {number}) is marked for deletion in this session.")
                    { Target = uid });
                }
                else
                {
                    result.Add(_byNumber[number]);
                }
            }
            return result;
        }

        private bool IsShared(string uid) => _sharedUids != null && _sharedUids.ContainsKey(uid);

        private Pop3Exception SharedUid(string uid)
        {
            var numbers = string.Join(", ", _sharedUids![uid]);
            return new Pop3Exception(Pop3ErrorKind.ProtocolError,
                $"The server gives UID '{uid}' to several messages ({numbers}); they are left out because that UID cannot name one message safely.")
            { Hint = BrokenUidHint, Target = uid };
        }

        private static Pop3Exception MissingUid(int number) =>
            new Pop3Exception(Pop3ErrorKind.ProtocolError,
                $"The server lists message {number} but gives it no UID in UIDL; it is left out because it cannot be addressed by UID.")
            { Hint = BrokenUidHint, Target = number };
    }
}
