using System;
using Pop3Tools.Engine.Authentication;

namespace Pop3Tools.Engine.Protocol
{
    /// <summary>
    /// The AUTH dialogue of RFC 5034 for one mechanism: initial response when the mechanism
    /// has one, base64 "+ " challenges answered line by line, "*" to abandon, and a final
    /// +OK that only counts once the mechanism has verified the server. Every payload in
    /// either direction is logged as a redaction marker.
    /// </summary>
    internal static class SaslExchange
    {
        public static void Run(Pop3Channel channel, ISaslMechanism mechanism, int? loginDelaySeconds)
        {
            var command = "AUTH " + mechanism.Name;
            byte[]? deferredInitialResponse = null;
            if (mechanism.HasInitialResponse)
            {
                var initial = mechanism.Respond(new byte[0]);
                // RFC 4422 section 4: "=" is an empty initial response, as opposed to none at all.
                var encoded = initial.Length == 0 ? "=" : Convert.ToBase64String(initial);
                if (command.Length + 1 + encoded.Length + 2 <= ProtocolLimits.MaxAuthCommandBytes)
                {
                    channel.Send(command + " " + encoded, command + " " + ProtocolLog.Redacted);
                }
                else
                {
                    // RFC 5034 section 4: too long for the AUTH line (whose 255 octets include the CRLF,
                    // RFC 2449 section 4); it answers the first, empty challenge instead.
                    channel.Send(command);
                    deferredInitialResponse = initial;
                }
            }
            else
            {
                channel.Send(command);
            }

            for (var round = 0; ; round++)
            {
                var reply = channel.ReadReply(allowContinuation: true, redactContinuation: true);
                if (reply.Status == Pop3ResponseStatus.Ok)
                {
                    if (!mechanism.IsComplete)
                    {
                        // Logged in by a server that never proved itself (it may be an impostor): nothing
                        // more goes to it, and no caller can go on using a session it did not vouch for.
                        channel.Transport.Dispose();
                        throw new Pop3Exception(Pop3ErrorKind.AuthenticationFailed,
                            mechanism.Name + " authentication failed: the server accepted the login but was not verified.");
                    }
                    return;
                }
                if (reply.Status == Pop3ResponseStatus.Err) throw Refused(reply, mechanism, loginDelaySeconds);
                if (round == ProtocolLimits.MaxSaslRounds)
                {
                    // "*" must be the answer to a challenge: sent after a response it would be read as a command.
                    Cancel(channel);
                    throw new Pop3Exception(Pop3ErrorKind.AuthenticationFailed,
                        mechanism.Name + " authentication failed: the server sent more than " + ProtocolLimits.MaxSaslRounds + " challenges.");
                }

                byte[] response;
                if (deferredInitialResponse != null)
                {
                    response = deferredInitialResponse;
                    deferredInitialResponse = null;
                }
                else
                {
                    response = Answer(channel, mechanism, reply.Text);
                }
                channel.Send(Convert.ToBase64String(response), ProtocolLog.Redacted);
            }
        }

        /// <summary>The mechanism's reply to a challenge; on bad server data the exchange is cancelled first, keeping the dialogue in step.</summary>
        private static byte[] Answer(Pop3Channel channel, ISaslMechanism mechanism, string challengeText)
        {
            byte[] challenge;
            try
            {
                challenge = Convert.FromBase64String(challengeText);
            }
            catch (FormatException)
            {
                Cancel(channel);
                throw new Pop3Exception(Pop3ErrorKind.AuthenticationFailed,
                    mechanism.Name + " authentication failed: the server sent a challenge that is not base64.");
            }
            try
            {
                return mechanism.Respond(challenge);
            }
            catch (Pop3Exception)
            {
                Cancel(channel);
                throw;
            }
        }

        /// <summary>"*" abandons the exchange (RFC 5034 section 4); the server answers -ERR.</summary>
        private static void Cancel(Pop3Channel channel)
        {
            channel.Send("*");
            var reply = channel.ReadReply(allowContinuation: true, redactContinuation: true);
            if (reply.Status != Pop3ResponseStatus.Err)
            {
                throw new Pop3Exception(Pop3ErrorKind.ProtocolError, "The server did not end the cancelled AUTH exchange with -ERR.");
            }
        }

        private static Pop3Exception Refused(Pop3Response reply, ISaslMechanism mechanism, int? loginDelaySeconds)
        {
            var refused = ResponseErrors.FromErr(reply, "AUTH " + mechanism.Name, ReplyContext.Login, loginDelaySeconds);
            if (mechanism.ServerError == null) return refused;
            // The server's own error report (OAuth JSON status/scope): diagnostic, carries no client secret.
            return new Pop3Exception(refused.Kind, refused.Message + " Server detail: " + Pop3Response.Abbreviate(mechanism.ServerError))
            {
                ServerText = refused.ServerText,
                ResponseCode = refused.ResponseCode,
                Hint = refused.Hint,
            };
        }
    }
}
