using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Pop3Tools.Engine.Tests.Dovecot;

/// <summary>
/// XOAUTH2 and OAUTHBEARER against the lab: Dovecot's oauth2 passdb validates a JWT
/// locally (no identity provider) with an HS256 key the lab makes at start, so a test
/// can mint a token Dovecot accepts for any lab user.
/// </summary>
public sealed partial class DovecotLab
{
    private readonly byte[] oauth2Key = RandomNumberGenerator.GetBytes(32);

    private string OAuth2ConfigPath => Path.Combine(Directory, "oauth2.conf");

    private string OAuth2KeyRoot => Path.Combine(Directory, "oauth2-keys");

    /// <summary>
    /// A JWT for <paramref name="user"/> (its "sub"), valid from now for <paramref name="lifetime"/>.
    /// Each token differs (a random "jti"), so a test can tell its own token from any other.
    /// </summary>
    public string MintAccessToken(string user, TimeSpan lifetime)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var header = JsonSerializer.Serialize(new { alg = "HS256", typ = "JWT" });
        var claims = JsonSerializer.Serialize(new
        {
            sub = user,
            iat = now,
            exp = now + (long)lifetime.TotalSeconds,
            jti = Convert.ToHexString(RandomNumberGenerator.GetBytes(12)),
        });
        var signed = Base64Url(Encoding.UTF8.GetBytes(header)) + "." + Base64Url(Encoding.UTF8.GetBytes(claims));
        var signature = HMACSHA256.HashData(oauth2Key, Encoding.ASCII.GetBytes(signed));
        return signed + "." + Base64Url(signature);
    }

    /// <summary>
    /// The passdb's settings and its key. Dovecot looks the key up in the dict as
    /// shared/&lt;azp&gt;/&lt;alg&gt;/&lt;kid&gt;; without "azp" and "kid" in the token both are
    /// "default", and the fs dict drops the "shared/" prefix: hence default/HS256/default.
    /// </summary>
    private void PrepareOAuth2()
    {
        var keyDirectory = Path.Combine(OAuth2KeyRoot, "default", "HS256");
        System.IO.Directory.CreateDirectory(keyDirectory);
        File.WriteAllText(Path.Combine(keyDirectory, "default"), Convert.ToBase64String(oauth2Key));
        File.WriteAllText(OAuth2ConfigPath, $"""
            introspection_mode = local
            local_validation_key_dict = fs:posix:prefix={OAuth2KeyRoot}/
            username_attribute = sub

            """);
    }

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
