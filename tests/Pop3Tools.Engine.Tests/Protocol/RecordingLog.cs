using Pop3Tools.Engine.Protocol;

namespace Pop3Tools.Engine.Tests.Protocol;

/// <summary>Keeps every log line so tests can check what was (and was not) logged.</summary>
public sealed class RecordingLog : IPop3ProtocolLog
{
    private readonly object gate = new();

    public List<string> Lines { get; } = new();

    public void Step(string message) => Add("STEP " + message);

    public void Sent(string line) => Add("C: " + line);

    public void Received(string line) => Add("S: " + line);

    public string All
    {
        get
        {
            lock (gate) return string.Join("\n", Lines);
        }
    }

    private void Add(string line)
    {
        lock (gate) Lines.Add(line);
    }
}
