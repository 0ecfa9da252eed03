using System;
using System.Collections.Generic;
using System.Threading;
using Pop3Tools.Engine.Mailbox.Export;
using Pop3Tools.Engine.Mime;

namespace Pop3Tools
{
    public sealed partial class Pop3Session
    {
        /// <summary>
        /// RETR for each message (pipelined), parsed by MimeKit straight from the data stream
        /// into a <see cref="Pop3Message"/>; with <paramref name="keepRaw"/> its exact bytes too.
        /// </summary>
        /// <remarks>
        /// A message the server refuses or MimeKit cannot parse within the limits goes to
        /// <paramref name="onError"/> and the batch goes on; a lost link ends it.
        /// </remarks>
        internal void Receive(IReadOnlyList<Pop3MessageInfo> messages, bool keepRaw, Action<Pop3Message> onMessage,
            Action<Pop3MessageInfo, Pop3Exception> onError, Action<ExportProgress>? progress, CancellationToken cancellationToken)
        {
            if (messages == null) throw new ArgumentNullException(nameof(messages));
            if (onMessage == null) throw new ArgumentNullException(nameof(onMessage));
            if (onError == null) throw new ArgumentNullException(nameof(onError));
            var byNumber = GroupByNumber(messages);
            var total = byNumber.Numbers.Count;
            if (total == 0) return;
            long bytesTotal = 0;
            foreach (var number in byNumber.Numbers) bytesTotal += byNumber.First(number).Size;

            Run(cancellationToken, client =>
            {
                _log.Step($"Receiving {total} message(s)");
                var done = 0;
                long bytesDone = 0;
                void Advance(Pop3MessageInfo info)
                {
                    bytesDone += info.Size;
                    progress?.Invoke(new ExportProgress(++done, total, bytesDone, bytesTotal));
                }

                client.Retrieve(byNumber.Numbers, (number, data) =>
                {
                    var info = byNumber.First(number);
                    Pop3Message message;
                    try
                    {
                        message = MessageParser.Parse(data, info, keepRaw, cancellationToken);
                    }
                    catch (Pop3Exception error) when (error.Kind == Pop3ErrorKind.MessageMalformed)
                    {
                        error.Target = ExportErrors.Target(info);
                        onError(info, error);
                        Advance(info);
                        return;
                    }
                    onMessage(message);
                    Advance(info);
                },
                (number, error) =>
                {
                    var info = byNumber.First(number);
                    onError(info, error);
                    Advance(info);
                },
                cancellationToken,
                // A reply running far past its LIST size (one that never ends) is refused, not read forever.
                number => byNumber.First(number).Size);
            });
        }
    }
}
