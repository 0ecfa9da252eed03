using System.Runtime.Versioning;

// The peers are Debian programs and time is taken by GNU time: Linux only.
[assembly: SupportedOSPlatform("linux")]

namespace Pop3Tools.Benchmarks;

internal static class Program
{
    private static int Main(string[] args)
    {
        // The engine is measured as a child process of this same executable so that
        // wall time and peak RSS come from /usr/bin/time exactly as for the peers.
        if (args.Length > 0 && args[0] == EngineClientCommand.Verb)
        {
            return EngineClientCommand.Run(args.Skip(1).ToArray());
        }
        return BenchmarkCommand.Run(args);
    }
}
