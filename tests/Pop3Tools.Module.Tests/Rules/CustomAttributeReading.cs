using System.Collections.ObjectModel;
using System.Reflection;

namespace Pop3Tools.Module.Tests.Rules;

/// <summary>
/// Reads attribute data as MetadataLoadContext gives it: only explicitly set values,
/// arrays as collections of typed arguments, enums as their underlying integers.
/// </summary>
internal static class CustomAttributeReading
{
    public static IEnumerable<CustomAttributeData> Attributes(this MemberInfo member, string fullName) =>
        member.GetCustomAttributesData().Where(a => a.AttributeType.FullName == fullName);

    public static T? Named<T>(this CustomAttributeData attribute, string name)
    {
        foreach (var argument in attribute.NamedArguments)
        {
            if (argument.MemberName == name)
                return (T?)argument.TypedValue.Value;
        }
        return default;
    }

    /// <summary>The values of a params-array constructor argument (or of a single one).</summary>
    public static IEnumerable<object?> ConstructorValues(this CustomAttributeData attribute)
    {
        foreach (var argument in attribute.ConstructorArguments)
        {
            if (argument.Value is ReadOnlyCollection<CustomAttributeTypedArgument> items)
            {
                foreach (var item in items)
                    yield return item.Value;
            }
            else
            {
                yield return argument.Value;
            }
        }
    }

    public static bool DerivesFrom(this Type type, string baseFullName)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (current.FullName == baseFullName)
                return true;
        }
        return false;
    }
}
