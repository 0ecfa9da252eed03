using System;
using System.Collections.Generic;

namespace Pop3Tools.Engine.Mailbox
{
    /// <summary>
    /// Message infos grouped by number, numbers kept in first-seen order: a caller may
    /// pass the same message twice, but the server must see one command per message.
    /// </summary>
    /// <remarks>
    /// Repeats are rare, so only they get a list: a list per message is two objects of 32 bytes
    /// each (0.64 MB at 10,000 messages) that live as long as the listing, so the collections
    /// during it copy them to the older generations.
    /// </remarks>
    internal sealed class MessagesByNumber
    {
        private readonly Dictionary<int, Pop3MessageInfo> _first;
        private readonly List<int> _numbers;
        private Dictionary<int, List<Pop3MessageInfo>>? _repeats;

        /// <param name="capacity">How many infos will be added: sized once, not grown by doubling.</param>
        public MessagesByNumber(int capacity = 0)
        {
            _first = new Dictionary<int, Pop3MessageInfo>(capacity);
            _numbers = new List<int>(capacity);
        }

        public IReadOnlyList<int> Numbers => _numbers;

        /// <summary>The first info added for <paramref name="number"/>: the one whose size and UID are used.</summary>
        public Pop3MessageInfo First(int number) => _first[number];

        public void Add(Pop3MessageInfo info)
        {
            if (_first.ContainsKey(info.Number))
            {
                _repeats ??= new Dictionary<int, List<Pop3MessageInfo>>();
                if (!_repeats.TryGetValue(info.Number, out var repeats)) _repeats.Add(info.Number, repeats = new List<Pop3MessageInfo>(1));
                repeats.Add(info);
                return;
            }
            _first.Add(info.Number, info);
            _numbers.Add(info.Number);
        }

        /// <summary>Runs <paramref name="action"/> for every info added for <paramref name="number"/>, in the order added.</summary>
        public void Each(int number, Action<Pop3MessageInfo> action) => Each(number, action, (info, run) => run(info));

        /// <summary>
        /// Runs <paramref name="action"/>(info, <paramref name="argument"/>) for every info added for
        /// <paramref name="number"/>, in the order added: per message, with no closure to allocate.
        /// </summary>
        public void Each<T>(int number, T argument, Action<Pop3MessageInfo, T> action)
        {
            action(_first[number], argument);
            if (_repeats != null && _repeats.TryGetValue(number, out var repeats))
            {
                foreach (var info in repeats) action(info, argument);
            }
        }
    }
}
