using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.ExceptionServices;

namespace Pop3Tools.Engine.Protocol
{
    /// <summary>
    /// One per-message command (RETR, TOP, DELE) over many message numbers, with up to
    /// <c>window</c> commands in flight (RFC 2449 PIPELINING; a window of 1 is the plain
    /// one-at-a-time dialogue). Replies are consumed in order whatever the callbacks do, so
    /// the connection stays in step; a callback's exception is handed back, not thrown.
    /// </summary>
    internal sealed class CommandBatch
    {
        private readonly Pop3Channel channel;
        private readonly int window;

        /// <summary>
        /// The window is topped up once half of it is answered, not after every reply: on loopback a
        /// send per reply (a TOP listing of 10,000 messages is 10,000 sends) was 40% of the reading
        /// thread's CPU, the kernel delivering each packet to the server in the sender's time.
        /// </summary>
        private readonly int refillAt;
        private readonly Func<int, string> command;
        private readonly bool hasData;
        private readonly Func<int, long?>? listedSize;

        /// <summary><paramref name="listedSize"/> gives a message's LIST size when known, to bound its reply (<see cref="ProtocolLimits.MaxReplyBytesFor"/>).</summary>
        public CommandBatch(Pop3Channel channel, int window, Func<int, string> command, bool hasData, Func<int, long?>? listedSize)
        {
            this.channel = channel;
            this.window = Math.Max(1, window);
            refillAt = this.window / 2;
            this.command = command;
            this.hasData = hasData;
            this.listedSize = listedSize;
        }

        /// <returns>The first exception a callback threw, for the caller to rethrow once the batch is over.</returns>
        public ExceptionDispatchInfo? Run(IEnumerable<int> numbers, Action<int, Stream>? onMessage, Action<int, Pop3Exception> onError)
        {
            ExceptionDispatchInfo? callbackFailure = null;
            // Each queued entry: the number, and whether its command was really sent (numbers below 1 are not).
            var inFlight = new Queue<KeyValuePair<int, bool>>();
            using (var next = numbers.GetEnumerator())
            {
                var more = true;
                while (true)
                {
                    if (callbackFailure == null && more && inFlight.Count <= refillAt) more = Fill(next, inFlight);
                    if (inFlight.Count == 0) break;
                    var entry = inFlight.Dequeue();
                    var failure = entry.Value ? Consume(entry.Key, onMessage, onError, callbackFailure == null) : NotSent(entry.Key, onError, callbackFailure == null);
                    callbackFailure = callbackFailure ?? failure;
                }
            }
            return callbackFailure;
        }

        /// <summary>Queues and sends commands until the window is full; false once the numbers run out.</summary>
        private bool Fill(IEnumerator<int> next, Queue<KeyValuePair<int, bool>> inFlight)
        {
            var commands = new List<string>();
            var more = true;
            // With nothing in flight, anything already received is a reply nobody asked for.
            if (inFlight.Count == 0) channel.RefuseUnsolicited();
            while (inFlight.Count < window)
            {
                if (!next.MoveNext())
                {
                    more = false;
                    break;
                }
                var number = next.Current;
                var valid = number >= 1;
                inFlight.Enqueue(new KeyValuePair<int, bool>(number, valid));
                if (valid) commands.Add(command(number));
            }
            if (commands.Count > 0) channel.SendAll(commands);
            return more;
        }

        private ExceptionDispatchInfo? Consume(int number, Action<int, Stream>? onMessage, Action<int, Pop3Exception> onError, bool deliver)
        {
            var reply = channel.ReadReply();
            if (!reply.IsOk)
            {
                var error = ResponseErrors.FromErr(reply, command(number), ReplyContext.Message, null);
                return deliver ? Invoke(onError, number, error) : null;
            }
            if (!hasData) return null;
            var size = listedSize?.Invoke(number);
            var data = channel.OpenData(size.HasValue ? ProtocolLimits.MaxReplyBytesFor(size.Value) : long.MaxValue);
            ExceptionDispatchInfo? failure = null;
            if (deliver && onMessage != null) failure = Invoke(onMessage, number, (Stream)data);
            // A read failure inside the callback means the link is broken, whatever the callback did with it.
            if (data.Failure != null) throw data.Failure;
            data.Drain();
            return failure;
        }

        private static ExceptionDispatchInfo? NotSent(int number, Action<int, Pop3Exception> onError, bool deliver)
        {
            var error = new Pop3Exception(Pop3ErrorKind.MessageNotFound, "There is no message number " + number + ": numbers start at 1.");
            return deliver ? Invoke(onError, number, error) : null;
        }

        // The callback and its arguments passed apart, not as a lambda: a closure per reply otherwise.
        private static ExceptionDispatchInfo? Invoke<T>(Action<int, T> callback, int number, T argument)
        {
            try
            {
                callback(number, argument);
                return null;
            }
            catch (Exception e)
            {
                return ExceptionDispatchInfo.Capture(e);
            }
        }
    }
}
