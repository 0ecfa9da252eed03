using System.Collections.Generic;

namespace Pop3Tools.Engine.Mailbox
{
    /// <summary>
    /// Message infos grouped by number, numbers kept in first-seen order: a caller may
    /// pass the same message twice, but the server must see one command per message.
    /// </summary>
    internal sealed class MessagesByNumber
    {
        private readonly Dictionary<int, List<Pop3MessageInfo>> _infos = new Dictionary<int, List<Pop3MessageInfo>>();
        private readonly List<int> _numbers = new List<int>();

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
