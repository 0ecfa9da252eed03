using System.Runtime.Versioning;

// The peers are Debian programs, time is taken by GNU time and memory read from /proc: Linux only.
[assembly: SupportedOSPlatform("linux")]

namespace Pop3Tools.Benchmarks;

internal static class Program
{
    private static int Main(string[] args) => BenchmarkCommand.Run(args);
}
