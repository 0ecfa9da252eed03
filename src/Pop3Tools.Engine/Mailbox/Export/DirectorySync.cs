using System.ComponentModel;
using System.IO;
using System.Runtime.InteropServices;

namespace Pop3Tools.Engine.Mailbox.Export
{
    /// <summary>
    /// Makes renames inside a folder durable. On Linux and macOS a rename lives in the
    /// directory, which needs its own fsync; NTFS journals the rename itself, so on
    /// Windows there is nothing to do (and a directory cannot be opened as a file there).
    /// </summary>
    internal static class DirectorySync
    {
        private const int ReadOnly = 0;

        public static void Flush(string folder)
        {
            if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows)) return;
            var fd = open(folder, ReadOnly);
            if (fd < 0) throw Failure("open", folder);
            try
            {
                if (fsync(fd) != 0) throw Failure("fsync", folder);
            }
            finally
            {
                close(fd);
            }
        }

        private static IOException Failure(string call, string folder) =>
            new IOException($"Could not flush the folder {folder} to disk ({call}: {new Win32Exception(Marshal.GetLastWin32Error()).Message}).");

        [DllImport("libc", SetLastError = true)]
        private static extern int open(string path, int flags);

        [DllImport("libc", SetLastError = true)]
        private static extern int fsync(int fd);

        [DllImport("libc", SetLastError = true)]
        private static extern int close(int fd);
    }
}
