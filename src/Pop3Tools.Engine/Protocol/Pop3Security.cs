namespace Pop3Tools
{
    /// <summary>How the connection is protected.</summary>
    public enum Pop3Security
    {
        /// <summary>Implicit TLS on port 995, STLS elsewhere when the server offers it.</summary>
        Auto,
        /// <summary>Implicit TLS from the first byte (pop3s).</summary>
        Tls,
        /// <summary>Plain connect, then STLS (RFC 2595); fails if not offered.</summary>
        StartTls,
        /// <summary>No TLS at all.</summary>
        None,
    }
}
