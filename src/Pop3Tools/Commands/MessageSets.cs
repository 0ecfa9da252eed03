namespace Pop3Tools.Commands
{
    /// <summary>The parameter sets by which the message cmdlets name messages.</summary>
    internal static class MessageSets
    {
        internal const string All = "All";
        internal const string Number = "Number";
        internal const string Uid = "Uid";
    }
}
