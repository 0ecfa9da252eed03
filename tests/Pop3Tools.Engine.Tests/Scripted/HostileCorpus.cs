using System.Text;
using static Pop3Tools.Engine.Tests.Scripted.AfterHostile;

namespace Pop3Tools.Engine.Tests.Scripted;

/// <summary>
/// The table of hostile server behaviours: every command and state, each with the one outcome
/// the engine must reach. Families are generated (a malformation applied to each command) and
/// the rest are written out one by one.
/// </summary>
public static class HostileCorpus
{
    private static readonly string[] SingleLine = { "GREETING", "USER", "PASS", "STAT", "DELE", "RSET", "NOOP", "QUIT" };
    private static readonly string[] MultiLine = { "CAPA", "LIST", "UIDL", "TOP", "RETR" };

    public static readonly IReadOnlyList<HostileCase> All = Build();

    public static readonly IReadOnlyDictionary<string, HostileCase> ByName = All.ToDictionary(c => c.Name);

    private static byte[] B(string text) => Encoding.Latin1.GetBytes(text);

    private const string GreetingText = "hostile lab ready <1896.697170952@lab.example>";

    /// <summary>What the client reads when connecting (the CAPA stage's transcript).</summary>
    private static string CapsResult(IEnumerable<string> caps) => "greeting=" + GreetingText + " caps=" + string.Join(",", caps);

    /// <summary>The TOP/RETR transcript when message 1 reads as <paramref name="first"/> and message 2 is good.</summary>
    private static string DataResult(string t, string first)
    {
        var second = HostileMailbox.Messages[1];
        if (t == "TOP") second = second.Substring(0, second.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4);
        return "1:" + HostileRun.Digest(B(first)) + ",2:" + HostileRun.Digest(B(second));
    }

    private static List<HostileCase> Build()
    {
        var cases = new List<HostileCase>();
        foreach (var target in SingleLine.Concat(MultiLine)) cases.AddRange(StatusLineCases(target));
        cases.AddRange(ListCases());
        cases.AddRange(UidlCases());
        cases.AddRange(MessageDataCases("RETR"));
        cases.AddRange(MessageDataCases("TOP"));
        cases.AddRange(CapaCases());
        cases.AddRange(StlsCases());
        cases.AddRange(SaslCases());
        cases.AddRange(UnsolicitedCases());
        cases.AddRange(MinimalServerCases());
        cases.AddRange(ExportCases());
        return cases;
    }

    /// <summary>The reply a -ERR gets for this command: the error kind a script will see.</summary>
    private static string ErrOutcome(string target, string? code) => (target, code) switch
    {
        ("CAPA", _) => "Ok",
        // A -ERR without a code: a plain RFC 1939 server without the optional UIDL.
        ("UIDL", null) => "Ok",
        ("GREETING", null) => "ServerUnavailable",
        ("USER" or "PASS", null) => "AuthenticationFailed",
        ("TOP" or "RETR" or "DELE", null) => "Item:MessageNotFound",
        ("QUIT", null) => "DeletionsNotCommitted",
        (_, null) => "ProtocolError",
        ("TOP" or "RETR" or "DELE", "SYS/TEMP") => "Item:ServerUnavailable",
        ("TOP" or "RETR" or "DELE", "IN-USE") => "Item:MailboxInUse",
        (_, "SYS/TEMP") => "ServerUnavailable",
        (_, "IN-USE") => "MailboxInUse",
        _ => throw new ArgumentException(code),
    };

