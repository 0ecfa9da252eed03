namespace Pop3Tools.Module.Tests.Rules;

/// <summary>The rules the checker enforces; each has at least one broken sample that breaks it.</summary>
public static class Rule
{
    public const string NotACmdlet = nameof(NotACmdlet);
    public const string UnapprovedVerb = nameof(UnapprovedVerb);
    public const string DuplicateCmdletName = nameof(DuplicateCmdletName);
    public const string MissingOutputType = nameof(MissingOutputType);
    public const string IgnoredParameter = nameof(IgnoredParameter);
    public const string DuplicateParameterName = nameof(DuplicateParameterName);
    public const string CommonParameterClash = nameof(CommonParameterClash);
    public const string ShouldProcessParameterClash = nameof(ShouldProcessParameterClash);
    public const string PagingParameterClash = nameof(PagingParameterClash);
    public const string DuplicateSetOnMember = nameof(DuplicateSetOnMember);
    public const string TooManyParameterSets = nameof(TooManyParameterSets);
    public const string DuplicatePosition = nameof(DuplicatePosition);
    public const string MissingDefaultParameterSet = nameof(MissingDefaultParameterSet);
    public const string UnknownDefaultParameterSet = nameof(UnknownDefaultParameterSet);
    public const string SetWithoutUniqueParameter = nameof(SetWithoutUniqueParameter);
    public const string CredentialType = nameof(CredentialType);
    public const string PlainTextPassword = nameof(PlainTextPassword);
    public const string PlainTextToken = nameof(PlainTextToken);

    public static readonly IReadOnlyList<string> All = new[]
    {
        NotACmdlet, UnapprovedVerb, DuplicateCmdletName, MissingOutputType, IgnoredParameter,
        DuplicateParameterName, CommonParameterClash, ShouldProcessParameterClash,
        PagingParameterClash, DuplicateSetOnMember, TooManyParameterSets, DuplicatePosition,
        MissingDefaultParameterSet, UnknownDefaultParameterSet, SetWithoutUniqueParameter,
        CredentialType, PlainTextPassword, PlainTextToken,
    };
}
