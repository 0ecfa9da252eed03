namespace Pop3Tools.Module.Tests.Rules;

/// <summary>One broken rule: which rule, on which type, and what is wrong.</summary>
public sealed record RuleViolation(string Rule, string TypeName, string Message)
{
    public override string ToString() => $"[{Rule}] {TypeName}: {Message}";
}
