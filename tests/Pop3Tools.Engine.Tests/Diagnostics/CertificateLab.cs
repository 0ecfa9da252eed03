using Pop3Tools.Engine.Tests.Dovecot;
using Pop3Tools.Engine.Tests.Scripted;

namespace Pop3Tools.Engine.Tests.Diagnostics;

/// <summary>
/// A Dovecot lab of its own with two extra implicit-TLS listeners whose certificates the
/// test makes: one expired, one for another host name. Shared by the tests of one class.
/// </summary>
public sealed class CertificateLab : IDisposable
{
    public const string User = "certuser";
    public const string Password = "cert-Pa55word!";
    public const string OtherHost = "mail.example.net";

    public CertificateLab()
    {
        Expired = new LabTlsListener("expired", CustomCertificates.Expired());
        WrongName = new LabTlsListener("wrongname", CustomCertificates.ForOtherHost(OtherHost));
        Lab = DovecotLab.Start(new[] { Expired, WrongName });
        try
        {
            Lab.AddMailbox(User, Password, DovecotLab.AliceMessages.Take(2));
        }
        catch
        {
            Lab.Dispose();
            throw;
        }
    }

    public DovecotLab Lab { get; }
    public LabTlsListener Expired { get; }
    public LabTlsListener WrongName { get; }

    public void Dispose() => Lab.Dispose();
}
