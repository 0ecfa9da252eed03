using System.Text;

namespace Pop3Tools.Engine.Tests.Scripted;

/// <summary>What the hostile server does once it has sent its hostile bytes.</summary>
public enum AfterHostile
{
    /// <summary>Goes on answering like a good server.</summary>
    Continue,
    /// <summary>Closes the connection (FIN).</summary>
    Close,
    /// <summary>Resets the connection (RST).</summary>
    Reset,
    /// <summary>Goes silent until the client hangs up.</summary>
    Hang,
    /// <summary>Sends <see cref="HostileCase.EndlessLine"/> forever (until the client hangs up).</summary>
    Endless,
    /// <summary>Answers every later client line with the same hostile bytes.</summary>
    Repeat,
    /// <summary>Like <see cref="Repeat"/> until the client sends "*" (SASL cancel), which gets -ERR.</summary>
    RepeatUntilCancel,
    /// <summary>Starts the TLS handshake (the hostile bytes were an STLS +OK, perhaps with more behind it).</summary>
    StartTls,
}

/// <summary>
/// One adversarial server behaviour: at the <see cref="Occurrence"/>th time the client sends
/// <see cref="Target"/> (a command verb, or GREETING), the server sends <see cref="Reply"/>
/// instead of a good answer, then does <see cref="After"/>. <see cref="Expected"/> is the only
/// acceptable outcome: "Ok", a <see cref="Pop3ErrorKind"/> name (the call threw it), or
/// "Item:Kind" (the call went on and reported that kind for a message).
/// </summary>
public sealed record HostileCase(string Name, string Target, byte[] Reply, AfterHostile After, string Expected)
{
    /// <summary>Which occurrence of the target command gets the hostile reply (1 = the first).</summary>
    public int Occurrence { get; init; } = 1;

    /// <summary>The CAPA lines the server offers; null: CAPA is refused (a plain RFC 1939 server).</summary>
    public string[]? Capabilities { get; init; } = HostileMailbox.DefaultCapabilities;

    /// <summary>What the client asks for: a stage name from <see cref="HostileMailbox"/> (defaults to the target's).</summary>
    public string? Stage { get; init; }

    public Pop3AuthenticationMethod Method { get; init; } = Pop3AuthenticationMethod.UserPass;

    /// <summary>The line <see cref="AfterHostile.Endless"/> repeats.</summary>
    public byte[] EndlessLine { get; init; } = Encoding.ASCII.GetBytes("1 100\r\n");

    /// <summary>For an "Ok" outcome: what the client must have read (null: the same as from a good server).</summary>
    public string? Result { get; init; }

    /// <summary>Bytes the client may allocate on its own thread for the whole case.</summary>
    public long AllocationBound { get; init; } = 64L * 1024 * 1024;

    /// <summary>How long the case may take: a generous multiple of the client's timeout unless the reply is endless.</summary>
    public TimeSpan TimeBound { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The client's timeout: short where the server goes silent and the timeout is the outcome,
    /// patient elsewhere, where a reply late on a busy runner must not pass for silence.
    /// TLS stages set their own, since a cold TLS stack on a busy runner is slow.
    /// </summary>
    public TimeSpan ClientTimeout { get; init; } = After == AfterHostile.Hang ? HostileRun.ClientTimeout : HostileRun.PatientClientTimeout;

    /// <summary>True: the client sends NOOP after the stage's command (a reply sent ahead of it must be noticed).</summary>
    public bool FollowWithNoop { get; init; }

    /// <summary>True: no credential of any kind may reach the server (a TLS step failed first).</summary>
    public bool NoCredentialSent { get; init; }

    public string StageOrTarget => Stage ?? Target;

    public override string ToString() => Name;
}
