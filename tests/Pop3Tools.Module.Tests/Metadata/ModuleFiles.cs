using System.Reflection;

namespace Pop3Tools.Module.Tests.Metadata;

/// <summary>Where the built module and the reference inputs are, as the csproj recorded them.</summary>
internal static class ModuleFiles
{
    public static string RepoRoot { get; } = Path.GetFullPath(Recorded("RepoRoot"));

    /// <summary>PowerShellStandard's System.Management.Automation: read as metadata, never loaded.</summary>
    public static string SmaReferencePath { get; } = Path.GetFullPath(Recorded("SmaReferencePath"));

    public static string BinDirectory => Path.Combine(RepoRoot, "bin");

    /// <summary>The PowerShell 7 build: the cmdlets, with the engine and MimeKit in dependencies/.</summary>
    public static string CoreDirectory => Path.Combine(BinDirectory, "net8.0");
    public static string CoreDependencyDirectory => Path.Combine(CoreDirectory, "dependencies");
    public static string DesktopDirectory => Path.Combine(BinDirectory, "net472");
    public static string ModuleAssemblyPath => Path.Combine(CoreDirectory, "Pop3Tools.dll");
    public static string EngineAssemblyPath => Path.Combine(CoreDependencyDirectory, "Pop3Tools.Engine.dll");
    public static string ManifestPath => Path.Combine(RepoRoot, "Pop3Tools.psd1");
    public static string HelpDirectory => Path.Combine(RepoRoot, "en-US");
    public static string SamplesAssemblyPath => Path.Combine(AppContext.BaseDirectory, "Pop3Tools.Module.Tests.Samples.dll");

    private static string Recorded(string key) =>
        typeof(ModuleFiles).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == key).Value
        ?? throw new InvalidOperationException($"The test assembly records no {key}.");
}
