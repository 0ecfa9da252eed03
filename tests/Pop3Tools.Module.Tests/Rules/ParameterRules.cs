namespace Pop3Tools.Module.Tests.Rules;

/// <summary>The rules about one cmdlet's parameters and parameter sets.</summary>
internal static class ParameterRules
{
    private const int MaxParameterSets = 32;

    public static IEnumerable<(string Rule, string Message)> Check(CmdletDescription cmdlet) =>
        Names(cmdlet).Concat(Sets(cmdlet)).Concat(Positions(cmdlet)).Concat(Secrets(cmdlet));

    private static IEnumerable<(string, string)> Names(CmdletDescription cmdlet)
    {
        var owners = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var parameter in cmdlet.Parameters)
        {
            foreach (var name in parameter.NameAndAliases)
            {
                if (owners.TryGetValue(name, out var owner))
                    yield return (Rule.DuplicateParameterName, $"'{name}' of -{parameter.Name} is already taken by -{owner}.");
                else
                    owners.Add(name, parameter.Name);

                if (ReservedParameterNames.Common.Contains(name, StringComparer.OrdinalIgnoreCase))
                    yield return (Rule.CommonParameterClash, $"'{name}' of -{parameter.Name} is a common parameter name or alias.");
                if (cmdlet.SupportsShouldProcess && ReservedParameterNames.ShouldProcess.Contains(name, StringComparer.OrdinalIgnoreCase))
                    yield return (Rule.ShouldProcessParameterClash, $"'{name}' of -{parameter.Name} clashes with -WhatIf/-Confirm (SupportsShouldProcess).");
                if (cmdlet.SupportsPaging && ReservedParameterNames.Paging.Contains(name, StringComparer.OrdinalIgnoreCase))
                    yield return (Rule.PagingParameterClash, $"'{name}' of -{parameter.Name} clashes with the paging parameters (SupportsPaging).");
            }
        }
    }

    private static IEnumerable<(string, string)> Sets(CmdletDescription cmdlet)
    {
        foreach (var parameter in cmdlet.Parameters)
        {
            foreach (var twice in parameter.Declarations.GroupBy(d => d.SetName, StringComparer.Ordinal).Where(g => g.Count() > 1))
                yield return (Rule.DuplicateSetOnMember, $"-{parameter.Name} names set '{twice.Key}' {twice.Count()} times.");
        }

        var sets = cmdlet.ExplicitSets;
        var setCount = sets.Count + (cmdlet.DefaultIsParameterless ? 1 : 0);
        if (setCount > MaxParameterSets)
            yield return (Rule.TooManyParameterSets, $"{setCount} parameter sets; PowerShell allows {MaxParameterSets}.");
        if (sets.Count < 2)
            yield break;

        // PowerShell compares set names ordinally: a default that differs from a set
        // only by case silently becomes a further set with no parameters.
        var defaultSet = cmdlet.DefaultParameterSetName;
        if (string.IsNullOrEmpty(defaultSet))
            yield return (Rule.MissingDefaultParameterSet, $"{sets.Count} parameter sets and no DefaultParameterSetName: calls that fit several sets fail.");
        else if (cmdlet.DefaultIsParameterless && sets.Contains(defaultSet, StringComparer.OrdinalIgnoreCase))
            yield return (Rule.UnknownDefaultParameterSet, $"DefaultParameterSetName '{defaultSet}' differs only in case from a set of {string.Join(", ", sets)}: PowerShell treats it as another set.");

        foreach (var set in sets)
        {
            var unique = cmdlet.Parameters.Any(p => !p.InAllSets && p.ExplicitSets.All(s => s == set));
            if (!unique)
                yield return (Rule.SetWithoutUniqueParameter, $"set '{set}' has no parameter of its own: PowerShell cannot tell it from the others.");
        }
    }

    /// <summary>A parameter of all sets takes its position in every explicit set.</summary>
    private static IEnumerable<(string, string)> Positions(CmdletDescription cmdlet)
    {
        var sets = cmdlet.ExplicitSets.Count > 0 ? cmdlet.ExplicitSets : new[] { SmaNames.AllParameterSets };
        foreach (var set in sets)
        {
            var positioned = cmdlet.Parameters
                .Select(p => (p.Name, p.In(set)?.Position))
                .Where(x => x.Position is not null);
            foreach (var clash in positioned.GroupBy(x => x.Position).Where(g => g.Count() > 1))
                yield return (Rule.DuplicatePosition, $"in set '{set}', {string.Join(" and ", clash.Select(x => "-" + x.Name))} share position {clash.Key}.");
        }
    }

    private static IEnumerable<(string, string)> Secrets(CmdletDescription cmdlet)
    {
        foreach (var parameter in cmdlet.Parameters)
        {
            var type = parameter.Type.FullName;
            var names = parameter.NameAndAliases.ToList();
            if (names.Any(n => n.Equals("Credential", StringComparison.OrdinalIgnoreCase)) && type != SmaNames.PSCredential)
                yield return (Rule.CredentialType, $"-{parameter.Name} is {type}, not PSCredential.");
            if (names.Any(n => n.EndsWith("Password", StringComparison.OrdinalIgnoreCase)) && type is "System.String" or "System.String[]")
                yield return (Rule.PlainTextPassword, $"-{parameter.Name} takes a password as {type}: use PSCredential or SecureString.");
            if (names.Any(n => n.EndsWith("Token", StringComparison.OrdinalIgnoreCase) || n.EndsWith("Secret", StringComparison.OrdinalIgnoreCase)) && type != SmaNames.SecureString)
                yield return (Rule.PlainTextToken, $"-{parameter.Name} takes a secret as {type}: use SecureString.");
        }
    }
}
