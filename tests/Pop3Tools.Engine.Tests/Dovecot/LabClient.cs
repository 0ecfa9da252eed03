using System.Net;
using Pop3Tools.Engine.Protocol;

namespace Pop3Tools.Engine.Tests.Dovecot;

/// <summary>Opens engine clients against a lab: the right port for the security mode, the lab's certificate pinned.</summary>
internal static class LabClient
{
    // Bounds every single read or write, so a hang fails the test instead of stalling it.
    private static readonly TimeSpan ReadBound = TimeSpan.FromSeconds(30);

    public static Pop3ConnectionOptions Options(DovecotLab lab, Pop3Security security)
    {
        return new Pop3ConnectionOptions(lab.Host)
        {
            Port = security == Pop3Security.Tls ? lab.TlsPort : lab.PlainPort,
            Security = security,
            CertificateThumbprint = security == Pop3Security.None ? null : lab.CertificateSha256Thumbprint,
            Timeout = ReadBound,
        };
    }

    public static Pop3Client Connect(DovecotLab lab, Pop3Security security) =>
        Pop3Client.Connect(Options(lab, security), CancellationToken.None);

    public static Pop3Client LogIn(DovecotLab lab, string user, string password, bool usePipelining = true)
    {
        var options = Options(lab, Pop3Security.Tls);
        options.UsePipelining = usePipelining;
        var client = Pop3Client.Connect(options, CancellationToken.None);
        try
        {
            client.Authenticate(new NetworkCredential(user, password), Pop3AuthenticationMethod.UserPass, CancellationToken.None);
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>Reads each message the callback-style API hands over into memory, by number.</summary>
    public static (Dictionary<int, byte[]> Messages, Dictionary<int, Pop3Exception> Errors) Collect(
        Action<Action<int, Stream>, Action<int, Pop3Exception>> run)
    {
        var messages = new Dictionary<int, byte[]>();
        var errors = new Dictionary<int, Pop3Exception>();
        run(
            (number, stream) =>
            {
                using var copy = new MemoryStream();
                stream.CopyTo(copy);
                messages.Add(number, copy.ToArray());
            },
            (number, error) => errors.Add(number, error));
        return (messages, errors);
    }
}
