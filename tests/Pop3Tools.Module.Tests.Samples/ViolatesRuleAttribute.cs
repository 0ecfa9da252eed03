using System;

namespace Pop3Tools.Module.Tests.Samples
{
    /// <summary>
    /// Names the one rule a broken sample breaks; the tests expect the checker to
    /// report that rule, and only that rule, for the type.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
    public sealed class ViolatesRuleAttribute : Attribute
    {
        public ViolatesRuleAttribute(string rule) { Rule = rule; }

        public string Rule { get; }
    }
}