    /// <summary>A bad first (status) line for any command, and the good reply bent in ways RFC 1939 allows.</summary>
    private static IEnumerable<HostileCase> StatusLineCases(string t)
    {
        var good = HostileMailbox.Good(t);
        // A reset right after the greeting can reach the client before its connect call
        // returns (Linux then fails the connect with EPIPE): either outcome names a dead link.
        HostileCase Case(string what, string reply, AfterHostile after, string expected) =>
            new($"{t}: {what}", t, B(reply), after,
                t == "GREETING" && after == Reset && expected == "SessionClosed" ? expected + "|ConnectionFailed" : expected)
            {
                // A CAPA refused is a plain RFC 1939 server: the client goes on knowing no capabilities.
                Result = !(expected == "Ok" && reply.StartsWith("-ERR", StringComparison.Ordinal)) ? null
                    : t == "CAPA" ? CapsResult(Array.Empty<string>())
                    : "no UIDL",
            };

        yield return Case("wrong status word +OKAY", "+OKAY\r\n", Continue, "ProtocolError");
        yield return Case("no sign OK", "OK 2 100\r\n", Continue, "ProtocolError");
        yield return Case("IMAP greeting", "* OK IMAP4rev1 ready\r\n", Continue, "ProtocolError");
        yield return Case("SMTP banner", "220 mail.example ESMTP\r\n", Continue, "ProtocolError");
        yield return Case("empty line", "\r\n", Continue, "ProtocolError");
        yield return Case("-ERRR", "-ERRR\r\n", Continue, "ProtocolError");
        yield return Case("NUL after +OK", "+OK\0\r\n", Continue, "ProtocolError");
        yield return Case("NUL bytes only", "\0\0\0\0\r\n", Continue, "ProtocolError");
        // Where the greeting should be, a TLS record or silence names an implicit-TLS port (issue 6).
        yield return Case("a TLS record", "\u0016\u0003\u0001\u0002\u0000\u0001\u0000\u0001\u00fc\u0003\u0003\r\n", Continue, t == "GREETING" ? "TlsHandshakeFailed" : "ProtocolError");
        yield return Case("a megabyte status line", "+OK " + new string('x', 1024 * 1024) + "\r\n", Continue, "ProtocolError");
        yield return Case("a status line one byte over 8 KiB", "+OK " + new string('y', 8 * 1024 - 3) + "\r\n", Continue, "ProtocolError");
        yield return Case("cut before CRLF", "+OK", Close, "SessionClosed");
        yield return Case("closed without a reply", "", Close, "SessionClosed");
        yield return Case("reset without a reply", "", Reset, "SessionClosed");
        yield return Case("reset mid line", "+OK 2", Reset, "SessionClosed");
        yield return Case("silent", "", Hang, t == "GREETING" ? "TlsHandshakeFailed" : "Timeout");
        yield return Case("half a line then silent", "+OK 2", Hang, "Timeout");
        if (t is "GREETING" or "STAT" or "RETR") yield return Case("bare CR, no LF, then silent", "+OK\r", Hang, "Timeout");
        yield return Case("-ERR with invalid UTF-8", "-ERR \u00ff\u00fe\u00c3(\r\n", Continue, ErrOutcome(t, null));
        yield return Case("-ERR [SYS/TEMP]", "-ERR [SYS/TEMP] try again later\r\n", Continue, ErrOutcome(t, "SYS/TEMP"));
        yield return Case("-ERR [IN-USE]", "-ERR [IN-USE] mailbox locked\r\n", Continue, ErrOutcome(t, "IN-USE"));
        yield return Case("good reply with bare LF line ends", good.Replace("\r\n", "\n"), Continue, "Ok");
        yield return Case("good reply with lower-case +ok", "+ok" + good.Substring(3), Continue, "Ok");
    }

