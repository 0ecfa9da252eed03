using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net;
using System.Security.Cryptography.X509Certificates;

namespace Pop3Tools.Engine.Diagnostics
{
    /// <summary>
    /// The names a server certificate is valid for (subjectAltName DNS names and IP addresses,
    /// else the subject CN) and RFC 6125 matching, so a name mismatch can say what the name
    /// should be. netstandard2.0 has no SAN parser, and the text from Format() differs by OS,
    /// so the extension's DER is read directly.
    /// </summary>
    internal static class CertificateNames
    {
        private const string SubjectAltNameOid = "2.5.29.17";
        private const byte DnsNameTag = 0x82;
        private const byte IpAddressTag = 0x87;

        public static IReadOnlyList<string> Of(X509Certificate2 certificate)
        {
            var names = new List<string>();
            foreach (var extension in certificate.Extensions)
            {
                if (extension.Oid?.Value == SubjectAltNameOid) ReadGeneralNames(extension.RawData, names);
            }
            if (names.Count == 0)
            {
                var commonName = certificate.GetNameInfo(X509NameType.SimpleName, false);
                if (!string.IsNullOrEmpty(commonName)) names.Add(commonName);
            }
            return names;
        }

        /// <summary>
        /// RFC 6125: case-insensitive; a wildcard stands for exactly one whole left-most label
        /// ("*.example.com" covers "mail.example.com", not "example.com" or "a.b.example.com");
        /// an IP address matches only an IP name.
        /// </summary>
        public static bool Matches(string host, string name)
        {
            host = Bare(host);
            if (IPAddress.TryParse(host, out var hostAddress))
            {
                return IPAddress.TryParse(name, out var nameAddress) && hostAddress.Equals(nameAddress);
            }
            name = name.TrimEnd('.');
            if (name.StartsWith("*.", StringComparison.Ordinal))
            {
                var dot = host.IndexOf('.');
                return dot > 0 && string.Equals(host.Substring(dot + 1), name.Substring(2), StringComparison.OrdinalIgnoreCase);
            }
            return string.Equals(host, name, StringComparison.OrdinalIgnoreCase);
        }

        public static bool IsIpAddress(string host) => IPAddress.TryParse(Bare(host), out _);

        private static string Bare(string host)
        {
            host = host.TrimEnd('.');
            return host.Length > 2 && host[0] == '[' && host[host.Length - 1] == ']' ? host.Substring(1, host.Length - 2) : host;
        }

        /// <summary>GeneralNames ::= SEQUENCE OF GeneralName; only dNSName [2] and iPAddress [7] are kept.</summary>
        private static void ReadGeneralNames(byte[] der, List<string> names)
        {
            var position = 0;
            if (!TryReadHeader(der, ref position, out var tag, out var length) || tag != 0x30) return;
            var end = Math.Min(der.Length, position + length);
            while (position < end)
            {
                if (!TryReadHeader(der, ref position, out tag, out length) || position + length > end) return;
                if (tag == DnsNameTag)
                {
                    names.Add(System.Text.Encoding.ASCII.GetString(der, position, length));
                }
                else if (tag == IpAddressTag && (length == 4 || length == 16))
                {
                    var bytes = new byte[length];
                    Array.Copy(der, position, bytes, 0, length);
                    names.Add(new IPAddress(bytes).ToString());
                }
                position += length;
            }
        }

        private static bool TryReadHeader(byte[] der, ref int position, out byte tag, out int length)
        {
            tag = 0;
            length = 0;
            if (position + 2 > der.Length) return false;
            tag = der[position++];
            int first = der[position++];
            if (first < 0x80)
            {
                length = first;
                return true;
            }
            var count = first & 0x7F;
            if (count == 0 || count > 3 || position + count > der.Length) return false;
            for (var i = 0; i < count; i++) length = (length << 8) | der[position++];
            return true;
        }

        public static string Join(IReadOnlyList<string> names) =>
            names.Count == 0 ? "no name" : string.Join(", ", names);

        public static string Days(int days) => days.ToString(CultureInfo.InvariantCulture) + (days == 1 || days == -1 ? " day" : " days");
    }
}
