using Pop3Tools.Module.Tests.Metadata;

namespace Pop3Tools.Module.Tests.Layout;

/// <summary>
/// What bin/ ships. The cmdlets for PowerShell 7 sit alone in bin/net8.0, where PowerShell
/// loads them into its default load context; the engine, MimeKit and what they need sit in
/// bin/net8.0/dependencies, which only the module's own load context reads. If the cmdlet
/// assembly referenced MimeKit (or anything else from there) directly, the default context
/// would load it and clash with other modules' copies.
/// </summary>
public sealed class ShippingTests : IClassFixture<ModuleScopeFixture>
{
    private readonly ModuleScopeFixture _module;

    public ShippingTests(ModuleScopeFixture module) { _module = module; }

    [Fact]
    public void Core_folder_holds_only_the_cmdlet_assembly()
    {
        var assemblies = Directory.GetFiles(ModuleFiles.CoreDirectory, "*.dll").Select(Path.GetFileName);

        Assert.Equal(new[] { "Pop3Tools.dll" }, assemblies);
    }

    [Theory]
    [InlineData("net8.0/dependencies")]
    [InlineData("net472")]
    public void Dependencies_are_the_engine_and_MimeKit_with_its_own(string folder)
    {
        var assemblies = Directory.GetFiles(Path.Combine(ModuleFiles.BinDirectory, folder), "*.dll").Select(Path.GetFileName).ToList();

        Assert.Contains("Pop3Tools.Engine.dll", assemblies);
        Assert.Contains("MimeKit.dll", assemblies);
        Assert.Contains("BouncyCastle.Cryptography.dll", assemblies);
    }

    [Fact]
    public void PowerShell_itself_is_never_shipped()
    {
        var shipped = Directory.GetFiles(ModuleFiles.BinDirectory, "*.dll", SearchOption.AllDirectories).Select(Path.GetFileName);

        Assert.DoesNotContain("System.Management.Automation.dll", shipped);
    }

    [Fact]
    public void Cmdlets_reference_nothing_shipped_but_the_engine()
    {
        var shipped = Directory.GetFiles(ModuleFiles.CoreDependencyDirectory, "*.dll", SearchOption.AllDirectories)
            .Select(Path.GetFileNameWithoutExtension).ToHashSet(StringComparer.Ordinal);
        var references = _module.Module.GetReferencedAssemblies().Select(r => r.Name!).ToList();

        Assert.Contains("Pop3Tools.Engine", references);
        Assert.All(references, r => Assert.True(r == "Pop3Tools.Engine" || !shipped.Contains(r), $"Pop3Tools references {r}, which would load into PowerShell's default context."));
    }

    [Fact]
    public void Engine_references_only_the_framework_and_MimeKit_and_not_PowerShell()
    {
        var references = _module.Engine.GetReferencedAssemblies().Select(r => r.Name!).ToList();

        Assert.DoesNotContain("System.Management.Automation", references);
        Assert.All(references, r => Assert.True(r is "netstandard" or "MimeKit", $"Pop3Tools.Engine references {r}."));
    }
}
