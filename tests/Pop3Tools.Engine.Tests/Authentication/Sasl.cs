using System.Text;

namespace Pop3Tools.Engine.Tests.Authentication
{
    /// <summary>SASL messages are bytes; the RFC examples are text.</summary>
    internal static class Sasl
    {
        public static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

        public static string Text(byte[] bytes) => Encoding.UTF8.GetString(bytes);

        public static readonly byte[] Empty = new byte[0];
    }
}
