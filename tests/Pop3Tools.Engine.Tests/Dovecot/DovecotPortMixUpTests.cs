using Pop3Tools.Engine.Protocol;

namespace Pop3Tools.Engine.Tests.Dovecot;

/// <summary>Asking for a plain start on Dovecot's implicit-TLS port: said quickly and plainly.</summary>
public sealed class DovecotPortMixUpTests
{
    private static DovecotLab Lab => DovecotLab.Shared;

    [Theory]
    [InlineData(Pop3Security.Auto)]
    [InlineData(Pop3Security.StartTls)]
    public void A_plain_start_on_the_implicit_TLS_port_says_to_use_Tls(Pop3Security security)
    {
        var options = new Pop3ConnectionOptions(Lab.Host)
        {
            Port = Lab.TlsPort,
            Security = security,
            Timeout = TimeSpan.FromSeconds(60),
        };
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var error = Assert.Throws<Pop3Exception>(() => Pop3Client.Connect(options, CancellationToken.None).Dispose());

        Assert.Equal(Pop3ErrorKind.TlsHandshakeFailed, error.Kind);
        Assert.Contains("implicit TLS", error.Message);
        Assert.Contains("-Security Tls", error.Hint);
        // Well inside the 60 s timeout the user gave (the greeting waits a few seconds).
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(40), "took " + clock.Elapsed);
    }
}
