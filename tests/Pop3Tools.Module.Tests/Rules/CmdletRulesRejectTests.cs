using Pop3Tools.Module.Tests.Metadata;

namespace Pop3Tools.Module.Tests.Rules;

/// <summary>
/// The checker must fail: each broken sample names the one rule it breaks, and the
/// well-formed controls (same features, used correctly) must pass untouched.
/// </summary>
public sealed class CmdletRulesRejectTests : IClassFixture<SamplesScopeFixture>
{
    private const string ViolatesRuleAttribute = "Pop3Tools.Module.Tests.Samples.ViolatesRuleAttribute";
    private readonly SamplesScopeFixture _samples;
    private readonly CmdletRules _rules;

    public CmdletRulesRejectTests(SamplesScopeFixture samples)
    {
        _samples = samples;
        _rules = new CmdletRules(samples.Scope.Sma);
    }

    public static TheoryData<string, string> BrokenSamples()
    {
        using var scope = MetadataScope.Open(ModuleFiles.SamplesAssemblyPath);
        var data = new TheoryData<string, string>();
        foreach (var (type, rule) in DeclaredViolations(scope))
            data.Add(type, rule);
        return data;
    }

    public static TheoryData<string> WellFormedSamples()
    {
        using var scope = MetadataScope.Open(ModuleFiles.SamplesAssemblyPath);
        var data = new TheoryData<string>();
        foreach (var type in scope.Assemblies[0].GetTypes().Where(t => t.Name.Contains("SampleGood") || t.Name == "SampleCmdletBase"))
            data.Add(type.FullName!);
        return data;
    }

    [Theory]
    [MemberData(nameof(BrokenSamples))]
    public void Reports_exactly_the_rule_a_broken_sample_breaks(string typeName, string rule)
    {
        var violations = _rules.CheckType(_samples.Samples.GetType(typeName, throwOnError: true)!);

        Assert.NotEmpty(violations);
        Assert.All(violations, v => Assert.Equal(rule, v.Rule));
    }

    [Theory]
    [MemberData(nameof(WellFormedSamples))]
    public void Passes_a_well_formed_sample(string typeName)
    {
        Assert.Empty(_rules.CheckType(_samples.Samples.GetType(typeName, throwOnError: true)!));
    }

    [Fact]
    public void Well_formed_samples_are_cmdlets_with_the_parameters_they_declare()
    {
        var cmdlets = CmdletRules.Cmdlets(_samples.Samples).ToDictionary(c => c.Name);

        Assert.Equal(new[] { "Session", "Discard" }.Order(), cmdlets["Disconnect-SampleGood"].Parameters.Select(p => p.Name).Order());
        var connect = cmdlets["Connect-SampleGood"];
        Assert.Equal(new[] { "ComputerName" }, connect.Parameter("Server").Aliases);
        Assert.Equal(0, connect.Parameter("Server").In("OAuth")!.Position);
        Assert.Null(connect.Parameter("UserName").In("Credential"));
        var remove = cmdlets["Remove-SampleGood"];
        Assert.Equal(3, remove.ConfirmImpact);
        Assert.True(remove.SupportsShouldProcess);
        Assert.Equal(new[] { "System.Int32" }, remove.OutputTypeNames);
    }

    [Fact]
    public void Reports_two_cmdlets_with_one_name_in_the_assembly()
    {
        var twins = _rules.Check(_samples.Samples).Where(v => v.Rule == Rule.DuplicateCmdletName).ToList();

        var twin = Assert.Single(twins);
        Assert.Contains("BrokenTwinOneCommand", twin.TypeName);
        Assert.Contains("BrokenTwinTwoCommand", twin.TypeName);
    }

    [Fact]
    public void Every_rule_has_a_sample_that_breaks_it()
    {
        var covered = DeclaredViolations(_samples.Scope).Select(x => x.Rule).Append(Rule.DuplicateCmdletName);

        Assert.Equal(Rule.All.Order(), covered.Distinct().Order());
    }

    [Fact]
    public void Approved_verbs_come_from_the_reference_assembly()
    {
        var verbs = ApprovedVerbs.From(_samples.Scope.Sma);

        Assert.Superset(new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "Connect", "Disconnect", "Receive", "Get", "Remove", "Test", "Use" }, new HashSet<string>(verbs, StringComparer.OrdinalIgnoreCase));
        Assert.DoesNotContain("Frobnicate", verbs);
        Assert.DoesNotContain("Frobulate", verbs);
    }

    private static IEnumerable<(string Type, string Rule)> DeclaredViolations(MetadataScope scope) =>
        scope.Assemblies[0].GetTypes()
            .Select(t => (Type: t, Attribute: t.Attributes(ViolatesRuleAttribute).SingleOrDefault()))
            .Where(x => x.Attribute is not null)
            .Select(x => (x.Type.FullName!, (string)x.Attribute!.ConstructorArguments[0].Value!));
}
