using System.Collections;
using System.Text;
using Pop3Tools.Engine.Diagnostics;
using Pop3Tools.Engine.Tests.Dovecot;
using Pop3Tools.Engine.Tests.Protocol;
using static Pop3Tools.Engine.Tests.Diagnostics.Probe;

namespace Pop3Tools.Engine.Tests.Diagnostics;

/// <summary>Passwords reach neither the results nor the protocol log, whether the login works, fails or is refused.</summary>
public sealed class ProbeSecretTests
{
    private static DovecotLab Lab => DovecotLab.Shared;

    [Fact]
    public void No_password_appears_in_any_result_or_log_line()
    {
        var wrong = "Wr0ng-" + Guid.NewGuid().ToString("N");
        var log = new RecordingLog();
        var runs = new List<Pop3ServerTestResult>();
        foreach (var (password, security, insecure) in new[]
        {
            (DovecotLab.AlicePassword, Pop3Security.Tls, false),
            (DovecotLab.AlicePassword, Pop3Security.StartTls, false),
            (DovecotLab.AlicePassword, Pop3Security.None, true),
            (DovecotLab.AlicePassword, Pop3Security.None, false),
            (wrong, Pop3Security.Tls, false),
            (wrong, Pop3Security.None, true),
        })
        {
            var port = security == Pop3Security.Tls ? Lab.TlsPort : Lab.PlainPort;
            runs.Add(Once(Lab.Host, port, security, request =>
            {
                request.CertificateThumbprint = Lab.CertificateSha256Thumbprint;
                request.Credential = Credential(DovecotLab.AliceUser, password);
                request.AllowInsecureAuthentication = insecure;
                request.Log = _ => log;
            }));
        }

        var logins = string.Join("\n", runs.Select(run => run.Port + "/" + run.Security + ": " + run.Verdict));
        Assert.True(new bool?[] { true, true, true, null, false, false }.SequenceEqual(runs.Select(run => run.LoginSucceeded)), logins);
        Assert.Single(runs, run => !run.LoginTested);
        var everything = string.Join("\n", runs.Select(Dump)) + "\n" + log.All;
        foreach (var secret in new[] { DovecotLab.AlicePassword, wrong })
        {
            Assert.DoesNotContain(secret, everything, StringComparison.Ordinal);
            Assert.DoesNotContain(Convert.ToBase64String(Encoding.UTF8.GetBytes(secret)), everything, StringComparison.Ordinal);
        }
        Assert.Contains("C: AUTH SCRAM-SHA-256", log.All);
    }

    /// <summary>Every public property, checks included, as text.</summary>
    private static string Dump(Pop3ServerTestResult result)
    {
        var text = new StringBuilder();
        foreach (var property in typeof(Pop3ServerTestResult).GetProperties())
        {
            var value = property.GetValue(result);
            text.Append(property.Name).Append('=');
            if (value is IEnumerable items and not string)
            {
                foreach (var item in items) text.Append(item is Pop3Check check ? check.Name + "|" + check.Detail + "|" + check.Hint : item).Append(';');
            }
            else
            {
                text.Append(value);
            }
            text.Append('\n');
        }
        return text.ToString();
    }
}
