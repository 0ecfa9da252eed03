using System.Security.Authentication;
using System.Security.Cryptography;
using System.Text;
using Pop3Tools.Engine.Tests.Scripted;

namespace Pop3Tools.Engine.Tests.Robustness;

/// <summary>One planned mutation: which reply of the session (0 = the greeting), its own seed, and whether the server hangs up after it.</summary>
public sealed record PlannedMutation(int Reply, int Seed, bool CloseAfter);

/// <summary>
/// A good POP3 server for a whole session (CAPA, STLS, USER/PASS, APOP, SASL PLAIN, LOGIN,
/// CRAM-MD5, SCRAM-SHA-1 and SCRAM-SHA-256 with real server proofs, STAT, LIST, UIDL, TOP,
/// RETR, QUIT) whose every reply, SASL "+ " challenges included, is a numbered slot: the
/// planned slots get seeded mutations of the good bytes instead. After a mutation it goes on
/// as if the good reply had been sent (or hangs up, as planned).
/// </summary>
public sealed class FuzzMailbox
{
    public const string User = "alice";
    public const string Password = "hostile-Passw0rd";
    public const string Mechanisms = "PLAIN LOGIN CRAM-MD5 SCRAM-SHA-1 SCRAM-SHA-256";

    /// <summary>
    /// How long the server waits for the client once it has mutated a reply: a client a cut reply
    /// left waiting for more gets a hang-up soon rather than running out its own timeout
    /// (client timeouts are the hostile corpus's business; here they would only slow the run).
    /// </summary>
    private static readonly TimeSpan QuietClient = TimeSpan.FromMilliseconds(200);

    private readonly bool offerStls;
    private readonly Dictionary<int, PlannedMutation> planned;
    private int replies;

    public FuzzMailbox(bool offerStls, IEnumerable<PlannedMutation> planned)
    {
        this.offerStls = offerStls;
        this.planned = planned.ToDictionary(p => p.Reply);
    }

    /// <summary>The label of every reply slot the server reached, in order ("CAPA", "AUTH SCRAM-SHA-1 server-first"...).</summary>
    public List<string> Replies { get; } = new();

    /// <summary>The label of each reply slot that was mutated.</summary>
    public List<string> MutatedLabels { get; } = new();

    /// <summary>What each mutation did, for the failure report: "AUTH LOGIN password prompt bitflip: 3 bit flips".</summary>
    public List<string> Mutations { get; } = new();

    /// <summary>Bytes the server's thread allocated making mutations: the test's, not the engine's.</summary>
    public long MutationAllocated { get; private set; }

    /// <summary>Bytes of mutated replies sent: what the engine may have had to hold.</summary>
    public long MutatedBytes { get; private set; }

    /// <summary>The server hung up after a mutation, as planned.</summary>
    private sealed class HungUp : Exception
    {
    }

    public void Serve(ScriptedConnection c)
    {
        try
        {
            ServeCore(c);
        }
        catch (Exception e) when (e is HungUp or ClientClosedException or IOException or AuthenticationException)
        {
            // The client refused a mutated reply and left, or the server hung up: the case is the client's outcome.
        }
    }

    private void ServeCore(ScriptedConnection c)
    {
        var tls = false;
        Reply(c, "GREETING", HostileMailbox.Greeting);
        while (true)
        {
            var line = c.ReadLine();
            var words = line.Split(' ');
            var verb = words[0].ToUpperInvariant();
            var number = words.Length > 1 && int.TryParse(words[1], out var n) && n is >= 1 and <= 2 ? n : 1;
            switch (verb)
            {
                case "CAPA":
                    var capabilities = new List<string> { "USER", "UIDL", "TOP", "RESP-CODES", "SASL " + Mechanisms };
                    if (offerStls && !tls) capabilities.Add("STLS");
                    Reply(c, tls ? "CAPA in TLS" : "CAPA", HostileMailbox.MultiLine("+OK capabilities", capabilities));
                    break;
                case "STLS":
                    Reply(c, "STLS", "+OK begin TLS\r\n");
                    c.StartTls();
                    tls = true;
                    break;
                case "USER":
                case "PASS":
                case "APOP":
                    Reply(c, verb, "+OK\r\n");
                    break;
                case "AUTH":
                    Authenticate(c, words.Length > 1 ? words[1].ToUpperInvariant() : string.Empty, words.Length > 2 ? words[2] : null);
                    break;
                case "QUIT":
                    Reply(c, verb, HostileMailbox.Good(verb));
                    return;
                case "STAT":
                case "LIST":
                case "UIDL":
                case "TOP":
                case "RETR":
                case "NOOP":
                case "RSET":
                    Reply(c, verb, HostileMailbox.Good(verb, number));
                    break;
                default:
                    Reply(c, "unknown command", "-ERR unknown command\r\n");
                    break;
            }
        }
    }

