using System.Runtime.InteropServices;

namespace Pop3Tools.Engine.Tests.Dovecot;

/// <summary>
/// The few POSIX calls .NET does not wrap: ownership, identity and signals.
/// (DllImport rather than LibraryImport: the generator needs unsafe blocks,
/// which the test project does not enable.)
/// </summary>
internal static class LibC
{
    public const int SigTerm = 15;
    public const int SigKill = 9;

    [DllImport("libc", EntryPoint = "geteuid")]
    public static extern uint GetEffectiveUserId();

    [DllImport("libc", EntryPoint = "getegid")]
    public static extern uint GetEffectiveGroupId();

    [DllImport("libc", EntryPoint = "chown", SetLastError = true)]
    private static extern int NativeChown([MarshalAs(UnmanagedType.LPUTF8Str)] string path, uint owner, uint group);

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int NativeKill(int pid, int signal);

    public static void Chown(string path, uint owner, uint group)
    {
        if (NativeChown(path, owner, group) != 0)
        {
            throw new IOException($"chown {owner}:{group} {path} failed (errno {Marshal.GetLastPInvokeError()}).");
        }
    }

    public static void SetMode(string path, UnixFileMode mode)
    {
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("The Dovecot lab runs on Linux and other Unix systems only.");
        }

        File.SetUnixFileMode(path, mode);
    }

    /// <summary>Sends a signal; false when the process no longer exists.</summary>
    public static bool Signal(int pid, int signal) => NativeKill(pid, signal) == 0;
}