    private static IEnumerable<HostileCase> ListCases()
    {
        HostileCase Case(string what, string body, string expected, AfterHostile after = Continue) =>
            new("LIST body: " + what, "LIST", B("+OK\r\n" + body), after, expected);
        var one = HostileMailbox.SizeOf(1);
        var two = HostileMailbox.SizeOf(2);
        yield return Case("negative size", "1 -5\r\n.\r\n", "ProtocolError");
        yield return Case("size beyond long", "1 99999999999999999999\r\n.\r\n", "ProtocolError");
        yield return Case("non-numeric size", "1 abc\r\n.\r\n", "ProtocolError");
        yield return Case("non-numeric number", "x 100\r\n.\r\n", "ProtocolError");
        yield return Case("number 0", "0 100\r\n.\r\n", "ProtocolError");
        yield return Case("negative number", "-1 100\r\n.\r\n", "ProtocolError");
        yield return Case("number beyond int", "4294967296 100\r\n.\r\n", "ProtocolError");
        yield return Case("plus-signed number", "+1 100\r\n.\r\n", "ProtocolError");
        yield return Case("number only", "1\r\n.\r\n", "ProtocolError");
        yield return Case("empty entry line", "\r\n.\r\n", "ProtocolError");
        yield return Case("tab separated", "1\t100\r\n.\r\n", "ProtocolError");
        yield return Case("hex size", "1 0x10\r\n.\r\n", "ProtocolError");
        yield return Case("NUL in entry", "1 1\u00000\r\n.\r\n", "ProtocolError");
        yield return Case("dot-stuffed entry", "..1 100\r\n.\r\n", "ProtocolError");
        yield return Case("dot-space is not the end", ". \r\n.\r\n", "ProtocolError");
        yield return Case("unterminated then closed", "1 100\r\n", "SessionClosed", Close);
        yield return Case("unterminated then silent", "1 100\r\n", "Timeout", Hang);
        yield return Case("endless", "", "ProtocolError", Endless) with { TimeBound = TimeSpan.FromSeconds(60), AllocationBound = 1024L * 1024 * 1024 };
        yield return Case("duplicate numbers", $"1 {one}\r\n1 {one}\r\n.\r\n", "Ok") with { Result = $"1:{one},1:{one}" };
        yield return Case("huge size", "1 9223372036854775807\r\n.\r\n", "Ok") with { Result = "1:9223372036854775807" };
        yield return Case("RFC 1939 extra information after the size", $"1 {one} extra info\r\n2 {two} (seen)\r\n.\r\n", "Ok");
        yield return Case("leading and trailing spaces", $"  1 {one}  \r\n2   {two}\r\n.\r\n", "Ok");
        yield return Case("no entries", ".\r\n", "Ok") with { Result = string.Empty };
        yield return Case("bare LF terminator", $"1 {one}\n2 {two}\n.\n", "Ok");
    }

    private static IEnumerable<HostileCase> UidlCases()
    {
        HostileCase Case(string what, string body, string expected, string? result = null, AfterHostile after = Continue) =>
            new("UIDL body: " + what, "UIDL", B("+OK\r\n" + body), after, expected) { Result = result };
        yield return Case("number only", "1\r\n.\r\n", "ProtocolError");
        yield return Case("UID with a space", "1 a b\r\n.\r\n", "ProtocolError");
        yield return Case("non-numeric number", "one uid-1\r\n.\r\n", "ProtocolError");
        yield return Case("number 0", "0 uid-0\r\n.\r\n", "ProtocolError");
        yield return Case("negative number", "-2 uid\r\n.\r\n", "ProtocolError");
        yield return Case("unterminated then closed", "1 uid-1\r\n", "SessionClosed", null, Close);
        yield return Case("unterminated then silent", "1 uid-1\r\n", "Timeout", null, Hang);
        yield return Case("endless", "", "ProtocolError", null, Endless) with { EndlessLine = B("7 endless-uid\r\n"), TimeBound = TimeSpan.FromSeconds(60), AllocationBound = 1024L * 1024 * 1024 };
        yield return Case("a megabyte UID", "1 " + new string('u', 1024 * 1024) + "\r\n.\r\n", "ProtocolError");
        // UIDs the server chooses freely: the engine keeps them verbatim; file names are made safe where files are written.
        foreach (var uid in new[] { "../x", "..\\..\\x", "CON", "a/b", "NUL.txt", "/etc/passwd", "C:\\x", "x:y", "*?<>|", ".", "..", "-", new string('L', 300) })
        {
            yield return Case("path-like UID " + (uid.Length > 20 ? uid.Length + " characters" : uid), $"1 {uid}\r\n2 uid-2\r\n.\r\n", "Ok", $"1:{uid},2:uid-2");
        }
        yield return Case("UID with control characters", "1 a\u0001\u001b[2Jb\r\n.\r\n", "Ok", "1:a\u0001\u001b[2Jb");
        yield return Case("UID with invalid UTF-8", "1 \u00ff\u00fe\r\n.\r\n", "Ok", "1:\ufffd\ufffd");
        yield return Case("duplicate UIDs", "1 same\r\n2 same\r\n.\r\n", "Ok", "1:same,2:same");
        yield return Case("duplicate numbers", "1 uid-1\r\n1 uid-9\r\n.\r\n", "Ok", "1:uid-1,1:uid-9");
        yield return Case("numbers LIST does not have", "7 uid-7\r\n.\r\n", "Ok", "7:uid-7");
    }

