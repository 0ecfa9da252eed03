using System;

namespace Pop3Tools.Engine.Mailbox.Export
{
    /// <summary>The per-message failures of an export; each leaves the message on the server.</summary>
    internal static class ExportErrors
    {
        public static Pop3Exception SaveFailed(Pop3MessageInfo listing, Exception cause) =>
            new Pop3Exception(Pop3ErrorKind.SaveFailed,
                $"Message {listing.Number} (UID {listing.Uid}) could not be saved: {cause.Message} It stays on the server.", cause)
            {
                Target = Target(listing),
                Hint = "Free space or fix the folder's permissions, then run the export again: it fetches only what is missing.",
            };

        public static Pop3Exception NoUid(Pop3MessageInfo listing) =>
            new Pop3Exception(Pop3ErrorKind.ProtocolError,
                $"Message {listing.Number} has no UID, so it cannot be exported: the file name and the record of what was saved both come from the UID.")
            {
                Target = listing.Number,
                Hint = "The server does not support UIDL. Use Receive-Pop3Message without -Path and save the messages' RawMessage yourself.",
            };

        public static object Target(Pop3MessageInfo listing) =>
            listing.Uid.Length > 0 ? listing.Uid : (object)listing.Number;
    }
}
