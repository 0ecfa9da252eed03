using System.Collections.Generic;

namespace Pop3Tools.Engine.Mailbox
{
    /// <summary>
    /// Message infos grouped by number, numbers kept in first-seen order: a caller may
    /// pass the same message twice, but the server must see one command per message.
    /// </summary>
    internal sealed class MessagesByNumber
    {
        private readonly Dictionary<int, List<Pop3MessageInfo>> _infos;
        private readonly List<int> _numbers;

        /// <param name="capacity">How many infos will be added: sized once, not grown by doubling.</param>
        public MessagesByNumber(int capacity = 0)
        {
            _infos = new Dictionary<int, List<Pop3MessageInfo>>(capacity);
            _numbers = new List<int>(capacity);
        }

        public IReadOnlyList<int> Numbers => _numbers;

        public List<Pop3MessageInfo> this[int number] => _infos[number];

        public void Add(Pop3MessageInfo info)
        {
            if (!_infos.TryGetValue(info.Number, out var infos))
            {
                infos = new List<Pop3MessageInfo>(1);
                _infos.Add(info.Number, infos);
                _numbers.Add(info.Number);
            }
            infos.Add(info);
        }
    }
}
