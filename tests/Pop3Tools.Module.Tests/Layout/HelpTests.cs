using System.Xml.Linq;
using Pop3Tools.Module.Tests.Metadata;
using Pop3Tools.Module.Tests.Rules;

namespace Pop3Tools.Module.Tests.Layout;

/// <summary>The MAML help and the about topic, where PowerShell looks for them: en-US beside the manifest.</summary>
public sealed class HelpTests : IClassFixture<ModuleScopeFixture>
{
    private static readonly XNamespace Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
    private static readonly XNamespace Maml = "http://schemas.microsoft.com/maml/2004/10";
    private static readonly XNamespace Dev = "http://schemas.microsoft.com/maml/dev/2004/10";

    private readonly IReadOnlyList<CmdletDescription> _cmdlets;
    private readonly Dictionary<string, XElement> _help;

    public HelpTests(ModuleScopeFixture module)
    {
        _cmdlets = CmdletRules.Cmdlets(module.Module);
        var maml = XDocument.Load(Path.Combine(ModuleFiles.HelpDirectory, "Pop3Tools.dll-Help.xml"));
        _help = maml.Root!.Elements(Command + "command")
            .ToDictionary(c => Text(c.Element(Command + "details")?.Element(Command + "name")), StringComparer.OrdinalIgnoreCase);
    }

    [Fact]
    public void Help_has_an_entry_for_each_cmdlet_and_no_other()
    {
        Assert.NotEmpty(_cmdlets);
        Assert.Equal(_cmdlets.Select(c => c.Name).Order(StringComparer.OrdinalIgnoreCase), _help.Keys.Order(StringComparer.OrdinalIgnoreCase));
    }

    [Fact]
    public void Each_entry_has_a_synopsis_and_a_description()
    {
        foreach (var cmdlet in _cmdlets)
        {
            var entry = Entry(cmdlet);
            Assert.False(string.IsNullOrWhiteSpace(Paragraphs(entry.Element(Command + "details")?.Element(Maml + "description"))), $"{cmdlet.Name} has no synopsis.");
            Assert.False(string.IsNullOrWhiteSpace(Paragraphs(entry.Element(Maml + "description"))), $"{cmdlet.Name} has no description.");
        }
    }

    [Fact]
    public void Each_entry_documents_exactly_the_cmdlets_parameters()
    {
        foreach (var cmdlet in _cmdlets)
        {
            var documented = Entry(cmdlet).Element(Command + "parameters")?.Elements(Command + "parameter")
                .Select(p => Text(p.Element(Maml + "name"))).ToHashSet(StringComparer.OrdinalIgnoreCase)
                ?? new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            // Help may document the parameters PowerShell adds; they are not the cmdlet's own.
            documented.ExceptWith(AddedByPowerShell(cmdlet));

            var actual = cmdlet.Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
            Assert.True(actual.SetEquals(documented),
                $"{cmdlet.Name}: undocumented {string.Join(", ", actual.Except(documented))}; documented but absent {string.Join(", ", documented.Except(actual))}.");
            foreach (var parameter in Entry(cmdlet).Element(Command + "parameters")!.Elements(Command + "parameter"))
                Assert.False(string.IsNullOrWhiteSpace(Paragraphs(parameter.Element(Maml + "description"))), $"{cmdlet.Name} -{Text(parameter.Element(Maml + "name"))} has no description.");
        }
    }

    [Fact]
    public void Each_syntax_names_only_parameters_the_cmdlet_has()
    {
        foreach (var cmdlet in _cmdlets)
        {
            var known = cmdlet.Parameters.Select(p => p.Name).Concat(AddedByPowerShell(cmdlet)).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var items = Entry(cmdlet).Element(Command + "syntax")?.Elements(Command + "syntaxItem").ToList() ?? new List<XElement>();
            Assert.True(items.Count > 0, $"{cmdlet.Name} has no syntax.");
            foreach (var name in items.SelectMany(i => i.Elements(Command + "parameter")).Select(p => Text(p.Element(Maml + "name"))))
                Assert.True(known.Contains(name), $"{cmdlet.Name}'s syntax shows -{name}, which it does not have.");
        }
    }

    [Fact]
    public void Each_entry_has_at_least_two_examples_with_code()
    {
        foreach (var cmdlet in _cmdlets)
        {
            var examples = Entry(cmdlet).Element(Command + "examples")?.Elements(Command + "example").ToList() ?? new List<XElement>();
            Assert.True(examples.Count >= 2, $"{cmdlet.Name} has {examples.Count} example(s).");
            Assert.All(examples, e => Assert.Contains(cmdlet.Name, Text(e.Element(Dev + "code")), StringComparison.OrdinalIgnoreCase));
        }
    }

    [Fact]
    public void About_topic_covers_sessions_deletion_and_security()
    {
        var about = File.ReadAllText(Path.Combine(ModuleFiles.HelpDirectory, "about_Pop3Tools.help.txt"));

        Assert.Contains("about_Pop3Tools", about);
        foreach (var subject in new[] { "session", "Disconnect-Pop3", "delet", "-Discard", "certificate", "TLS", "-AllowInsecureAuthentication" })
            Assert.Contains(subject, about, StringComparison.OrdinalIgnoreCase);
    }

    private XElement Entry(CmdletDescription cmdlet) =>
        _help.TryGetValue(cmdlet.Name, out var entry) ? entry : throw new Xunit.Sdk.XunitException($"No help for {cmdlet.Name}.");

    private static IEnumerable<string> AddedByPowerShell(CmdletDescription cmdlet) =>
        (cmdlet.SupportsShouldProcess ? new[] { "WhatIf", "Confirm" } : Array.Empty<string>())
            .Concat(cmdlet.SupportsPaging ? ReservedParameterNames.Paging : Array.Empty<string>());

    private static string Text(XElement? element) => element?.Value.Trim() ?? "";

    private static string Paragraphs(XElement? element) =>
        string.Join(" ", element?.Elements(Maml + "para").Select(p => p.Value.Trim()) ?? Enumerable.Empty<string>());
}
