using System.Reflection;
using System.Runtime.InteropServices;

namespace Pop3Tools.Module.Tests.Metadata;

/// <summary>
/// A MetadataLoadContext over given assemblies, PowerShellStandard's reference
/// System.Management.Automation and the runtime's own assemblies (for netstandard
/// and System.*). Types come back as metadata: nothing in them can run.
/// </summary>
public sealed class MetadataScope : IDisposable
{
    private readonly MetadataLoadContext _context;

    private MetadataScope(MetadataLoadContext context, IReadOnlyList<Assembly> assemblies, Assembly sma)
    {
        _context = context;
        Assemblies = assemblies;
        Sma = sma;
    }

    /// <summary>The assemblies the scope was opened on, in the order given.</summary>
    public IReadOnlyList<Assembly> Assemblies { get; }

    public Assembly Sma { get; }

    public static MetadataScope Open(params string[] assemblyPaths)
    {
        foreach (var path in assemblyPaths.Append(ModuleFiles.SmaReferencePath))
        {
            if (!File.Exists(path))
                throw new FileNotFoundException($"Missing {path}: build the module first.", path);
        }

        var runtime = Directory.GetFiles(RuntimeEnvironment.GetRuntimeDirectory(), "*.dll");
        var siblings = assemblyPaths.SelectMany(p => Directory.GetFiles(Path.GetDirectoryName(p)!, "*.dll"));
        var resolver = new PathAssemblyResolver(
            runtime.Concat(siblings).Concat(assemblyPaths).Append(ModuleFiles.SmaReferencePath).Distinct());
        var context = new MetadataLoadContext(resolver);
        var loaded = assemblyPaths.Select(context.LoadFromAssemblyPath).ToList();
        return new MetadataScope(context, loaded, context.LoadFromAssemblyPath(ModuleFiles.SmaReferencePath));
    }

    /// <summary>A type by full name from the scope's own assemblies, or null.</summary>
    public Type? FindType(string fullName) =>
        Assemblies.Select(a => a.GetType(fullName, throwOnError: false)).FirstOrDefault(t => t is not null);

    public void Dispose() => _context.Dispose();
}

/// <summary>The laid-out PowerShell 7 module (bin/net8.0/Pop3Tools.dll and its dependencies/Pop3Tools.Engine.dll), shared by a test class.</summary>
public sealed class ModuleScopeFixture : IDisposable
{
    public MetadataScope Scope { get; } = MetadataScope.Open(ModuleFiles.ModuleAssemblyPath, ModuleFiles.EngineAssemblyPath);

    public Assembly Module => Scope.Assemblies[0];
    public Assembly Engine => Scope.Assemblies[1];

    public void Dispose() => Scope.Dispose();
}

/// <summary>The deliberately broken sample cmdlets.</summary>
public sealed class SamplesScopeFixture : IDisposable
{
    public MetadataScope Scope { get; } = MetadataScope.Open(ModuleFiles.SamplesAssemblyPath);

    public Assembly Samples => Scope.Assemblies[0];

    public void Dispose() => Scope.Dispose();
}
