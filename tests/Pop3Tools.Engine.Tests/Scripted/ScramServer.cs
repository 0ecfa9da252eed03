using System.Security.Cryptography;
using System.Text;

namespace Pop3Tools.Engine.Tests.Scripted;

/// <summary>
/// The server half of SCRAM-SHA-256 or SCRAM-SHA-1 (RFC 5802/7677) for scripts: checks the
/// client's proof and produces the server signature, optionally corrupted to impersonate a rogue server.
/// </summary>
public sealed class ScramServer
{
    private const int Iterations = 4096;
    private readonly string password;
    private readonly HashAlgorithmName hash;
    private readonly byte[] salt = RandomNumberGenerator.GetBytes(16);
    private string clientFirstBare = "";
    private string serverFirst = "";

    public ScramServer(string password) : this(password, HashAlgorithmName.SHA256)
    {
    }

    public ScramServer(string password, HashAlgorithmName hash)
    {
        this.password = password;
        this.hash = hash;
    }

    /// <summary>Takes the decoded client-first message ("n,,n=user,r=nonce"); returns server-first.</summary>
    public string ServerFirst(string clientFirst)
    {
        if (!clientFirst.StartsWith("n,,", StringComparison.Ordinal)) throw new ScriptMismatchException("Unexpected GS2 header: " + clientFirst);
        clientFirstBare = clientFirst.Substring(3);
        var clientNonce = Attribute(clientFirstBare, 'r');
        var nonce = clientNonce + Convert.ToBase64String(RandomNumberGenerator.GetBytes(12));
        serverFirst = "r=" + nonce + ",s=" + Convert.ToBase64String(salt) + ",i=" + Iterations;
        return serverFirst;
    }

    /// <summary>Verifies the client-final proof; returns "v=signature" (wrong if <paramref name="forge"/>).</summary>
    public string ServerFinal(string clientFinal, bool forge = false)
    {
        var proofAt = clientFinal.LastIndexOf(",p=", StringComparison.Ordinal);
        var withoutProof = clientFinal.Substring(0, proofAt);
        var proof = Convert.FromBase64String(clientFinal.Substring(proofAt + 3));
        var authMessage = Encoding.UTF8.GetBytes(clientFirstBare + "," + serverFirst + "," + withoutProof);
        var salted = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, Iterations, hash, hash == HashAlgorithmName.SHA1 ? 20 : 32);
        var clientKey = CryptographicOperations.HmacData(hash, salted, Encoding.ASCII.GetBytes("Client Key"));
        var clientSignature = CryptographicOperations.HmacData(hash, CryptographicOperations.HashData(hash, clientKey), authMessage);
        var recovered = proof.Zip(clientSignature, (a, b) => (byte)(a ^ b)).ToArray();
        if (!recovered.SequenceEqual(clientKey)) throw new ScriptMismatchException("The client proof is wrong.");
        var serverSignature = CryptographicOperations.HmacData(hash, CryptographicOperations.HmacData(hash, salted, Encoding.ASCII.GetBytes("Server Key")), authMessage);
        if (forge) serverSignature[0] ^= 0xFF;
        return "v=" + Convert.ToBase64String(serverSignature);
    }

    private static string Attribute(string message, char name)
    {
        foreach (var part in message.Split(','))
        {
            if (part.Length > 2 && part[0] == name && part[1] == '=') return part.Substring(2);
        }
        throw new ScriptMismatchException("No " + name + "= attribute in " + message);
    }
}