    /// <summary>A RETR or TOP reply whose data is wrong: runaway, cut, mis-sized, odd bytes.</summary>
    private static IEnumerable<HostileCase> MessageDataCases(string t)
    {
        var good = HostileMailbox.Good(t);
        var status = t == "RETR" ? "+OK message follows\r\n" : "+OK top follows\r\n";
        HostileCase Case(string what, string reply, AfterHostile after, string expected) =>
            new($"{t} data: {what}", t, B(reply), after, expected);
        yield return Case("endless, no terminator ever", status, Endless, "ProtocolError") with { EndlessLine = B("endless line of a message that never ends\r\n"), TimeBound = TimeSpan.FromSeconds(30) };
        yield return Case("endless single line", status, Endless, "ProtocolError") with { EndlessLine = B("x"), TimeBound = TimeSpan.FromSeconds(30) };
        yield return Case("endless stuffed dots", status, Endless, "ProtocolError") with { EndlessLine = B("..\r\n"), TimeBound = TimeSpan.FromSeconds(30) };
        yield return Case("cut mid message then closed", status + "Subject: one\r\nbo", Close, "SessionClosed");
        yield return Case("cut mid message then silent", status + "Subject: one\r\nbo", Hang, "Timeout");
        yield return Case("cut before the terminator's LF", status + "Subject: one\r\n\r\nbody\r\n.\r", Close, "SessionClosed");
        yield return Case("a line over 1 MiB", status + new string('z', 1024 * 1024 + 10) + "\r\n.\r\n", Continue, "ProtocolError");
        yield return Case("a megabyte message LIST called 99 octets", status + "Subject: wide\r\n\r\n" + new string('w', 1024 * 1024 - 10) + "\r\n.\r\n", Continue, "ProtocolError");
        yield return Case("larger than LIST said, within the slack", status + "Subject: a bit more\r\n\r\n" + new string('m', 4000) + "\r\n.\r\n", Continue, "Ok") with { Result = DataResult(t, "Subject: a bit more\r\n\r\n" + new string('m', 4000) + "\r\n") };
        yield return Case("bare LF line ends", good.Replace("\r\n", "\n"), Continue, "Ok");
        yield return Case("mixed line ends", good.Replace("\r\n\r\n", "\n\r\n"), Continue, "Ok");
        yield return Case("smaller than LIST said", status + "Subject: short\r\n\r\n.\r\n", Continue, "Ok") with { Result = DataResult(t, "Subject: short\r\n\r\n") };
        yield return Case("NUL bytes and bare CR", status + "Subject: n\0ul\r\n\r\nbo\rdy\0\r\n.\r\n", Continue, "Ok") with { Result = DataResult(t, "Subject: n\0ul\r\n\r\nbo\rdy\0\r\n") };
        yield return Case("invalid UTF-8", status + "Subject: \u00ff\u00fe\u00c0\r\n\r\n\u00ff\r\n.\r\n", Continue, "Ok") with { Result = DataResult(t, "Subject: \u00ff\u00fe\u00c0\r\n\r\n\u00ff\r\n") };
        yield return Case("terminator then garbage before the next reply", status + "Subject: x\r\n\r\n.\r\ngarbage line\r\n", Continue, "ProtocolError");
        yield return Case("stuffed dot lines", status + "Subject: dots\r\n\r\n..\r\n...\r\n. .\r\n.\r\n", Continue, "Ok") with { Result = DataResult(t, "Subject: dots\r\n\r\n.\r\n..\r\n .\r\n") };
    }

