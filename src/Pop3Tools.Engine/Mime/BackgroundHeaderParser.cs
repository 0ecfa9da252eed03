using System;
using System.Buffers;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Runtime.ExceptionServices;
using System.Threading;

namespace Pop3Tools.Engine.Mime
{
    /// <summary>
    /// Parses the header blocks of a listing on a worker thread while the caller's thread
    /// keeps reading TOP replies and writing finished messages to the pipeline: MimeKit's
    /// parse and decode is most of a listing's CPU, and the network loop and PowerShell's
    /// pipeline would otherwise wait for it. Results come back in the order the blocks were
    /// added, errors included, so the caller sees exactly the sequence an inline parse gives.
    /// </summary>
    /// <remarks>
    /// Each block is copied (at most <see cref="MimeLimits.MaxHeaderBytes"/> + 1 bytes, so the
    /// header-size limit fails the same way as when parsing the reply in place), and the
    /// copies waiting for the worker are bounded by <see cref="MaxQueuedBytes"/>: a hostile
    /// server's megabyte header blocks make the reader wait, never the memory grow.
    /// </remarks>
    internal sealed class BackgroundHeaderParser : IDisposable
    {
        /// <summary>Copied bytes waiting for the worker before <see cref="Add"/> waits; a few hundred typical blocks.</summary>
        internal const int MaxQueuedBytes = 4 * 1024 * 1024;

        private const int SignalEvery = 32;

        /// <summary>Most header blocks fit; a larger one grows by doubling.</summary>
        private const int InitialCopyBytes = 4096;

        private readonly BlockingCollection<Block> pending = new BlockingCollection<Block>();
        private readonly ConcurrentQueue<Result> done = new ConcurrentQueue<Result>();
        private readonly SemaphoreSlim finished = new SemaphoreSlim(0);
        private readonly CancellationTokenSource stop = new CancellationTokenSource();
        private readonly object budgetGate = new object();
        private readonly Thread worker;
        private long queuedBytes;
        private int added;
        private int taken;

        public BackgroundHeaderParser()
        {
            worker = new Thread(Work) { IsBackground = true, Name = "Pop3Tools header parser" };
            worker.Start();
        }

        /// <summary>A parsed block, or the error of one message.</summary>
        internal readonly struct Result
        {
            internal Result(int number, MessageHeaders? headers, Pop3Exception? error, ExceptionDispatchInfo? fault = null)
            {
                Number = number;
                Headers = headers;
                Error = error;
                Fault = fault;
            }

            public int Number { get; }

            public MessageHeaders? Headers { get; }

            public Pop3Exception? Error { get; }

            /// <summary>An unexpected exception of the worker: a defect, rethrown on the caller's thread as thrown.</summary>
            internal ExceptionDispatchInfo? Fault { get; }
        }

        /// <summary>Copies the header block at the start of <paramref name="reply"/> and queues it for parsing.</summary>
        public void Add(int number, Stream reply)
        {
            // Into a pooled array, returned once parsed, rather than a MemoryStream per block that
            // allocates and copies a larger array each time it grows.
            var copy = ArrayPool<byte>.Shared.Rent(InitialCopyBytes);
            var length = 0;
            var room = MimeLimits.MaxHeaderBytes + 1;
            while (room > 0)
            {
                if (length == copy.Length) copy = Grow(copy, length);
                var read = reply.Read(copy, length, Math.Min(copy.Length - length, room));
                if (read <= 0) break;
                length += read;
                room -= read;
            }
            WaitForBudget(length);
            Queue(new Block(number, copy, length, null));
        }

        /// <summary>Queues the error of a message whose reply was -ERR, to keep its place in the order.</summary>
        public void AddError(int number, Pop3Exception error) => Queue(new Block(number, null, 0, error));

        /// <summary>
        /// The next result if the worker has finished it, in order, without waiting. Asked after
        /// every reply, so it allocates nothing (an iterator per call was one more object per message).
        /// </summary>
        public bool TryTakeReady(out Result result)
        {
            if (!done.TryDequeue(out result)) return false;
            taken++;
            Rethrow(result);
            return true;
        }

        /// <summary>Every remaining result, in order, waiting for the worker to reach each.</summary>
        public IEnumerable<Result> TakeRest(CancellationToken cancellationToken)
        {
            pending.CompleteAdding();
            while (taken < added)
            {
                if (!done.TryDequeue(out var result))
                {
                    finished.Wait(cancellationToken);
                    continue;
                }
                taken++;
                yield return Rethrow(result);
            }
        }

        public void Dispose()
        {
            stop.Cancel();
            pending.CompleteAdding();
            // Parsing one block is bounded by the MIME limits, so the worker ends promptly.
            worker.Join();
            pending.Dispose();
            finished.Dispose();
            stop.Dispose();
        }

        private void Queue(Block block)
        {
            added++;
            pending.Add(block);
        }

        private void WaitForBudget(long bytes)
        {
            lock (budgetGate)
            {
                // One block always fits, however large, so a single huge block cannot stall the listing.
                while (queuedBytes > 0 && queuedBytes + bytes > MaxQueuedBytes && !stop.IsCancellationRequested)
                {
                    Monitor.Wait(budgetGate, 100);
                }
                queuedBytes += bytes;
            }
        }

        private void Release(long bytes)
        {
            lock (budgetGate)
            {
                queuedBytes -= bytes;
                Monitor.PulseAll(budgetGate);
            }
        }

        private void Work()
        {
            // One MimeKit parser and its buffers for the whole listing.
            var reader = new HeaderBlockReader();
            try
            {
                var unsignalled = 0;
                foreach (var block in pending.GetConsumingEnumerable(stop.Token))
                {
                    done.Enqueue(Parse(reader, block));
                    // A wake-up per batch, not per message: the caller waiting in TakeRest takes
                    // what is ready at once, and a context switch per header block costs more than its parse.
                    if (++unsignalled >= SignalEvery || pending.Count == 0)
                    {
                        finished.Release();
                        unsignalled = 0;
                    }
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // Disposed before the end: the caller has stopped listening.
            }
        }

        private Result Parse(HeaderBlockReader reader, Block block)
        {
            if (block.Copy == null) return new Result(block.Number, null, block.Error);
            try
            {
                // MimeKit copies what it keeps of each field, so the array can go back to the pool after.
                return new Result(block.Number, reader.Read(new MemoryStream(block.Copy, 0, block.Length, writable: false)), null);
            }
            catch (Pop3Exception error)
            {
                return new Result(block.Number, null, error);
            }
            catch (Exception unexpected)
            {
                // Not a verdict on the message but a defect: handed to the caller's thread as thrown.
                return new Result(block.Number, null, null, ExceptionDispatchInfo.Capture(unexpected));
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(block.Copy);
                Release(block.Length);
            }
        }

        private static byte[] Grow(byte[] copy, int length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(copy.Length * 2);
            Buffer.BlockCopy(copy, 0, larger, 0, length);
            ArrayPool<byte>.Shared.Return(copy);
            return larger;
        }

        private static Result Rethrow(Result result)
        {
            result.Fault?.Throw();
            return result;
        }

        private readonly struct Block
        {
            internal Block(int number, byte[]? copy, int length, Pop3Exception? error)
            {
                Number = number;
                Copy = copy;
                Length = length;
                Error = error;
            }

            public int Number { get; }

            /// <summary>A pooled array holding the block in its first <see cref="Length"/> bytes.</summary>
            public byte[]? Copy { get; }

            public int Length { get; }

            public Pop3Exception? Error { get; }
        }
    }
}
