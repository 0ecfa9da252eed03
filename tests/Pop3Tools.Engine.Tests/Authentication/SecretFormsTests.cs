using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Pop3Tools.Engine.Protocol;
using Pop3Tools.Engine.Tests.Protocol;
using Pop3Tools.Engine.Tests.Scripted;

namespace Pop3Tools.Engine.Tests.Authentication;

/// <summary>
/// Every mechanism, logging in and failing to: neither the secret nor any encoding of it
/// (base64 at every alignment, hex, the SASL messages that carry it, and every payload the
/// client actually put on the wire) appears in the protocol log, the exception (message,
/// hint, inner exceptions) or the client's own properties.
/// </summary>
public class SecretFormsTests
{
    private const string User = "alice";
    private const string Password = "Tr0ub4dor&3-secret";
    private const string Token = "ya29.A0ARrdaM-oauth-token-9f8e7d";

    public static IEnumerable<object[]> Logins =>
        from method in new[]
        {
            Pop3AuthenticationMethod.UserPass, Pop3AuthenticationMethod.Apop, Pop3AuthenticationMethod.Plain,
            Pop3AuthenticationMethod.Login, Pop3AuthenticationMethod.CramMd5, Pop3AuthenticationMethod.ScramSha1,
            Pop3AuthenticationMethod.ScramSha256, Pop3AuthenticationMethod.XOAuth2, Pop3AuthenticationMethod.OAuthBearer,
        }
        from succeed in new[] { true, false }
        // A SCRAM success needs the server's proof; AuthenticationTests' SCRAM script covers it.
        where !(succeed && method is Pop3AuthenticationMethod.ScramSha1 or Pop3AuthenticationMethod.ScramSha256)
        select new object[] { method, succeed };

    [Theory]
    [MemberData(nameof(Logins))]
    public void No_form_of_the_secret_reaches_log_error_or_object(Pop3AuthenticationMethod method, bool succeed)
    {
        var secret = method is Pop3AuthenticationMethod.XOAuth2 or Pop3AuthenticationMethod.OAuthBearer ? Token : Password;
        var wire = new ConcurrentQueue<string>();
        using var server = ScriptedPop3Server.Start(c => Serve(c, method, succeed, secret, wire));
        var log = new RecordingLog();
        var options = server.ClientOptions();
        options.AllowInsecureAuthentication = true;
        options.Log = log;
        var client = Pop3Client.Connect(options, new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token);
        Exception? error = null;
        try
        {
            client.Authenticate(new NetworkCredential(User, secret), method, new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token);
        }
        catch (Pop3Exception e)
        {
            error = e;
        }
        client.Dispose();
        server.WaitForScripts();

        if (succeed) Assert.Null(error);
        else Assert.Equal(Pop3ErrorKind.AuthenticationFailed, Assert.IsType<Pop3Exception>(error).Kind);
        var payloads = wire.ToArray();
        Assert.NotEmpty(payloads);
        var forms = SecretForms.Of(User, secret).Concat(payloads).ToArray();
        var seen = log.All + "\n" + error + "\n" + (error as Pop3Exception)?.Hint + "\n" + (error as Pop3Exception)?.ServerText
            + "\n" + client.AuthenticationMethod + "\n" + client.Greeting + "\n" + string.Join(",", client.Capabilities.Lines);
        foreach (var form in forms) Assert.False(seen.Contains(form, StringComparison.Ordinal), "The secret leaked as \"" + form + "\" into:\n" + seen);
    }