    private static IEnumerable<HostileCase> CapaCases()
    {
        HostileCase Case(string what, string body, string expected, AfterHostile after = Continue) =>
            new("CAPA body: " + what, "CAPA", B("+OK\r\n" + body), after, expected);
        yield return Case("1001 capability lines", string.Concat(Enumerable.Range(0, 1001).Select(i => "X-" + i + "\r\n")) + ".\r\n", "ProtocolError");
        yield return Case("endless", "", "ProtocolError", Endless) with { EndlessLine = B("X-ENDLESS\r\n") };
        yield return Case("unterminated then closed", "USER\r\n", "SessionClosed", Close);
        yield return Case("unterminated then silent", "USER\r\n", "Timeout", Hang);
        yield return Case("a capability line over 8 KiB", "SASL " + new string('P', 9000) + "\r\n.\r\n", "ProtocolError");
        yield return Case("NUL and control characters", "US\0ER\r\nX\u001b[2J\r\n.\r\n", "Ok") with { Result = CapsResult(new[] { "US\0ER", "X\u001b[2J" }) };
        yield return Case("empty lines", "\r\n\r\nUSER\r\n.\r\n", "Ok") with { Result = CapsResult(new[] { "", "", "USER" }) };
        yield return Case("LOGIN-DELAY not a number", "USER\r\nLOGIN-DELAY soon\r\n.\r\n", "Ok") with { Result = CapsResult(new[] { "USER", "LOGIN-DELAY soon" }) };
        yield return Case("LOGIN-DELAY beyond int", "USER\r\nLOGIN-DELAY 99999999999999\r\n.\r\n", "Ok") with { Result = CapsResult(new[] { "USER", "LOGIN-DELAY 99999999999999" }) };
        var many = Enumerable.Range(0, 900).Select(i => "SASL X-MECH-" + i).ToArray();
        yield return Case("900 SASL lines", string.Concat(many.Select(m => m + "\r\n")) + ".\r\n", "Ok") with { Result = CapsResult(many) };
    }

    /// <summary>STLS: advertised then refused, or broken mid-handshake: never a credential in clear.</summary>
    private static IEnumerable<HostileCase> StlsCases()
    {
        var withStls = HostileMailbox.DefaultCapabilities.Append("STLS").ToArray();
        var tlsTimeout = TimeSpan.FromSeconds(5);
        var tlsBound = TimeSpan.FromSeconds(25);
        HostileCase Case(string what, string reply, AfterHostile after, string expected) =>
            new("STLS: " + what, "STLS", B(reply), after, expected) { Capabilities = withStls, NoCredentialSent = expected != "Ok", ClientTimeout = tlsTimeout, TimeBound = tlsBound };
        yield return Case("advertised then refused", "-ERR not now\r\n", Continue, "StartTlsUnavailable");
        yield return Case("advertised then refused with [SYS/TEMP]", "-ERR [SYS/TEMP] TLS unavailable\r\n", Continue, "StartTlsUnavailable");
        yield return Case("+OK then plaintext instead of a handshake", "+OK go\r\n+OK this is not TLS\r\n", Continue, "TlsHandshakeFailed");
        yield return Case("+OK then closed", "+OK go\r\n", Close, "TlsHandshakeFailed");
        yield return Case("+OK then reset", "+OK go\r\n", Reset, "TlsHandshakeFailed");
        yield return Case("+OK then silent", "+OK go\r\n", Hang, "TlsHandshakeFailed");
        yield return Case("a garbage reply", "+OKAY\r\n", Continue, "ProtocolError");
        yield return Case("silent", "", Hang, "Timeout");
        yield return new("STLS: not advertised", "NONE", Array.Empty<byte>(), Continue, "StartTlsUnavailable") { Stage = "STLS", NoCredentialSent = true };
        yield return new("STLS: no CAPA at all", "NONE", Array.Empty<byte>(), Continue, "StartTlsUnavailable") { Stage = "STLS", Capabilities = null, NoCredentialSent = true };
        yield return new("STLS: a good upgrade, then the login inside the tunnel", "NONE", Array.Empty<byte>(), Continue, "Ok") { Stage = "STLS", Capabilities = withStls, Result = "security=StartTls auth=USER", ClientTimeout = tlsTimeout, TimeBound = tlsBound };
        yield return Case("+OK with bytes injected before the handshake", "+OK go\r\n+OK injected\r\n", AfterHostile.StartTls, "Ok") with { Result = "security=StartTls auth=USER" };
    }

