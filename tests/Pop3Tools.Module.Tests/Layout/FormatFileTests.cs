using System.Reflection;
using System.Xml.Linq;
using Pop3Tools.Module.Tests.Manifest;
using Pop3Tools.Module.Tests.Metadata;
using Pop3Tools.Module.Tests.Rules;

namespace Pop3Tools.Module.Tests.Layout;

/// <summary>The format files the manifest loads: a view for every output type, on properties that exist.</summary>
public sealed class FormatFileTests : IClassFixture<ModuleScopeFixture>
{
    private readonly ModuleScopeFixture _module;
    private readonly List<XDocument> _documents;
    private readonly List<XElement> _views;

    public FormatFileTests(ModuleScopeFixture module)
    {
        _module = module;
        var manifest = PowerShellDataFile.ParseFile(ModuleFiles.ManifestPath);
        var formats = manifest["FormatsToProcess"] switch
        {
            string one => new List<object?> { one },
            List<object?> many => many,
            _ => throw new Xunit.Sdk.XunitException("FormatsToProcess is missing."),
        };
        _documents = formats.Cast<string>().Select(f => XDocument.Load(Path.Combine(ModuleFiles.RepoRoot, f))).ToList();
        _views = _documents.SelectMany(d => d.Descendants("View")).ToList();
    }

    [Fact]
    public void Files_are_format_configurations()
    {
        Assert.All(_documents, d =>
        {
            Assert.Equal("Configuration", d.Root!.Name.LocalName);
            Assert.NotNull(d.Root.Element("ViewDefinitions"));
        });
    }

    [Fact]
    public void Every_output_type_has_a_view_selected_by_its_full_name()
    {
        var selected = _views.SelectMany(SelectedTypes).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var outputs = CmdletRules.Cmdlets(_module.Module).SelectMany(c => c.OutputTypeNames).Distinct().ToList();

        Assert.NotEmpty(outputs);
        Assert.All(outputs, t => Assert.True(selected.Contains(t), $"No view selects {t}."));
    }

    [Fact]
    public void Every_view_names_a_module_type_and_properties_it_has()
    {
        Assert.NotEmpty(_views);
        foreach (var view in _views)
        {
            var name = (string?)view.Element("Name");
            Assert.False(string.IsNullOrWhiteSpace(name), "A view has no Name.");
            var propertyNames = view.Descendants().Where(e => e.Name.LocalName == "PropertyName").Select(e => e.Value.Trim()).ToList();
            foreach (var typeName in SelectedTypes(view))
            {
                var type = _module.Scope.FindType(typeName);
                Assert.True(type is not null, $"View {name} selects {typeName}, which the module does not define.");
                foreach (var property in propertyNames)
                {
                    Assert.True(type!.GetProperty(property, BindingFlags.Public | BindingFlags.Instance) is not null,
                        $"View {name}: {typeName} has no public property {property}.");
                }
            }
        }
    }

    [Fact]
    public void Table_views_have_as_many_headers_as_columns()
    {
        // PowerShell drops a table view whose header and column counts differ.
        foreach (var table in _views.Select(v => v.Element("TableControl")).OfType<XElement>())
        {
            var headers = table.Element("TableHeaders")?.Elements("TableColumnHeader").Count() ?? 0;
            foreach (var row in table.Descendants("TableRowEntry"))
            {
                var columns = row.Element("TableColumnItems")?.Elements("TableColumnItem").Count() ?? 0;
                Assert.True(columns > 0, "A table row has no columns.");
                if (headers > 0)
                    Assert.Equal(headers, columns);
            }
        }
    }

    private static IEnumerable<string> SelectedTypes(XElement view) =>
        view.Element("ViewSelectedBy")?.Elements("TypeName").Select(t => t.Value.Trim()) ?? Enumerable.Empty<string>();
}
