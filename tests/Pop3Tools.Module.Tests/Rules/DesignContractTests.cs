using Pop3Tools.Module.Tests.Metadata;

namespace Pop3Tools.Module.Tests.Rules;

/// <summary>The parameters, sets and outputs DESIGN.md promises scripts, read from the built module.</summary>
public sealed class DesignContractTests : IClassFixture<ModuleScopeFixture>
{
    private const string Session = "Pop3Tools.Pop3Session";
    private const string MessageInfo = "Pop3Tools.Pop3MessageInfo";
    private const string Switch = "System.Management.Automation.SwitchParameter";
    private const int ConfirmImpactHigh = 3;

    private readonly Dictionary<string, CmdletDescription> _cmdlets;

    public DesignContractTests(ModuleScopeFixture module)
    {
        _cmdlets = CmdletRules.Cmdlets(module.Module).ToDictionary(c => c.Name, StringComparer.OrdinalIgnoreCase);
    }

    [Fact]
    public void Connect_Pop3_takes_the_server_first_and_credentials_or_a_token()
    {
        var connect = Cmdlet("Connect-Pop3");

        var server = connect.Parameter("Server");
        Assert.Contains("ComputerName", server.Aliases);
        Assert.True(server.InAllSets, "-Server belongs to every set.");
        Assert.Equal(0, server.In(connect.DefaultParameterSetName!)!.Position);
        Assert.All(connect.ExplicitSets, set => Assert.Equal(0, server.In(set)!.Position));

        AssertTypes(connect, ("Port", "System.Int32"), ("Security", "Pop3Tools.Pop3Security"),
            ("Authentication", "Pop3Tools.Pop3AuthenticationMethod"),
            ("SkipCertificateCheck", Switch), ("CertificateThumbprint", "System.String"),
            ("TimeoutSeconds", "System.Int32"), ("AllowInsecureAuthentication", Switch),
            ("UserName", "System.String"), ("AccessToken", "System.Security.SecureString"),
            ("Credential", "System.Management.Automation.PSCredential"));
        Assert.Equal(new[] { Session }, connect.OutputTypeNames);
    }

    [Fact]
    public void Connect_Pop3_separates_password_and_OAuth_logins()
    {
        var connect = Cmdlet("Connect-Pop3");
        var credential = connect.Parameter("Credential");
        var userName = connect.Parameter("UserName");
        var token = connect.Parameter("AccessToken");

        // Every set that takes -Credential must require it: a password login without one
        // would have nothing to send.
        Assert.NotEmpty(credential.Declarations);
        Assert.All(credential.Declarations, d => Assert.True(d.Mandatory, $"-Credential is optional in set {d.SetName}."));
        Assert.False(credential.InAllSets);
        Assert.Equal(credential.ExplicitSets.Single(), connect.DefaultParameterSetName);

        var oauth = Assert.Single(token.ExplicitSets);
        Assert.False(token.InAllSets);
        Assert.True(token.In(oauth)!.Mandatory);
        Assert.Equal(new[] { oauth }, userName.ExplicitSets);
        Assert.Null(credential.In(oauth));
    }

    [Fact]
    public void Disconnect_Pop3_commits_or_discards_and_can_pass_the_session_through()
    {
        var disconnect = Cmdlet("Disconnect-Pop3");

        AssertSessionParameter(disconnect);
        AssertTypes(disconnect, ("Discard", Switch), ("PassThru", Switch));
        Assert.Equal(new[] { Session }, disconnect.OutputTypeNames);
    }

    [Fact]
    public void Get_Pop3Message_selects_by_number_or_uid_and_pages()
    {
        var get = Cmdlet("Get-Pop3Message");

        Assert.True(get.SupportsPaging);
        AssertSessionParameter(get);
        AssertTypes(get, ("Number", "System.Int32[]"), ("Uid", "System.String[]"), ("NoHeaders", Switch));
        AssertSeparateSets(get, "Number", "Uid");
        Assert.Equal(new[] { MessageInfo }, get.OutputTypeNames);
    }

    [Fact]
    public void Remove_Pop3Message_confirms_and_binds_uids_from_the_pipeline()
    {
        var remove = Cmdlet("Remove-Pop3Message");

        Assert.True(remove.SupportsShouldProcess);
        Assert.Equal(ConfirmImpactHigh, remove.ConfirmImpact);
        AssertSessionParameter(remove);
        AssertTypes(remove, ("Uid", "System.String[]"), ("Number", "System.Int32[]"), ("All", Switch), ("PassThru", Switch));
        AssertSeparateSets(remove, "Uid", "Number", "All");
        Assert.All(remove.Parameter("Uid").Declarations, d => Assert.True(d.ValueFromPipelineByPropertyName, "-Uid binds by property name."));
        Assert.Equal(new[] { MessageInfo }, remove.OutputTypeNames);
    }

    [Fact]
    public void Receive_Pop3Message_binds_uids_from_the_pipeline_and_saves_or_parses()
    {
        var receive = Cmdlet("Receive-Pop3Message");

        Assert.True(receive.SupportsPaging);
        Assert.False(receive.SupportsShouldProcess);
        AssertSessionParameter(receive);
        AssertTypes(receive, ("Uid", "System.String[]"), ("Number", "System.Int32[]"), ("All", Switch),
            ("Path", "System.String"), ("Delete", Switch), ("Force", Switch));
        AssertSeparateSets(receive, "Uid", "Number", "All");
        Assert.All(receive.Parameter("Uid").Declarations, d => Assert.True(d.ValueFromPipelineByPropertyName, "-Uid binds by property name."));
        Assert.Equal(new[] { "Pop3Tools.Pop3Message", "Pop3Tools.Pop3SavedMessage" }, receive.OutputTypeNames.Order());
    }

    [Fact]
    public void Every_session_parameter_binds_by_property_name()
    {
        foreach (var cmdlet in _cmdlets.Values.Where(c => c.HasParameter("Session")))
            AssertSessionParameter(cmdlet);
    }

    private CmdletDescription Cmdlet(string name) =>
        _cmdlets.TryGetValue(name, out var cmdlet) ? cmdlet : throw new Xunit.Sdk.XunitException($"The module has no {name}.");

    private static void AssertSessionParameter(CmdletDescription cmdlet)
    {
        var session = cmdlet.Parameter("Session");
        Assert.Equal(Session, session.Type.FullName);
        Assert.True(session.InAllSets, $"{cmdlet.Name} -Session belongs to every set.");
        Assert.All(session.Declarations, d => Assert.True(d.ValueFromPipelineByPropertyName, $"{cmdlet.Name} -Session binds by property name."));
        Assert.All(session.Declarations, d => Assert.False(d.Mandatory, $"{cmdlet.Name} -Session falls back to the default session."));
    }

    private static void AssertTypes(CmdletDescription cmdlet, params (string Name, string Type)[] expected)
    {
        foreach (var (name, type) in expected)
            Assert.True(cmdlet.Parameter(name).Type.FullName == type, $"{cmdlet.Name} -{name} is {cmdlet.Parameter(name).Type.FullName}, not {type}.");
    }

    /// <summary>Each parameter lives in one set of its own, shared with none of the others.</summary>
    private static void AssertSeparateSets(CmdletDescription cmdlet, params string[] names)
    {
        var sets = names.Select(n => Assert.Single(cmdlet.Parameter(n).ExplicitSets)).ToList();
        Assert.Equal(sets.Count, sets.Distinct(StringComparer.Ordinal).Count());
        Assert.All(names, n => Assert.False(cmdlet.Parameter(n).InAllSets, $"{cmdlet.Name} -{n} is in every set."));
    }
}
