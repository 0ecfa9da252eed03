using System.Management.Automation;

namespace Pop3Tools.Commands
{
    /// <summary>
    /// How a Pop3MessageInfo enters the pipeline: one listed without headers carries a type
    /// name in front of its own, so the format file shows it without empty header columns.
    /// </summary>
    internal static class MessageOutput
    {
        internal const string NoHeadersTypeName = "Pop3Tools.Pop3MessageInfo#NoHeaders";

        internal static object For(Pop3MessageInfo message)
        {
            if (message.Headers != null)
            {
                return message;
            }
            var bare = new PSObject(message);
            bare.TypeNames.Insert(0, NoHeadersTypeName);
            return bare;
        }
    }
}
