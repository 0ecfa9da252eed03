using System;
using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Security.Cryptography;
using System.Threading;

namespace Pop3Tools.Engine.Mailbox.Export
{
    /// <summary>
    /// One message on its way to disk: a temporary file in the export folder, written and
    /// measured as the bytes arrive. It gets a final name only in <see cref="MessageStore.Commit"/>,
    /// after it is complete, checked, hashed and flushed.
    /// </summary>
    /// <remarks>
    /// The SHA-256 is taken from the file itself at commit (<see cref="Seal"/>), not from the
    /// bytes on their way: the journal then records what was stored, and the hash, a fifth of
    /// the download thread's CPU when taken on the way, runs on the commit side instead.
    /// </remarks>
    internal sealed class ReceivedFile : IDisposable
    {
        public const string TemporaryPrefix = "~pop3tools-";
        public const string TemporaryExtension = ".tmp";

        // Unbuffered: the export writes 64 KiB chunks already, and a 64 KiB FileStream buffer per
        // message was 135 MB of allocations (and their zeroing) per 2,000 messages. 1, not 0, for .NET Framework.
        private const int WriteBuffer = 1;

        private const int HashChunk = 64 * 1024;

        // Unique per process, and a counter within it: a Guid per message read the system's random
        // source once per message. CreateNew still refuses a name that exists.
        private static readonly string ProcessStem = Guid.NewGuid().ToString("N");
        private static long _created;

        private readonly HeaderCapture _headers = new HeaderCapture();
        private FileStream? _file;
        private bool _disposed;

        public ReceivedFile(string folder, Pop3MessageInfo listing)
        {
            Listing = listing;
            TemporaryPath = Path.Combine(folder, TemporaryPrefix + ProcessStem + "-" + Interlocked.Increment(ref _created).ToString("x", CultureInfo.InvariantCulture) + TemporaryExtension);
            _file = new FileStream(TemporaryPath, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, WriteBuffer);
        }

        public Pop3MessageInfo Listing { get; }

        public string TemporaryPath { get; }

        public long Length { get; private set; }

        /// <summary>Upper-case hex, set by <see cref="Complete"/>.</summary>
        public string Sha256 { get; private set; } = string.Empty;

        public void Write(byte[] buffer, int count)
        {
            _file!.Write(buffer, 0, count);
            _headers.Add(buffer, 0, count);
            Length += count;
        }

        /// <summary>
        /// Checks the size against LIST and hands the written bytes to the operating system.
        /// LIST counts CRLF line ends (RFC 1939), but some servers count the LF-only size they
        /// store, so either matches; anything else means the message was cut or altered.
        /// </summary>
        /// <exception cref="Pop3Exception">SizeMismatch.</exception>
        /// <param name="lineEnds">The message's line ends, all CRLF as written (<see cref="Protocol.MessageDataStream.LineEnds"/>).</param>
        public void Complete(long lineEnds)
        {
            var expected = Listing.Size;
            if (Length != expected && Length - lineEnds != expected)
            {
                throw new Pop3Exception(Pop3ErrorKind.SizeMismatch,
                    $"Message {Listing.Number} (UID {Listing.Uid}) arrived with {Length} bytes but the server listed {expected}; it was not saved and stays on the server.")
                {
                    Target = ExportErrors.Target(Listing),
                    Hint = "Run the export again; if the sizes keep differing, save the message without -Delete and compare it with the server's copy.",
                };
            }
            _file!.Flush(flushToDisk: false);
        }

        /// <summary>Subject, From and Date from the header block seen on the way; parsed by whichever thread commits the file.</summary>
        public (string? Subject, string? From, DateTimeOffset? Date) ReadHeaders() => _headers.Read();

        /// <summary>
        /// Hashes the file as stored, flushes it to the device and closes it; safe on any thread.
        /// Returns how long the device flush took, which tells the store whether flushes wait on a device.
        /// </summary>
        public TimeSpan Seal()
        {
            var file = _file!;
            var chunk = ArrayPool<byte>.Shared.Rent(HashChunk);
            try
            {
                using (var sha = SHA256.Create())
                {
                    file.Position = 0;
                    // Up to the length written, not on to an end-of-file read: one system call less per message.
                    var left = Length;
                    int read;
                    while (left > 0 && (read = file.Read(chunk, 0, (int)Math.Min(chunk.Length, left))) > 0)
                    {
                        sha.TransformBlock(chunk, 0, read, null, 0);
                        left -= read;
                    }
                    sha.TransformFinalBlock(chunk, 0, 0);
                    Sha256 = Hex.Upper(sha.Hash!);
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(chunk);
            }
            var flush = Stopwatch.StartNew();
            file.Flush(flushToDisk: true);
            flush.Stop();
            Dispose();
            return flush.Elapsed;
        }

        /// <summary>Closes and removes the temporary file: nothing of a failed message is left.</summary>
        public void Discard()
        {
            Dispose();
            try
            {
                File.Delete(TemporaryPath);
            }
            catch (IOException)
            {
                // Left behind, it is harmless: temporary names are never read back, and the
                // next export into this folder removes them.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        public void Dispose()
        {
            if (_disposed) return;
            _disposed = true;
            _file?.Dispose();
            _file = null;
        }
    }
}
