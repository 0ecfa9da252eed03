using System.Reflection;
using Pop3Tools.Module.Tests.Metadata;

namespace Pop3Tools.Module.Tests.Layout;

/// <summary>
/// What bin/ ships: our two netstandard2.0 assemblies, plus MimeKit (the one third-party
/// library) and what it needs. Built against netstandard2.0, our assemblies reference only
/// "netstandard" and MimeKit; any other System.* reference would come from a package
/// (System.Memory, System.Buffers...) and risk version conflicts in Windows PowerShell 5.1.
/// </summary>
public sealed class ShippingTests : IClassFixture<ModuleScopeFixture>
{
    private const string NetStandard20 = ".NETStandard,Version=v2.0";
    private readonly ModuleScopeFixture _module;

    public ShippingTests(ModuleScopeFixture module) { _module = module; }

    [Fact]
    public void Bin_holds_the_module_assemblies_and_MimeKit()
    {
        var assemblies = Directory.GetFiles(ModuleFiles.BinDirectory, "*.dll").Select(Path.GetFileName).ToList();

        Assert.Superset(new HashSet<string?> { "Pop3Tools.Engine.dll", "Pop3Tools.dll", "MimeKit.dll", "BouncyCastle.Cryptography.dll" }, assemblies.ToHashSet());
        Assert.False(File.Exists(Path.Combine(ModuleFiles.BinDirectory, "System.Management.Automation.dll")));
    }

    [Fact]
    public void Module_references_only_the_framework_PowerShell_and_the_engine()
    {
        var references = _module.Module.GetReferencedAssemblies().Select(r => r.Name!).ToList();

        Assert.Contains("Pop3Tools.Engine", references);
        Assert.All(references, r => Assert.True(r is "netstandard" or "System.Management.Automation" or "Pop3Tools.Engine", $"Pop3Tools references {r}."));
    }

    [Fact]
    public void Engine_references_only_the_framework_and_MimeKit_and_not_PowerShell()
    {
        var references = _module.Engine.GetReferencedAssemblies().Select(r => r.Name!).ToList();

        Assert.DoesNotContain("System.Management.Automation", references);
        Assert.All(references, r => Assert.True(r is "netstandard" or "MimeKit", $"Pop3Tools.Engine references {r}."));
    }

    /// <summary>
    /// The SDK writes no TargetFrameworkAttribute for netstandard, so the target shows in
    /// the reference: netstandard 2.0.0.0 is netstandard2.0 (2.1 would not load in 5.1).
    /// </summary>
    [Fact]
    public void Both_assemblies_target_netstandard20()
    {
        foreach (var assembly in new[] { _module.Module, _module.Engine })
        {
            var netstandard = assembly.GetReferencedAssemblies().Single(r => r.Name == "netstandard");
            Assert.Equal(new Version(2, 0, 0, 0), netstandard.Version);
            var target = assembly.GetCustomAttributesData()
                .SingleOrDefault(a => a.AttributeType.FullName == "System.Runtime.Versioning.TargetFrameworkAttribute");
            if (target is not null)
                Assert.Equal(NetStandard20, target.ConstructorArguments[0].Value);
        }
    }
}
