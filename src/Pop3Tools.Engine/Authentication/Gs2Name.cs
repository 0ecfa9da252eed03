using System.Text;

namespace Pop3Tools.Engine.Authentication
{
    /// <summary>
    /// The saslname escaping of RFC 5801/5802: ',' separates attributes and '=' starts an
    /// escape, so both are spelled "=2C" and "=3D" inside a user name or authzid.
    /// </summary>
    internal static class Gs2Name
    {
        public static string Escape(string name)
        {
            var escaped = new StringBuilder(name.Length);
            foreach (var c in name)
            {
                switch (c)
                {
                    case '=': escaped.Append("=3D"); break;
                    case ',': escaped.Append("=2C"); break;
                    default: escaped.Append(c); break;
                }
            }
            return escaped.ToString();
        }
    }
}
