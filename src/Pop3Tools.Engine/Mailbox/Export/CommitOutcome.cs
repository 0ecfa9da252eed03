using System;

namespace Pop3Tools.Engine.Mailbox.Export
{
    /// <summary>What became of one received file at commit: durable under <see cref="Path"/>, or an error.</summary>
    internal readonly struct CommitOutcome
    {
        private CommitOutcome(ReceivedFile file, string? path, (string? Subject, string? From, DateTimeOffset? Date) headers, Pop3Exception? error)
        {
            File = file;
            Path = path;
            Headers = headers;
            Error = error;
        }

        public ReceivedFile File { get; }

        /// <summary>The final name; null when <see cref="Error"/> says why there is none.</summary>
        public string? Path { get; }

        public (string? Subject, string? From, DateTimeOffset? Date) Headers { get; }

        public Pop3Exception? Error { get; }

        public static CommitOutcome Saved(ReceivedFile file, string path, (string? Subject, string? From, DateTimeOffset? Date) headers) =>
            new CommitOutcome(file, path, headers, null);

        public static CommitOutcome Failed(ReceivedFile file, Pop3Exception error) => new CommitOutcome(file, null, default, error);
    }
}
