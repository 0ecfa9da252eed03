using Pop3Tools.Engine.Tests.Dovecot;

// Usage: Pop3Tools.TestLab --info <file>
// Starts a private Dovecot with a main mailbox, fresh scratch mailboxes and fresh
// mailboxes for the parallel tests (one per runspace, so they may all log in at once), writes
// the POP3TOOLS_TEST_* settings the Pester suite reads (tests/Pester/Pop3TestLab.ps1)
// to <file> as NAME=VALUE lines, and runs until <file> is deleted: deleting a file
// is a stop signal that works the same from PowerShell on every platform, and it
// lets the lab shut Dovecot down cleanly instead of being killed.

const int ScratchMailboxes = 6;
const int ParallelMailboxes = 40;
const int MessagesPerMailbox = 12;

if (args.Length != 2 || args[0] != "--info")
{
    Console.Error.WriteLine("usage: Pop3Tools.TestLab --info <file>");
    return 2;
}

string infoPath = Path.GetFullPath(args[1]);
using DovecotLab lab = DovecotLab.Start();

// Realistic mail (multipart, Japanese, dot lines) cut to a size the Pester suite reads quickly.
IReadOnlyList<GeneratedMessage> messages = new MailGenerator(seed: 5034).DefaultMailbox().Take(MessagesPerMailbox).ToList();
const string password = "pester-Pa55word!";
var scratch = Enumerable.Range(1, ScratchMailboxes).Select(i => $"scratch{i}").ToList();
var parallel = Enumerable.Range(1, ParallelMailboxes).Select(i => $"par{i:D2}").ToList();
// One passwd-file update for them all: each update waits a second for Dovecot to see it.
lab.AddMailboxes(new[] { "pester" }.Concat(scratch).Concat(parallel).ToList(), password, messages);
string Logins(IEnumerable<string> users) => string.Join(",", users.Select(user => $"{user}:{password}"));

// Secrets.Tests.ps1 looks for every encoding of these: a password that URL, JSON, XML,
// UTF-8 and base64 all change, and an access token Dovecot's oauth2 passdb accepts.
const string secretPassword = "S\u00ebcr\u00e9t+/P\u00e4%ss&w0rd=\u20ac\"7Q'<x>";
lab.AddMailbox("secrets", secretPassword, messages);
lab.AddMailbox("oauth", "unused-" + Guid.NewGuid().ToString("N"), messages);

var settings = new Dictionary<string, string>
{
    ["POP3TOOLS_TEST_SERVER"] = lab.Host,
    ["POP3TOOLS_TEST_PORT"] = lab.PlainPort.ToString(),
    ["POP3TOOLS_TEST_TLSPORT"] = lab.TlsPort.ToString(),
    ["POP3TOOLS_TEST_USER"] = "pester",
    ["POP3TOOLS_TEST_PASSWORD"] = password,
    ["POP3TOOLS_TEST_THUMBPRINT"] = lab.CertificateSha256Thumbprint,
    ["POP3TOOLS_TEST_MESSAGE_COUNT"] = messages.Count.ToString(),
    ["POP3TOOLS_TEST_SCRATCH_USERS"] = Logins(scratch),
    ["POP3TOOLS_TEST_PARALLEL_USERS"] = Logins(parallel),
    ["POP3TOOLS_TEST_SECRET_USER"] = "secrets:" + secretPassword,
    ["POP3TOOLS_TEST_OAUTH_USER"] = "oauth:" + lab.MintAccessToken("oauth", TimeSpan.FromHours(3)),
};

// Written whole, then renamed, so the reader never sees half a file.
string temporary = infoPath + ".tmp";
File.WriteAllLines(temporary, settings.Select(pair => $"{pair.Key}={pair.Value}"));
File.Move(temporary, infoPath, overwrite: true);
Console.WriteLine($"Test lab on {lab.Host}: plain/STLS {lab.PlainPort}, TLS {lab.TlsPort}. Delete {infoPath} to stop it.");

// Bounded: a forgotten lab stops by itself after two hours.
DateTime deadline = DateTime.UtcNow.AddHours(2);
while (File.Exists(infoPath) && DateTime.UtcNow < deadline)
{
    Thread.Sleep(500);
}
return 0;
