using Pop3Tools.Module.Tests.Metadata;
using Pop3Tools.Module.Tests.Rules;

namespace Pop3Tools.Module.Tests.Manifest;

/// <summary>Pop3Tools.psd1 against the module conventions of DESIGN.md and the built module.</summary>
public sealed class ModuleManifestTests : IClassFixture<ModuleScopeFixture>
{
    private readonly ModuleScopeFixture _module;
    private readonly Dictionary<string, object?> _manifest = PowerShellDataFile.ParseFile(ModuleFiles.ManifestPath);

    public ModuleManifestTests(ModuleScopeFixture module) { _module = module; }

    [Fact]
    public void Root_module_is_the_built_loader_in_bin()
    {
        var rootModule = Assert.IsType<string>(_manifest["RootModule"]);

        Assert.Equal("bin/Pop3Tools.psm1", rootModule.Replace('\\', '/'));
        Assert.True(File.Exists(Path.Combine(ModuleFiles.RepoRoot, rootModule)), $"{rootModule} is not beside the manifest after the build.");
    }

    [Fact]
    public void Exports_exactly_the_cmdlets_the_assembly_declares()
    {
        var declared = CmdletRules.Cmdlets(_module.Module).Select(c => c.Name).Order(StringComparer.Ordinal);

        Assert.Equal(declared, Strings("CmdletsToExport").Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("FunctionsToExport")]
    [InlineData("AliasesToExport")]
    [InlineData("VariablesToExport")]
    public void Exports_nothing_else_explicitly(string key)
    {
        // An explicit empty array, not a missing key: a missing key exports everything.
        Assert.True(_manifest.ContainsKey(key), $"{key} is missing.");
        Assert.Empty(Strings(key));
    }

    [Fact]
    public void Format_files_exist_relative_to_the_manifest()
    {
        var formats = Strings("FormatsToProcess");

        Assert.NotEmpty(formats);
        Assert.All(formats, f => Assert.True(File.Exists(Path.Combine(ModuleFiles.RepoRoot, f)), $"{f} does not exist beside the manifest."));
    }

    [Fact]
    public void Declares_both_editions_and_the_minimum_hosts()
    {
        Assert.Equal(new[] { "Core", "Desktop" }, Strings("CompatiblePSEditions").Order(StringComparer.Ordinal));
        Assert.Equal("5.1", _manifest["PowerShellVersion"]);
        Assert.Equal("4.7.2", _manifest["DotNetFrameworkVersion"]);
    }

    [Fact]
    public void Has_a_fixed_guid_and_the_build_version()
    {
        Assert.True(Guid.TryParse(Assert.IsType<string>(_manifest["GUID"]), out var guid), "GUID is not a GUID.");
        Assert.NotEqual(Guid.Empty, guid);
        var version = Assert.IsType<string>(_manifest["ModuleVersion"]);
        Assert.Equal(_module.Module.GetName().Version!.ToString(3), Version.Parse(version).ToString(3));
    }

    [Fact]
    public void Gallery_data_has_tags_links_and_release_notes()
    {
        var privateData = Assert.IsType<Dictionary<string, object?>>(_manifest["PrivateData"]);
        var psData = Assert.IsType<Dictionary<string, object?>>(privateData["PSData"]);

        var tags = Assert.IsAssignableFrom<List<object?>>(psData["Tags"]).Cast<string>().ToList();
        Assert.Superset(new HashSet<string> { "PSEdition_Desktop", "PSEdition_Core", "POP3", "Mail" }, tags.ToHashSet());
        Assert.All(tags, t => Assert.DoesNotContain(' ', t));
        foreach (var key in new[] { "ProjectUri", "LicenseUri" })
            Assert.True(Uri.TryCreate(psData[key] as string, UriKind.Absolute, out _), $"PSData.{key} is not an absolute URI.");
        Assert.False(string.IsNullOrWhiteSpace(psData["ReleaseNotes"] as string), "PSData.ReleaseNotes is empty.");
    }

    private List<string> Strings(string key)
    {
        Assert.True(_manifest.TryGetValue(key, out var value), $"{key} is missing.");
        return value switch
        {
            string single => new List<string> { single },
            List<object?> list => list.Select(v => Assert.IsType<string>(v)).ToList(),
            _ => throw new Xunit.Sdk.XunitException($"{key} is neither a string nor an array."),
        };
    }
}
