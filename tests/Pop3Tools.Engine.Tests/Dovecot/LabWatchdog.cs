using System.Diagnostics;

namespace Pop3Tools.Engine.Tests.Dovecot;

/// <summary>
/// Stops a lab whose owning process ended without disposing it. A test host is
/// often killed by its runner right after the last test (observed with
/// `dotnet test`: ProcessExit starts but the process dies before Dovecot has
/// stopped), and a crashed or debugger-stopped process never disposes at all.
/// </summary>
internal static class LabWatchdog
{
    // The inner subshell is reparented to init, so killing the owner's process tree
    // does not take it along. It only signals the master while the lab's own
    // master.pid still names it, so a recycled pid is never hit.
    private const string Script = """
        owner=$1; master=$2; dir=$3
        (
          while [ -d "$dir" ] && kill -0 "$owner" 2>/dev/null && ! grep -q ') Z' "/proc/$owner/stat" 2>/dev/null; do sleep 1; done
          if [ -d "$dir" ]; then
            [ "$(cat "$dir/run/master.pid" 2>/dev/null)" = "$master" ] && kill -TERM "$master"
            i=0
            while [ $i -lt 75 ] && [ -e "$dir/run/master.pid" ]; do sleep 0.2; i=$((i+1)); done
            rm -rf "$dir"
          fi
        ) </dev/null >/dev/null 2>&1 &
        """;

    public static void Watch(int masterPid, string labDirectory)
    {
        var start = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
        foreach (var argument in new[] { "-c", Script, "p3t-watchdog", Environment.ProcessId.ToString(), masterPid.ToString(), labDirectory })
        {
            start.ArgumentList.Add(argument);
        }

        using var shell = Process.Start(start) ?? throw new InvalidOperationException("Could not start the lab watchdog.");
        if (!shell.WaitForExit(TimeSpan.FromSeconds(10)))
        {
            shell.Kill();
            throw new InvalidOperationException("The lab watchdog's shell did not return.");
        }
    }
}
