using System.Management.Automation;
using System.Management.Automation.Runspaces;
using Pop3Tools.Engine.Mailbox;

namespace Pop3Tools.Commands
{
    /// <summary>
    /// Get-Pop3Session: the sessions opened in this runspace and not yet closed, oldest
    /// first; IsDefault marks the one the other cmdlets use without -Session (as
    /// Get-PSSession lists remoting sessions).
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "Pop3Session", HelpUri = HelpLinks.Cmdlets)]
    [OutputType(typeof(Pop3Session))]
    public sealed class GetPop3SessionCommand : PSCmdlet
    {
        protected override void EndProcessing()
        {
            WriteObject(SessionRegistry.Instance.SessionsOf(Runspace.DefaultRunspace), enumerateCollection: true);
        }
    }
}
