using System.Reflection;

namespace Pop3Tools.Module.Tests.Rules;

/// <summary>
/// PowerShell's approved verbs, read from the constants of the Verbs* classes in the
/// System.Management.Automation reference assembly: a source independent of the module.
/// </summary>
public static class ApprovedVerbs
{
    public static readonly string[] VerbClasses =
    {
        "VerbsCommon", "VerbsCommunications", "VerbsData", "VerbsDiagnostic",
        "VerbsLifecycle", "VerbsSecurity", "VerbsOther",
    };

    public static IReadOnlySet<string> From(Assembly sma)
    {
        var verbs = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var className in VerbClasses)
        {
            var type = sma.GetType(SmaNames.Namespace + "." + className, throwOnError: true)!;
            foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral))
                verbs.Add((string)field.GetRawConstantValue()!);
        }
        return verbs;
    }
}
