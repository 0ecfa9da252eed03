namespace Pop3Tools.Engine.Mailbox
{
    /// <summary>The Subject and From a session has seen for one message (either may be null).</summary>
    internal readonly struct KnownHeaders
    {
        internal KnownHeaders(string? subject, string? from)
        {
            Subject = subject;
            From = from;
        }

        internal string? Subject { get; }

        internal string? From { get; }
    }
}
