using System.Reflection;

namespace Pop3Tools.Module.Tests.Rules;

/// <summary>One [Parameter] attribute of a parameter: its set and how it binds there.</summary>
public sealed record ParameterDeclaration(
    string SetName,
    int? Position,
    bool Mandatory,
    bool ValueFromPipelineByPropertyName)
{
    public bool InAllSets => SetName == SmaNames.AllParameterSets;
}

/// <summary>A cmdlet parameter as PowerShell would build it from the metadata.</summary>
public sealed record ParameterDescription(
    string Name,
    IReadOnlyList<string> Aliases,
    Type Type,
    IReadOnlyList<ParameterDeclaration> Declarations)
{
    public IEnumerable<string> NameAndAliases => Aliases.Prepend(Name);

    public bool InAllSets => Declarations.Any(d => d.InAllSets);

    public IEnumerable<string> ExplicitSets => Declarations.Where(d => !d.InAllSets).Select(d => d.SetName);

    /// <summary>The declaration that applies in <paramref name="setName"/>, or null if the parameter is not in it.</summary>
    public ParameterDeclaration? In(string setName) =>
        Declarations.FirstOrDefault(d => d.SetName == setName) ?? Declarations.FirstOrDefault(d => d.InAllSets);
}

/// <summary>A cmdlet as PowerShell's discovery and binder see it, read from metadata only.</summary>
public sealed record CmdletDescription(
    Type Type,
    string Verb,
    string Noun,
    string? DefaultParameterSetName,
    bool SupportsShouldProcess,
    int? ConfirmImpact,
    bool SupportsPaging,
    IReadOnlyList<string> OutputTypeNames,
    IReadOnlyList<ParameterDescription> Parameters)
{
    public string Name => Verb + "-" + Noun;

    /// <summary>The set names parameters declare, in first-seen order (not __AllParameterSets).</summary>
    public IReadOnlyList<string> ExplicitSets =>
        Parameters.SelectMany(p => p.ExplicitSets).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>
    /// A default set that no parameter declares: PowerShell adds it as a set of its own,
    /// chosen when no parameter of another set is given (e.g. "list all").
    /// </summary>
    public bool DefaultIsParameterless =>
        !string.IsNullOrEmpty(DefaultParameterSetName) && !ExplicitSets.Contains(DefaultParameterSetName, StringComparer.Ordinal);

    public ParameterDescription Parameter(string name) =>
        Parameters.SingleOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new Xunit.Sdk.XunitException($"{Name} has no parameter -{name}.");

    public bool HasParameter(string name) =>
        Parameters.Any(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));

    public static CmdletDescription Read(Type type, CustomAttributeData cmdlet)
    {
        var verbAndNoun = cmdlet.ConstructorValues().Cast<string>().ToArray();
        var outputTypes = type.Attributes(SmaNames.OutputTypeAttribute)
            .SelectMany(a => a.ConstructorValues())
            .Select(v => v is Type t ? t.FullName! : (string)v!)
            .ToList();
        return new CmdletDescription(
            type,
            verbAndNoun[0],
            verbAndNoun[1],
            cmdlet.Named<string>("DefaultParameterSetName"),
            cmdlet.Named<bool>("SupportsShouldProcess"),
            cmdlet.Named<int?>("ConfirmImpact"),
            cmdlet.Named<bool>("SupportsPaging"),
            outputTypes,
            ReadParameters(type));
    }

    /// <summary>Public instance properties and fields (inherited ones too) carrying [Parameter].</summary>
    private static List<ParameterDescription> ReadParameters(Type type)
    {
        const BindingFlags flags = BindingFlags.Public | BindingFlags.Instance;
        var members = type.GetProperties(flags).Select(p => (Member: (MemberInfo)p, p.PropertyType))
            .Concat(type.GetFields(flags).Select(f => (Member: (MemberInfo)f, f.FieldType)));
        var parameters = new List<ParameterDescription>();
        foreach (var (member, memberType) in members)
        {
            var declarations = member.Attributes(SmaNames.ParameterAttribute).Select(ReadDeclaration).ToList();
            if (declarations.Count == 0)
                continue;
            var aliases = member.Attributes(SmaNames.AliasAttribute)
                .SelectMany(a => a.ConstructorValues()).Cast<string>().ToList();
            parameters.Add(new ParameterDescription(member.Name, aliases, memberType, declarations));
        }
        return parameters;
    }

    private static ParameterDeclaration ReadDeclaration(CustomAttributeData parameter)
    {
        var position = parameter.Named<int?>("Position");
        return new ParameterDeclaration(
            parameter.Named<string>("ParameterSetName") ?? SmaNames.AllParameterSets,
            position == int.MinValue ? null : position,
            parameter.Named<bool>("Mandatory"),
            parameter.Named<bool>("ValueFromPipelineByPropertyName"));
    }
}
