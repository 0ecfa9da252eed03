using System;
using System.Collections.Generic;
using System.Linq;

namespace Pop3Tools.Engine.Authentication
{
    /// <summary>Decides which login method to use against what the server offers.</summary>
    internal static class AuthenticationPlanner
    {
        // Strongest first. SCRAM proves the server and keeps the password off the wire; CRAM-MD5 and
        // APOP keep it off the wire but the server stores it in clear; PLAIN, LOGIN and USER/PASS send
        // it (protected only by TLS). The OAuth methods are never chosen by Auto: they need a token.
        private static readonly Pop3AuthenticationMethod[] AutoOrder =
        {
            Pop3AuthenticationMethod.ScramSha256,
            Pop3AuthenticationMethod.ScramSha1,
            Pop3AuthenticationMethod.CramMd5,
            Pop3AuthenticationMethod.Apop,
            Pop3AuthenticationMethod.Plain,
            Pop3AuthenticationMethod.Login,
            Pop3AuthenticationMethod.UserPass,
        };

        /// <summary>
        /// The method to log in with. <paramref name="userCommandAvailable"/> is the caller's
        /// judgement: USER in CAPA, or no CAPA at all (RFC 1939 servers need not announce USER).
        /// Throws AuthenticationFailed naming what the server offers when nothing fits.
        /// </summary>
        public static Pop3AuthenticationMethod Choose(
            Pop3AuthenticationMethod requested,
            IReadOnlyList<string> saslMechanisms,
            bool userCommandAvailable,
            bool apopAvailable)
        {
            if (saslMechanisms == null) throw new ArgumentNullException(nameof(saslMechanisms));

            if (requested == Pop3AuthenticationMethod.Auto)
            {
                foreach (var candidate in AutoOrder)
                {
                    if (IsOffered(candidate, saslMechanisms, userCommandAvailable, apopAvailable))
                    {
                        return candidate;
                    }
                }
                throw NotOffered("The server offers no login method Pop3Tools can use with a password", saslMechanisms, userCommandAvailable, apopAvailable);
            }

            if (IsOffered(requested, saslMechanisms, userCommandAvailable, apopAvailable))
            {
                return requested;
            }
            throw NotOffered("The server does not offer " + MechanismName(requested), saslMechanisms, userCommandAvailable, apopAvailable);
        }

        /// <summary>The IANA SASL name, or "USER" / "APOP" for the RFC 1939 commands.</summary>
        public static string MechanismName(Pop3AuthenticationMethod method)
        {
            switch (method)
            {
                case Pop3AuthenticationMethod.UserPass: return "USER";
                case Pop3AuthenticationMethod.Apop: return "APOP";
                case Pop3AuthenticationMethod.Plain: return "PLAIN";
                case Pop3AuthenticationMethod.Login: return "LOGIN";
                case Pop3AuthenticationMethod.CramMd5: return "CRAM-MD5";
                case Pop3AuthenticationMethod.ScramSha1: return "SCRAM-SHA-1";
                case Pop3AuthenticationMethod.ScramSha256: return "SCRAM-SHA-256";
                case Pop3AuthenticationMethod.XOAuth2: return "XOAUTH2";
                case Pop3AuthenticationMethod.OAuthBearer: return "OAUTHBEARER";
                default: throw new ArgumentException("Auto is a choice, not a mechanism; resolve it with Choose first.", nameof(method));
            }
        }

        /// <summary>What the mechanism puts on the wire, for an error that says why it was withheld.</summary>
        public static string WhatCrossesTheWire(Pop3AuthenticationMethod method)
        {
            switch (method)
            {
                case Pop3AuthenticationMethod.UserPass:
                case Pop3AuthenticationMethod.Plain:
                case Pop3AuthenticationMethod.Login:
                    return "the password in clear text";
                case Pop3AuthenticationMethod.XOAuth2:
                case Pop3AuthenticationMethod.OAuthBearer:
                    return "the access token in clear text, ready for replay";
                default:
                    return "a digest of the password that an eavesdropper can attack offline";
            }
        }

        private static bool IsOffered(Pop3AuthenticationMethod method, IReadOnlyList<string> saslMechanisms, bool userCommandAvailable, bool apopAvailable)
        {
            switch (method)
            {
                case Pop3AuthenticationMethod.UserPass: return userCommandAvailable;
                case Pop3AuthenticationMethod.Apop: return apopAvailable;
                default:
                    var name = MechanismName(method);
                    return saslMechanisms.Any(offered => string.Equals(offered, name, StringComparison.OrdinalIgnoreCase));
            }
        }

        private static Pop3Exception NotOffered(string what, IReadOnlyList<string> saslMechanisms, bool userCommandAvailable, bool apopAvailable)
        {
            var offered = saslMechanisms.Select(name => name.ToUpperInvariant()).ToList();
            if (apopAvailable) offered.Add("APOP");
            if (userCommandAvailable) offered.Add("USER");
            var list = offered.Count == 0 ? "nothing" : string.Join(", ", offered);
            return new Pop3Exception(Pop3ErrorKind.AuthenticationFailed, what + "; the server offers: " + list + ".")
            {
                Hint = "Use -Authentication Auto, or one of the methods the server offers.",
            };
        }
    }
}
