using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace Pop3Tools.Engine.Authentication
{
    /// <summary>
    /// SCRAM-SHA-1 (RFC 5802) and SCRAM-SHA-256 (RFC 7677) without channel binding (gs2 header
    /// "n,,"). Complete only once the server's signature has been verified: a server that does
    /// not know the password cannot produce it, so a login is never reported as done to an impostor.
    /// </summary>
    internal sealed class ScramMechanism : ISaslMechanism
    {
        // RFC 5802 §9 and RFC 7677 §4: servers SHOULD announce at least 4096. Enforced here because a
        // fake server could otherwise ask for i=1 and make an offline guess of the captured proof cheap.
        internal const int MinimumIterations = 4096;

        // Far above deployed values (Dovecot 4096, hardened setups ~600000), low enough that a hostile
        // server cannot pin the client's CPU for minutes.
        internal const int MaximumIterations = 1000000;

        private const string Gs2Header = "n,,";

        private enum Step { ClientFirst, ClientFinal, ServerFinal, Done, Failed }

        private readonly ScramHash _hash;
        private readonly NetworkCredential _credential;
        private readonly string _clientNonce;
        private Step _step = Step.ClientFirst;
        private string _clientFirstBare = "";
        private byte[]? _expectedServerSignature;

        public ScramMechanism(ScramHash hash, NetworkCredential credential)
            : this(hash, credential, NewNonce())
        {
        }

        /// <summary>Takes a fixed nonce so tests can replay the RFC exchanges.</summary>
        internal ScramMechanism(ScramHash hash, NetworkCredential credential, string clientNonce)
        {
            _hash = hash ?? throw new ArgumentNullException(nameof(hash));
            _credential = credential ?? throw new ArgumentNullException(nameof(credential));
            _clientNonce = clientNonce ?? throw new ArgumentNullException(nameof(clientNonce));
        }

        public string Name => _hash.MechanismName;
        public bool HasInitialResponse => true;
        public bool IsComplete => _step == Step.Done;
        public string? ServerError { get; private set; }

        public byte[] Respond(byte[] challenge)
        {
            if (challenge == null) throw new ArgumentNullException(nameof(challenge));
            var step = _step;
            // Any exception below leaves the mechanism failed: the exchange cannot be resumed.
            _step = Step.Failed;
            switch (step)
            {
                case Step.ClientFirst:
                    // The initial response, or the answer to the empty challenge of RFC 5034 §4.
                    _clientFirstBare = "n=" + Gs2Name.Escape(SaslPrep.Prepare(_credential.UserName)) + ",r=" + _clientNonce;
                    _step = Step.ClientFinal;
                    return Encoding.UTF8.GetBytes(Gs2Header + _clientFirstBare);
                case Step.ClientFinal:
                    var clientFinal = ClientFinal(Encoding.UTF8.GetString(challenge));
                    _step = Step.ServerFinal;
                    return clientFinal;
                case Step.ServerFinal:
                    VerifyServerFinal(Encoding.UTF8.GetString(challenge));
                    _step = Step.Done;
                    // RFC 5034 §4: the last challenge (server-final) is answered with an empty line.
                    return new byte[0];
                default:
                    throw SaslFailure.UnexpectedChallenge(Name);
            }
        }

        private byte[] ClientFinal(string serverFirst)
        {
            var attributes = ParseAttributes(serverFirst);
            if (attributes.ContainsKey('m'))
            {
                throw SaslFailure.Create(Name, "the server requires an extension (m=) this client does not support.");
            }

            var nonce = Required(attributes, 'r');
            if (nonce.Length <= _clientNonce.Length || !nonce.StartsWith(_clientNonce, StringComparison.Ordinal) || !IsPrintable(nonce))
            {
                throw SaslFailure.Create(Name, "the server nonce does not extend the client nonce.");
            }

            byte[] salt;
            try
            {
                salt = Convert.FromBase64String(Required(attributes, 's'));
            }
            catch (FormatException)
            {
                throw SaslFailure.Create(Name, "the server sent a salt that is not base64.");
            }
            if (salt.Length == 0)
            {
                throw SaslFailure.Create(Name, "the server sent an empty salt.");
            }

            if (!int.TryParse(Required(attributes, 'i'), NumberStyles.None, CultureInfo.InvariantCulture, out var iterations)
                || iterations < MinimumIterations || iterations > MaximumIterations)
            {
                throw SaslFailure.Create(Name, "the server asked for an iteration count outside "
                    + MinimumIterations.ToString(CultureInfo.InvariantCulture) + ".." + MaximumIterations.ToString(CultureInfo.InvariantCulture) + ".");
            }

            // "biws" is base64("n,,"): no channel binding, no authzid.
            var clientFinalWithoutProof = "c=" + Convert.ToBase64String(Encoding.ASCII.GetBytes(Gs2Header)) + ",r=" + nonce;
            var authMessage = Encoding.UTF8.GetBytes(_clientFirstBare + "," + serverFirst + "," + clientFinalWithoutProof);

            var password = Encoding.UTF8.GetBytes(SaslPrep.Prepare(_credential.Password));
            var saltedPassword = _hash.Hi(password, salt, iterations);
            Array.Clear(password, 0, password.Length);

            var clientKey = _hash.Hmac(saltedPassword, Encoding.ASCII.GetBytes("Client Key"));
            var storedKey = _hash.Hash(clientKey);
            var clientSignature = _hash.Hmac(storedKey, authMessage);
            var proof = new byte[clientKey.Length];
            for (var i = 0; i < proof.Length; i++)
            {
                proof[i] = (byte)(clientKey[i] ^ clientSignature[i]);
            }

            var serverKey = _hash.Hmac(saltedPassword, Encoding.ASCII.GetBytes("Server Key"));
            _expectedServerSignature = _hash.Hmac(serverKey, authMessage);

            Array.Clear(saltedPassword, 0, saltedPassword.Length);
            Array.Clear(clientKey, 0, clientKey.Length);
            Array.Clear(serverKey, 0, serverKey.Length);

            return Encoding.UTF8.GetBytes(clientFinalWithoutProof + ",p=" + Convert.ToBase64String(proof));
        }

        private void VerifyServerFinal(string serverFinal)
        {
            var attributes = ParseAttributes(serverFinal);
            if (attributes.TryGetValue('e', out var error))
            {
                ServerError = error;
                throw SaslFailure.Create(Name, "the server reported \"" + Printable(error) + "\".");
            }

            byte[] signature;
            try
            {
                signature = Convert.FromBase64String(Required(attributes, 'v'));
            }
            catch (FormatException)
            {
                throw SaslFailure.Create(Name, "the server signature is not base64.");
            }
            if (_expectedServerSignature == null || !ConstantTime.AreEqual(signature, _expectedServerSignature))
            {
                throw SaslFailure.Create(Name, "the server's signature is wrong: it does not know the password, or the exchange was tampered with.");
            }
        }

        /// <summary>"a=1,b=2" → {a: "1", b: "2"}; the first occurrence of a key wins.</summary>
        private Dictionary<char, string> ParseAttributes(string message)
        {
            var attributes = new Dictionary<char, string>();
            foreach (var part in message.Split(','))
            {
                if (part.Length < 2 || part[1] != '=' || !IsAsciiLetter(part[0]))
                {
                    throw SaslFailure.Create(Name, "the server sent a malformed message.");
                }
                if (!attributes.ContainsKey(part[0]))
                {
                    attributes.Add(part[0], part.Substring(2));
                }
            }
            return attributes;
        }

        private string Required(Dictionary<char, string> attributes, char key)
        {
            if (!attributes.TryGetValue(key, out var value) || value.Length == 0)
            {
                throw SaslFailure.Create(Name, "the server's message lacks the '" + key + "' attribute.");
            }
            return value;
        }

        private static bool IsAsciiLetter(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');

        // RFC 5802 §7: a nonce is printable ASCII other than ','.
        private static bool IsPrintable(string value)
        {
            foreach (var c in value)
            {
                if (c < '!' || c > '~')
                {
                    return false;
                }
            }
            return true;
        }

        // The server's error word goes into our message: keep it to printable ASCII and short.
        private static string Printable(string value)
        {
            var text = new StringBuilder();
            foreach (var c in value)
            {
                if (text.Length == 80) break;
                text.Append(c >= ' ' && c <= '~' ? c : '?');
            }
            return text.ToString();
        }

        private static string NewNonce()
        {
            var bytes = new byte[24];
            using (var random = RandomNumberGenerator.Create())
            {
                random.GetBytes(bytes);
            }
            return Convert.ToBase64String(bytes);
        }
    }
}
