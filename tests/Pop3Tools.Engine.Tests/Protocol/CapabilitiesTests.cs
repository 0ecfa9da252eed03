using Pop3Tools.Engine.Protocol;

namespace Pop3Tools.Engine.Tests.Protocol;

public class CapabilitiesTests
{
    // The CAPA example of RFC 2449 section 5, plus the extensions added since.
    private static readonly Pop3Capabilities Example = new(new[]
    {
        "TOP", "USER", "SASL CRAM-MD5 KERBEROS_V4 scram-sha-256", "RESP-CODES", "LOGIN-DELAY 900 USER",
        "PIPELINING", "EXPIRE 60", "UIDL", "IMPLEMENTATION Shlemazle-Plotz-v302", "STLS", "AUTH-RESP-CODE", "UTF8 USER",
    });

    [Fact]
    public void Every_capability_is_parsed()
    {
        Assert.True(Example.Top);
        Assert.True(Example.User);
        Assert.True(Example.RespCodes);
        Assert.True(Example.Pipelining);
        Assert.True(Example.Uidl);
        Assert.True(Example.Stls);
        Assert.True(Example.AuthRespCode);
        Assert.True(Example.Utf8);
        Assert.Equal(new[] { "CRAM-MD5", "KERBEROS_V4", "SCRAM-SHA-256" }, Example.SaslMechanisms);
        Assert.Equal(900, Example.LoginDelaySeconds);
        Assert.Equal("60", Example.Expire);
        Assert.Equal("Shlemazle-Plotz-v302", Example.Implementation);
        Assert.True(Example.Has("pipelining"));
        Assert.False(Example.Has("XOAUTH"));
    }

    [Fact]
    public void Absent_capabilities_are_absent()
    {
        var bare = new Pop3Capabilities(new[] { "USER", "LOGIN-DELAY soon", "EXPIRE" });
        Assert.False(bare.Pipelining);
        Assert.False(bare.Stls);
        Assert.Empty(bare.SaslMechanisms);
        Assert.Null(bare.LoginDelaySeconds);
        Assert.Null(bare.Expire);
        Assert.Null(bare.Implementation);
    }
}