    /// <summary>A server for each mechanism that accepts or refuses at the last step; records what carries the secret.</summary>
    private static void Serve(ScriptedConnection c, Pop3AuthenticationMethod method, bool succeed, string secret, ConcurrentQueue<string> wire)
    {
        var verdict = succeed ? "+OK welcome" : "-ERR [AUTH] Invalid credentials";
        c.SendLine("+OK ready <4711.1@secrets.example>");
        c.ExpectCapa("USER", "SASL PLAIN LOGIN CRAM-MD5 SCRAM-SHA-1 SCRAM-SHA-256 XOAUTH2 OAUTHBEARER");
        string Payload(string line, string prefix)
        {
            var payload = line.Substring(prefix.Length);
            wire.Enqueue(payload);
            return payload;
        }
        switch (method)
        {
            case Pop3AuthenticationMethod.UserPass:
                c.Expect("USER " + User);
                c.SendLine("+OK");
                Payload(c.ExpectPrefix("PASS "), "PASS ");
                break;
            case Pop3AuthenticationMethod.Apop:
                Payload(c.ExpectPrefix("APOP " + User + " "), "APOP " + User + " ");
                break;
            case Pop3AuthenticationMethod.Plain:
            case Pop3AuthenticationMethod.OAuthBearer:
                wire.Enqueue(c.ExpectPrefix("AUTH ").Split(' ')[^1]);
                break;
            case Pop3AuthenticationMethod.XOAuth2:
                Payload(c.ExpectPrefix("AUTH XOAUTH2 "), "AUTH XOAUTH2 ");
                if (!succeed)
                {
                    // Google's way: an error challenge, answered with an empty line, then -ERR.
                    c.SendLine("+ " + Convert.ToBase64String(Encoding.ASCII.GetBytes("{\"status\":\"401\",\"schemes\":\"bearer\"}")));
                    c.Expect("");
                }
                break;
            case Pop3AuthenticationMethod.Login:
                c.Expect("AUTH LOGIN");
                c.SendLine("+ VXNlcm5hbWU6");
                c.ReadLine();
                c.SendLine("+ UGFzc3dvcmQ6");
                Payload(c.ReadLine(), "");
                break;
            case Pop3AuthenticationMethod.CramMd5:
                c.Expect("AUTH CRAM-MD5");
                c.SendLine("+ " + Convert.ToBase64String(Encoding.ASCII.GetBytes("<1896.697170952@secrets.example>")));
                var response = Encoding.ASCII.GetString(Convert.FromBase64String(Payload(c.ReadLine(), "")));
                wire.Enqueue(response.Substring(response.IndexOf(' ') + 1));
                break;
            default:
                var name = method == Pop3AuthenticationMethod.ScramSha1 ? "SCRAM-SHA-1" : "SCRAM-SHA-256";
                var first = Encoding.UTF8.GetString(Convert.FromBase64String(c.ExpectPrefix("AUTH " + name + " ").Substring(name.Length + 6)));
                var nonce = first.Substring(first.IndexOf("r=", StringComparison.Ordinal) + 2);
                c.SendLine("+ " + Convert.ToBase64String(Encoding.UTF8.GetBytes("r=" + nonce + "srv,s=c2FsdHNhbHQ=,i=4096")));
                var final = Payload(c.ReadLine(), "");
                var proof = Encoding.UTF8.GetString(Convert.FromBase64String(final));
                wire.Enqueue(proof.Substring(proof.IndexOf("p=", StringComparison.Ordinal) + 2));
                c.SendLine("-ERR [AUTH] Invalid credentials");
                c.WaitForClientClose();
                return;
        }
        c.SendLine(verdict);
        if (succeed) c.ExpectCapa("USER");
        c.WaitForClientClose();
    }
}

/// <summary>The ways a secret can show up: itself, base64 at every alignment, hex, URL-encoded, inside SASL messages.</summary>
public static class SecretForms
{
    public static IEnumerable<string> Of(string user, string secret)
    {
        var bytes = Encoding.UTF8.GetBytes(secret);
        yield return secret;
        yield return Uri.EscapeDataString(secret);
        yield return Convert.ToHexString(bytes);
        yield return Convert.ToHexString(bytes).ToLowerInvariant();
        // Base64 of the secret inside any longer payload: the stable middle at each of the 3 alignments.
        for (var pad = 0; pad < 3; pad++)
        {
            var encoded = Convert.ToBase64String(new byte[pad].Concat(bytes).ToArray());
            var start = (pad + 2) / 3 * 4;
            var end = (pad + bytes.Length) / 3 * 4;
            if (end - start >= 8) yield return encoded.Substring(start, end - start);
        }
        foreach (var sasl in new[]
        {
            "\0" + user + "\0" + secret,
            "user=" + user + "\u0001auth=Bearer " + secret + "\u0001\u0001",
            "n,a=" + user + ",\u0001auth=Bearer " + secret + "\u0001\u0001",
        })
        {
            yield return Convert.ToBase64String(Encoding.UTF8.GetBytes(sasl));
        }
    }
}