    /// <summary>SASL dialogues that never end, are not base64, or end without the server proving itself.</summary>
    private static IEnumerable<HostileCase> SaslCases()
    {
        HostileCase Case(string what, Pop3AuthenticationMethod method, string reply, AfterHostile after, string expected) =>
            new($"AUTH {method}: {what}", "AUTH", B(reply), after, expected) { Method = method };
        foreach (var method in new[] { Pop3AuthenticationMethod.CramMd5, Pop3AuthenticationMethod.Login, Pop3AuthenticationMethod.ScramSha256 })
        {
            yield return Case("challenge not base64", method, "+ !!not base64!!\r\n", RepeatUntilCancel, "AuthenticationFailed");
            yield return Case("challenges never end", method, "+ \r\n", RepeatUntilCancel, "AuthenticationFailed");
            // A server that answers the cancel with yet another challenge is out of step.
            yield return Case("challenge not base64, cancel ignored", method, "+ !!not base64!!\r\n", Repeat, "ProtocolError");
            yield return Case("challenges never end, cancel ignored", method, "+ \r\n", Repeat, "ProtocolError");
            yield return Case("a megabyte challenge", method, "+ " + new string('Q', 1024 * 1024) + "\r\n", Continue, "ProtocolError");
            yield return Case("-ERR [AUTH]", method, "-ERR [AUTH] invalid credentials\r\n", Continue, "AuthenticationFailed");
            yield return Case("garbage reply", method, "+OKAY\r\n", Continue, "ProtocolError");
            yield return Case("silent", method, "", Hang, "Timeout");
        }
        yield return Case("+OK before the server proved itself", Pop3AuthenticationMethod.ScramSha256, "+OK welcome\r\n", Continue, "AuthenticationFailed");
        yield return Case("a server-first message missing its nonce", Pop3AuthenticationMethod.ScramSha256, "+ " + Convert.ToBase64String(Encoding.ASCII.GetBytes("s=c2FsdA==,i=4096")) + "\r\n", RepeatUntilCancel, "AuthenticationFailed");
        yield return Case("an iteration count of two billion", Pop3AuthenticationMethod.ScramSha256,
            "+ " + Convert.ToBase64String(Encoding.ASCII.GetBytes("r=*,s=c2FsdA==,i=2000000000")) + "\r\n", RepeatUntilCancel, "AuthenticationFailed");
        yield return Case("a challenge for PLAIN, which has said everything", Pop3AuthenticationMethod.Plain, "+ more?\r\n", RepeatUntilCancel, "AuthenticationFailed");
        yield return Case("XOAUTH2 error JSON then more challenges", Pop3AuthenticationMethod.XOAuth2,
            "+ " + Convert.ToBase64String(Encoding.ASCII.GetBytes("{\"status\":\"401\"}")) + "\r\n", RepeatUntilCancel, "AuthenticationFailed");
    }

    /// <summary>Replies nobody asked for: the dialogue would be read one reply out of step.</summary>
    private static IEnumerable<HostileCase> UnsolicitedCases()
    {
        HostileCase Case(string target, string what, string reply, string expected) =>
            new($"{target}: {what}", target, B(reply), Continue, expected) { FollowWithNoop = true };
        yield return Case("GREETING", "a second +OK right after the greeting", HostileMailbox.Greeting + "+OK extra\r\n", "ProtocolError");
        yield return Case("GREETING", "a whole CAPA reply before CAPA was sent", HostileMailbox.Greeting + HostileMailbox.Good("CAPA"), "ProtocolError");
        yield return Case("USER", "the PASS reply sent with the USER reply", "+OK\r\n+OK logged in\r\n", "ProtocolError");
        yield return Case("STAT", "two STAT replies", HostileMailbox.Good("STAT") + HostileMailbox.Good("STAT"), "ProtocolError");
        yield return Case("NOOP", "a reply to a command not yet sent", "+OK\r\n-ERR what?\r\n", "ProtocolError");
        yield return Case("LIST", "two terminators", HostileMailbox.Good("LIST") + ".\r\n", "ProtocolError");
    }

