using System.Management.Automation;
using Pop3Tools.Engine.Protocol;

namespace Pop3Tools.Commands
{
    /// <summary>
    /// Protocol steps as verbose lines, the dialogue as debug lines. The engine
    /// calls it synchronously on the pipeline thread, where Write* is legal, and
    /// has already redacted passwords, SASL payloads and tokens.
    /// </summary>
    internal sealed class CmdletProtocolLog : IPop3ProtocolLog
    {
        private readonly Cmdlet _cmdlet;

        internal CmdletProtocolLog(Cmdlet cmdlet)
        {
            _cmdlet = cmdlet;
        }

        public void Step(string message) => _cmdlet.WriteVerbose(message);

        public void Sent(string line) => _cmdlet.WriteDebug("C: " + line);

        public void Received(string line) => _cmdlet.WriteDebug("S: " + line);
    }
}
