using System;
using System.Collections.Generic;
using System.Linq;

namespace Pop3Tools
{
    /// <summary>Which messages a command addresses: all, by number, or by UID.</summary>
    public sealed class Pop3MessageSelection
    {
        internal enum SelectionKind { All, Number, Uid }

        private static readonly Pop3MessageSelection AllMessages =
            new Pop3MessageSelection(SelectionKind.All, Array.Empty<int>(), Array.Empty<string>());

        private Pop3MessageSelection(SelectionKind kind, IReadOnlyList<int> numbers, IReadOnlyList<string> uids)
        {
            Kind = kind;
            Numbers = numbers;
            Uids = uids;
        }

        internal SelectionKind Kind { get; }

        /// <summary>The requested numbers in the caller's order (repeats kept; resolution drops them).</summary>
        internal IReadOnlyList<int> Numbers { get; }

        /// <summary>The requested UIDs in the caller's order; UIDs compare case-sensitively (RFC 1939).</summary>
        internal IReadOnlyList<string> Uids { get; }

        public static Pop3MessageSelection All => AllMessages;

        public static Pop3MessageSelection ByNumber(IEnumerable<int> numbers)
        {
            if (numbers == null) throw new ArgumentNullException(nameof(numbers));
            return new Pop3MessageSelection(SelectionKind.Number, numbers.ToArray(), Array.Empty<string>());
        }

        public static Pop3MessageSelection ByUid(IEnumerable<string> uids)
        {
            if (uids == null) throw new ArgumentNullException(nameof(uids));
            var list = uids.ToArray();
            if (list.Any(uid => uid == null)) throw new ArgumentException("A UID in the selection is null.", nameof(uids));
            return new Pop3MessageSelection(SelectionKind.Uid, Array.Empty<int>(), list);
        }

        public override string ToString() => Kind switch
        {
            SelectionKind.Number => Numbers.Count == 1 ? "message " + Numbers[0] : Numbers.Count + " message numbers",
            SelectionKind.Uid => Uids.Count == 1 ? "UID " + Uids[0] : Uids.Count + " UIDs",
            _ => "all messages",
        };
    }
}
