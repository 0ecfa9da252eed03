using System.Diagnostics;

namespace Pop3Tools.Engine.Tests.Dovecot;

/// <summary>Finds and runs Dovecot's command-line tools, always with a time bound.</summary>
internal static class LabTools
{
    // A developer's PATH often lacks the sbin directories where the packages put dovecot.
    private static readonly string[] ExtraDirectories = { "/usr/sbin", "/usr/local/sbin", "/opt/homebrew/sbin", "/usr/bin", "/usr/local/bin" };

    public static string Find(string name)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        foreach (var directory in path.Split(':', StringSplitOptions.RemoveEmptyEntries).Concat(ExtraDirectories))
        {
            var candidate = Path.Combine(directory, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException(
            $"'{name}' was not found on PATH or in {string.Join(", ", ExtraDirectories)}. Install dovecot-core and dovecot-pop3d.");
    }

    public static ToolResult Run(string file, TimeSpan bound, params string[] arguments)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(bound))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', arguments)} did not finish within {bound.TotalSeconds} s.");
        }

        // A daemon that forks may keep the pipes open after its parent exits, so the
        // output is whatever arrived shortly after the exit, never awaited forever.
        Task.WaitAll(new Task[] { stdout, stderr }, TimeSpan.FromSeconds(2));
        return new ToolResult(process.ExitCode, TakeIfDone(stdout), TakeIfDone(stderr));
    }

    private static string TakeIfDone(Task<string> output) => output.IsCompletedSuccessfully ? output.Result : string.Empty;
}

internal sealed record ToolResult(int ExitCode, string StandardOutput, string StandardError)
{
    public string Describe() => $"exit code {ExitCode}\n{StandardError}{StandardOutput}";
}
