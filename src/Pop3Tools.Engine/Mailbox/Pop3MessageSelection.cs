using System;
using System.Collections.Generic;

namespace Pop3Tools
{
    // CONTRACT STUB: the session work replaces the bodies.

    /// <summary>Which messages a command addresses: all, by number, or by UID.</summary>
    public sealed class Pop3MessageSelection
    {
        private Pop3MessageSelection() { }
        public static Pop3MessageSelection All => throw new NotImplementedException();
        public static Pop3MessageSelection ByNumber(IEnumerable<int> numbers) => throw new NotImplementedException();
        public static Pop3MessageSelection ByUid(IEnumerable<string> uids) => throw new NotImplementedException();
    }
}
