using System.Reflection;

namespace Pop3Tools.Module.Tests.Rules;

/// <summary>
/// Checks an assembly's cmdlets against the rules PowerShell applies on import and on
/// first use (see shared/notes/powershell.md), from metadata alone.
/// </summary>
public sealed class CmdletRules
{
    private readonly IReadOnlySet<string> _approvedVerbs;

    /// <param name="sma">The System.Management.Automation reference assembly, for the approved verbs.</param>
    public CmdletRules(Assembly sma)
    {
        _approvedVerbs = ApprovedVerbs.From(sma);
    }

    /// <summary>Every violation in the assembly, including cmdlet names used twice.</summary>
    public IReadOnlyList<RuleViolation> Check(Assembly assembly)
    {
        var violations = assembly.GetTypes().SelectMany(CheckType).ToList();
        foreach (var twins in Cmdlets(assembly).GroupBy(c => c.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            var types = string.Join(", ", twins.Select(c => c.Type.FullName));
            violations.Add(new RuleViolation(Rule.DuplicateCmdletName, types, $"{twins.Key} is declared {twins.Count()} times; the import fails."));
        }
        return violations;
    }

    /// <summary>The violations of one type (none for a type that is not meant to be a cmdlet).</summary>
    public IReadOnlyList<RuleViolation> CheckType(Type type)
    {
        var cmdletAttribute = type.Attributes(SmaNames.CmdletAttribute).FirstOrDefault();
        var problem = WhyNotExported(type, cmdletAttribute);
        if (problem is not null)
            return new[] { new RuleViolation(Rule.NotACmdlet, type.FullName!, problem) };
        if (cmdletAttribute is null)
            return Array.Empty<RuleViolation>();

        var cmdlet = CmdletDescription.Read(type, cmdletAttribute);
        var violations = new List<RuleViolation>();
        void Add(string rule, string message) => violations.Add(new RuleViolation(rule, $"{cmdlet.Name} ({type.FullName})", message));

        if (!_approvedVerbs.Contains(cmdlet.Verb))
            Add(Rule.UnapprovedVerb, $"'{cmdlet.Verb}' is not an approved verb; Import-Module warns.");
        if (cmdlet.OutputTypeNames.Count == 0)
            Add(Rule.MissingOutputType, "no [OutputType].");
        foreach (var member in IgnoredParameterMembers(type))
            Add(Rule.IgnoredParameter, $"[Parameter] on {member}, which is not a public instance member: PowerShell ignores it.");
        foreach (var (rule, message) in ParameterRules.Check(cmdlet))
            Add(rule, message);
        return violations;
    }

    /// <summary>The cmdlets PowerShell would export from the assembly.</summary>
    public static IReadOnlyList<CmdletDescription> Cmdlets(Assembly assembly) =>
        assembly.GetTypes()
            .Select(t => (Type: t, Attribute: t.Attributes(SmaNames.CmdletAttribute).FirstOrDefault()))
            .Where(x => x.Attribute is not null && WhyNotExported(x.Type, x.Attribute) is null)
            .Select(x => CmdletDescription.Read(x.Type, x.Attribute!))
            .ToList();

    /// <summary>Why a type that looks like a cmdlet would not be one; null when it is one or does not try.</summary>
    private static string? WhyNotExported(Type type, CustomAttributeData? cmdletAttribute)
    {
        var derives = type.DerivesFrom(SmaNames.Cmdlet);
        if (cmdletAttribute is null)
        {
            return derives && type.IsPublic && !type.IsAbstract
                ? "derives from Cmdlet but has no [Cmdlet]: it is not exported."
                : null;
        }
        if (!type.IsPublic)
            return "has [Cmdlet] but is not public: it is not exported.";
        if (type.IsAbstract)
            return "has [Cmdlet] but is abstract: it is not exported.";
        if (!derives)
            return "has [Cmdlet] but does not derive from Cmdlet or PSCmdlet.";
        if (!type.GetConstructors().Any(c => c.IsPublic && c.GetParameters().Length == 0))
            return "has [Cmdlet] but no public parameterless constructor.";
        return null;
    }

    private static IEnumerable<string> IgnoredParameterMembers(Type type)
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        for (var current = type; current is not null && current.FullName != SmaNames.Cmdlet; current = current.BaseType)
        {
            var properties = current.GetProperties(all)
                .Where(p => (p.GetMethod ?? p.SetMethod) is { } accessor && (accessor.IsStatic || !accessor.IsPublic))
                .Cast<MemberInfo>();
            var fields = current.GetFields(all).Where(f => f.IsStatic || !f.IsPublic);
            foreach (var member in properties.Concat(fields))
            {
                if (member.Attributes(SmaNames.ParameterAttribute).Any())
                    yield return member.Name;
            }
        }
    }
}