    /// <summary>The server side of each SASL mechanism (RFC 5034), every challenge and the final reply a slot.</summary>
    private void Authenticate(ScriptedConnection c, string mechanism, string? initialResponse)
    {
        var label = "AUTH " + mechanism;
        try
        {
            switch (mechanism)
            {
                case "PLAIN":
                    var plain = initialResponse ?? Answer(c, label + " empty challenge", "+ \r\n");
                    if (plain == null) return;
                    var parts = Decode(plain).Split('\0');
                    Final(c, label, parts.Length == 3 && parts[1] == User && parts[2] == Password);
                    return;
                case "LOGIN":
                    var user = Answer(c, label + " user prompt", "+ " + Base64("Username:") + "\r\n");
                    if (user == null) return;
                    var password = Answer(c, label + " password prompt", "+ " + Base64("Password:") + "\r\n");
                    if (password == null) return;
                    Final(c, label, Decode(user) == User && Decode(password) == Password);
                    return;
                case "CRAM-MD5":
                    var challenge = "<1896.697170952@lab.example>";
                    var digest = Answer(c, label + " challenge", "+ " + Base64(challenge) + "\r\n");
                    if (digest == null) return;
                    var expected = User + " " + Convert.ToHexString(HMACMD5.HashData(Encoding.UTF8.GetBytes(Password), Encoding.ASCII.GetBytes(challenge))).ToLowerInvariant();
                    Final(c, label, Decode(digest) == expected);
                    return;
                case "SCRAM-SHA-1":
                case "SCRAM-SHA-256":
                    var scram = new ScramServer(Password, mechanism == "SCRAM-SHA-1" ? HashAlgorithmName.SHA1 : HashAlgorithmName.SHA256);
                    var clientFirst = initialResponse ?? Answer(c, label + " empty challenge", "+ \r\n");
                    if (clientFirst == null) return;
                    var clientFinal = Answer(c, label + " server-first", "+ " + Base64(scram.ServerFirst(Decode(clientFirst))) + "\r\n");
                    if (clientFinal == null) return;
                    var empty = Answer(c, label + " server-final", "+ " + Base64(scram.ServerFinal(Decode(clientFinal))) + "\r\n");
                    if (empty == null) return;
                    Final(c, label, empty.Length == 0);
                    return;
                default:
                    Reply(c, label + " unknown", "-ERR unsupported mechanism\r\n");
                    return;
            }
        }
        catch (Exception e) when (e is FormatException or ScriptMismatchException or ArgumentException)
        {
            // A client put out of step by an earlier mutation answered nonsense: refused, as a real server would.
            Final(c, label, false);
        }
    }

    private void Final(ScriptedConnection c, string label, bool ok) =>
        Reply(c, label + (ok ? " +OK" : " -ERR"), ok ? "+OK logged in\r\n" : "-ERR [AUTH] invalid credentials\r\n");

    /// <summary>Sends a challenge and reads the client's answer; null after a "*" (answered -ERR, also a slot).</summary>
    private string? Answer(ScriptedConnection c, string label, string challenge)
    {
        Reply(c, label, challenge);
        var answer = c.ReadLine();
        if (answer != "*") return answer;
        Reply(c, label + " cancelled", "-ERR authentication cancelled\r\n");
        return null;
    }

    private void Reply(ScriptedConnection c, string label, string good)
    {
        var slot = replies++;
        Replies.Add(label);
        if (!planned.TryGetValue(slot, out var plan))
        {
            c.Send(good);
            return;
        }
        var before = GC.GetAllocatedBytesForCurrentThread();
        var mutation = Mutator.Mutate(Encoding.UTF8.GetBytes(good), new Random(plan.Seed));
        MutatedLabels.Add(label);
        Mutations.Add(label + " " + mutation.Description + (plan.CloseAfter ? ", then close" : string.Empty));
        MutationAllocated += GC.GetAllocatedBytesForCurrentThread() - before;
        MutatedBytes += mutation.Bytes.Length;
        c.SendBytes(mutation.Bytes);
        if (plan.CloseAfter)
        {
            c.Close();
            throw new HungUp();
        }
        c.SetReadTimeout(QuietClient);
    }

    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    private static string Decode(string base64) => Encoding.UTF8.GetString(Convert.FromBase64String(base64));
}
