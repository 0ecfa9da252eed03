using Pop3Tools.Module.Tests.Metadata;

namespace Pop3Tools.Module.Tests.Rules;

/// <summary>The built module against every rule the checker knows.</summary>
public sealed class ModuleCmdletRulesTests : IClassFixture<ModuleScopeFixture>
{
    private readonly ModuleScopeFixture _module;
    private readonly CmdletRules _rules;

    public ModuleCmdletRulesTests(ModuleScopeFixture module)
    {
        _module = module;
        _rules = new CmdletRules(module.Scope.Sma);
    }

    [Fact]
    public void Module_cmdlets_break_no_rule()
    {
        var violations = _rules.Check(_module.Module);

        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    [Fact]
    public void Engine_holds_no_cmdlet()
    {
        Assert.Empty(CmdletRules.Cmdlets(_module.Engine));
        Assert.Empty(_rules.Check(_module.Engine));
    }

    [Fact]
    public void Module_has_the_cmdlets_of_the_current_scope()
    {
        // DESIGN.md's cmdlet table, as far as it is built now; Receive-Pop3Message
        // joins this list when it lands.
        var expected = new[] { "Connect-Pop3", "Disconnect-Pop3", "Get-Pop3Message", "Remove-Pop3Message", "Test-Pop3Server" };

        Assert.Equal(expected.Order(), CmdletRules.Cmdlets(_module.Module).Select(c => c.Name).Order());
    }
}
