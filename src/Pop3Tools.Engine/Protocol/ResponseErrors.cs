using System;
using System.Globalization;

namespace Pop3Tools.Engine.Protocol
{
    /// <summary>What a command was doing, which decides the kind of a -ERR without a response code.</summary>
    internal enum ReplyContext
    {
        /// <summary>A mailbox-wide command (STAT, LIST, RSET...): a -ERR there breaks the expected dialogue.</summary>
        General,
        /// <summary>The greeting: a -ERR means the server turns us away.</summary>
        Greeting,
        /// <summary>USER/PASS/APOP/AUTH: any -ERR is a failed login.</summary>
        Login,
        /// <summary>RETR/TOP/DELE/LIST n/UIDL n: a -ERR means no such message.</summary>
        Message,
        /// <summary>QUIT: a -ERR means the deletions were not committed.</summary>
        Quit,
    }

    /// <summary>Turns a -ERR reply into the typed error scripts match on.</summary>
    internal static class ResponseErrors
    {
        /// <summary>
        /// The error for a -ERR reply. <c>what</c> is our words for the command, never its
        /// secret arguments (e.g. "RETR 4", "PASS").
        /// </summary>
        public static Pop3Exception FromErr(Pop3Response reply, string what, ReplyContext context, int? loginDelaySeconds)
        {
            var kind = KindOf(reply.Code, context);
            var text = reply.Text.Length > 0 ? reply.Text : "(no text)";
            var codePart = reply.Code != null ? " [" + reply.Code + "]" : string.Empty;
            var error = new Pop3Exception(kind, "The server refused " + what + ":" + codePart + " " + Pop3Response.Abbreviate(text))
            {
                ServerText = reply.Text,
                ResponseCode = reply.Code,
            };
            if (kind == Pop3ErrorKind.LoginDelay)
            {
                error.Hint = loginDelaySeconds.HasValue
                    ? "The server allows one login every " + loginDelaySeconds.Value.ToString(CultureInfo.InvariantCulture) + " seconds; wait and try again."
                    : "The server limits how often this mailbox may log in; wait and try again.";
            }
            else if (kind == Pop3ErrorKind.AuthenticationFailed)
            {
                error.Hint = "Check the user name and password (many servers want the whole address as the user name). "
                    + "Providers with two-factor sign-in may need an app password, or -AccessToken with -Authentication XOAuth2.";
            }
            else if (kind == Pop3ErrorKind.MailboxInUse)
            {
                error.Hint = "Another session holds the mailbox lock; close it or wait and try again.";
            }
            return error;
        }

        private static Pop3ErrorKind KindOf(string? code, ReplyContext context)
        {
            if (code != null)
            {
                // Codes are hierarchical (RFC 2449 section 8): "SYS/TEMP" refines "SYS".
                var top = code.Split('/')[0];
                if (Is(top, "AUTH")) return Pop3ErrorKind.AuthenticationFailed;
                if (Is(top, "IN-USE")) return Pop3ErrorKind.MailboxInUse;
                if (Is(top, "LOGIN-DELAY")) return Pop3ErrorKind.LoginDelay;
                if (Is(top, "SYS")) return Pop3ErrorKind.ServerUnavailable;
            }
            switch (context)
            {
                case ReplyContext.Greeting: return Pop3ErrorKind.ServerUnavailable;
                case ReplyContext.Login: return Pop3ErrorKind.AuthenticationFailed;
                case ReplyContext.Message: return Pop3ErrorKind.MessageNotFound;
                case ReplyContext.Quit: return Pop3ErrorKind.DeletionsNotCommitted;
                default: return Pop3ErrorKind.ProtocolError;
            }
        }

        private static bool Is(string code, string expected) => string.Equals(code, expected, StringComparison.OrdinalIgnoreCase);
    }
}