    /// <summary>Receive-Pop3Message -Path: UIDs that try to leave the folder, and a message that never ends.</summary>
    private static IEnumerable<HostileCase> ExportCases()
    {
        foreach (var uid in new[] { "../x", "../../../../tmp/pop3tools-escape", "..\\..\\x", "CON", "a/b", "/etc/passwd", "C:\\x", "NUL.txt", "*?<>|", ".", "..", "a\u0001b\u001b[2J", new string('L', 300), "\u00ff\u00fe" })
        {
            yield return new("export: UID " + (uid.Length > 20 ? uid.Length + " characters" : uid), "UIDL", B($"+OK\r\n1 {uid}\r\n2 uid-2\r\n.\r\n"), Continue, "Ok")
            {
                Stage = "EXPORT",
                Result = "saved=2",
            };
        }
        yield return new("export: a RETR that never ends", "RETR", B("+OK\r\n"), Endless, "ProtocolError")
        {
            Stage = "EXPORT",
            EndlessLine = B("endless line of an endless message\r\n"),
            TimeBound = TimeSpan.FromSeconds(30),
        };
    }

    /// <summary>Plain RFC 1939 servers: no CAPA, no UIDL, no TOP.</summary>
    private static IEnumerable<HostileCase> MinimalServerCases()
    {
        var noTop = new[] { "USER", "UIDL" };
        yield return new("no CAPA: login and STAT", "NONE", Array.Empty<byte>(), Continue, "Ok") { Stage = "STAT", Capabilities = null };
        yield return new("no CAPA: listing by session", "NONE", Array.Empty<byte>(), Continue, "Ok") { Stage = "RESOLVE", Capabilities = null };
        yield return new("no UIDL: UIDL refused", "UIDL", B("-ERR unknown command\r\n"), Continue, "Ok") { Result = "no UIDL" };
        yield return new("no UIDL: session lists numbers", "UIDL", B("-ERR unknown command\r\n"), Continue, "Ok") { Stage = "RESOLVE", Capabilities = null, Result = "1::" + HostileMailbox.SizeOf(1) + ",2::" + HostileMailbox.SizeOf(2) };
        yield return new("no TOP in CAPA: headers refused without a command", "NONE", Array.Empty<byte>(), Continue, "ProtocolError") { Stage = "HEADERS", Capabilities = noTop };
        yield return new("no CAPA, TOP refused", "TOP", B("-ERR unknown command\r\n"), Repeat, "Item:MessageNotFound") { Stage = "HEADERS", Capabilities = null };
        yield return new("session: duplicate UIDs are left out and reported", "UIDL", B("+OK\r\n1 same\r\n2 same\r\n.\r\n"), Continue, "Item:ProtocolError") { Stage = "RESOLVE" };
        yield return new("session: UIDL for a number LIST lacks", "UIDL", B("+OK\r\n1 uid-1\r\n2 uid-2\r\n3 uid-3\r\n.\r\n"), Continue, "Ok") { Stage = "RESOLVE" };
        yield return new("session: TOP larger than the message", "TOP", B("+OK\r\n"), Endless, "ProtocolError") { Stage = "HEADERS", EndlessLine = B("X-Padding: endless header\r\n"), TimeBound = TimeSpan.FromSeconds(30) };
        yield return new("session: headers with path-like UID", "UIDL", B("+OK\r\n1 ../../etc/passwd\r\n2 CON\r\n.\r\n"), Continue, "Ok")
        {
            Stage = "HEADERS",
            Result = "1:../../etc/passwd:" + HostileMailbox.SizeOf(1) + ",2:CON:" + HostileMailbox.SizeOf(2) + " 1:one,2:two",
        };
    }
}
