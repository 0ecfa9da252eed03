using Pop3Tools.Engine.Diagnostics;
using Pop3Tools.Engine.Tests.Scripted;

namespace Pop3Tools.Engine.Tests.Diagnostics;

public sealed class CertificateNamesTests
{
    [Theory]
    [InlineData("mail.example.com", "mail.example.com", true)]
    [InlineData("MAIL.Example.com.", "mail.example.com", true)]
    [InlineData("mail.example.com", "*.example.com", true)]
    [InlineData("example.com", "*.example.com", false)]
    [InlineData("a.b.example.com", "*.example.com", false)]
    [InlineData("mail.example.org", "*.example.com", false)]
    [InlineData("127.0.0.1", "127.0.0.1", true)]
    [InlineData("[::1]", "::1", true)]
    [InlineData("127.0.0.1", "localhost", false)]
    [InlineData("localhost", "127.0.0.1", false)]
    public void Matching_follows_RFC_6125(string host, string name, bool matches) =>
        Assert.Equal(matches, CertificateNames.Matches(host, name));

    [Fact]
    public void The_names_come_from_the_subject_alternative_names_DNS_and_IP()
    {
        using var certificate = CustomCertificates.Create(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1), true, "mail.example.net", "*.example.net");

        Assert.Equal(new[] { "mail.example.net", "*.example.net", "127.0.0.1", "::1" }, CertificateNames.Of(certificate));
    }
}
