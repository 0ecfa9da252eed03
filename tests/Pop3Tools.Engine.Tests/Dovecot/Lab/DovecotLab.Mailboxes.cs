using System.Text;
using System.Text.RegularExpressions;

namespace Pop3Tools.Engine.Tests.Dovecot;

public sealed partial class DovecotLab
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    // A fixed epoch for maildir names: Dovecot numbers new messages by the time in
    // the file name, so message i gets the i-th second after it.
    private const long MaildirEpoch = 1_700_000_000;

    private static int uniqueUserCounter;
    private readonly object passwdLock = new();
    private readonly List<string> passwdLines = new();
    private readonly Dictionary<string, IReadOnlyList<string>> maildirFileNames = new();

    private string PasswdPath => Path.Combine(Directory, "passwd");

    private string HomeRoot => Path.Combine(Directory, "home");

    /// <summary>A user name no other caller in this process gets, for tests that change their mailbox.</summary>
    public static string UniqueUserName(string prefix) =>
        $"{prefix}{Interlocked.Increment(ref uniqueUserCounter)}";

    /// <summary>
    /// Writes the user's maildir (message i becomes POP3 message i+1) and then
    /// the passwd-file line; Dovecot re-reads the passwd-file when it changes,
    /// so the user can log in at once. Returns the maildir file names in message order.
    /// </summary>
    public IReadOnlyList<string> AddMailbox(string user, string password, IEnumerable<GeneratedMessage> messages) =>
        AddMailboxes(new[] { user }, password, messages.ToList())[0];

    /// <summary>
    /// <see cref="AddMailbox"/> for many users holding the same messages, with one
    /// passwd-file update (and one wait for Dovecot to see it) for them all.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<string>> AddMailboxes(IReadOnlyList<string> users, string password, IReadOnlyList<GeneratedMessage> messages)
    {
        foreach (var user in users)
        {
            if (!Regex.IsMatch(user, "^[a-z0-9][a-z0-9._-]*$"))
            {
                throw new ArgumentException($"User name '{user}' must be lower-case letters, digits, '.', '_' or '-'.", nameof(users));
            }
        }

        if (password.Length == 0 || password.IndexOfAny(new[] { ':', '\r', '\n' }) >= 0)
        {
            throw new ArgumentException("The password must be non-empty and hold no ':' or line break (passwd-file syntax).", nameof(password));
        }

        var added = new List<IReadOnlyList<string>>(users.Count);
        lock (passwdLock)
        {
            foreach (var user in users)
            {
                if (maildirFileNames.ContainsKey(user))
                {
                    throw new ArgumentException($"The lab already has a user '{user}'.", nameof(users));
                }

                var home = Path.Combine(HomeRoot, user);
                var names = WriteMaildir(home, messages);
                maildirFileNames[user] = names;
                passwdLines.Add($"{user}:{{PLAIN}}{password}:{accounts.MailUid}:{accounts.MailGid}::{home}::");
                added.Add(names);
            }

            // Replace the file in one rename so Dovecot never reads half a line.
            var temporary = PasswdPath + ".new";
            File.WriteAllText(temporary, string.Join("\n", passwdLines) + "\n", new UTF8Encoding(false));
            File.Move(temporary, PasswdPath, overwrite: true);
        }

        // Dovecot's passwd-file looks at the file at most once per second (last_sync_time ==
        // ioloop_time, whole seconds): a login in the second of this write may still be checked
        // against the old contents and fail as "unknown user". From the next second on it is seen.
        var now = DateTime.UtcNow;
        Thread.Sleep(TimeSpan.FromMilliseconds(1000 - now.Millisecond + 20));
        return added;
    }

    /// <summary>How many messages the user's maildir holds now (cur/ and new/).</summary>
    public int MaildirMessageCount(string user) => MaildirFiles(user).Count;

    /// <summary>The file names now in the user's cur/ and new/, sorted.</summary>
    public IReadOnlyList<string> MaildirFiles(string user)
    {
        var maildir = Path.Combine(HomeRoot, user, "Maildir");
        return new[] { "cur", "new" }
            .SelectMany(folder => System.IO.Directory.EnumerateFiles(Path.Combine(maildir, folder)))
            .Select(Path.GetFileName)
            .Select(name => name!)
            .OrderBy(name => name, StringComparer.Ordinal)
            .ToList();
    }

    private void PrepareMailRoot()
    {
        System.IO.Directory.CreateDirectory(HomeRoot);
        LibC.SetMode(HomeRoot, WorldTraversable);
        File.WriteAllText(PasswdPath, string.Empty);
        // The auth process (default_internal_user) reads it.
        LibC.SetMode(PasswdPath, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
    }

    private List<string> WriteMaildir(string home, IReadOnlyList<GeneratedMessage> messages)
    {
        var maildir = Path.Combine(home, "Maildir");
        var directories = new[] { home, maildir, Path.Combine(maildir, "cur"), Path.Combine(maildir, "new"), Path.Combine(maildir, "tmp") };
        foreach (var directory in directories)
        {
            System.IO.Directory.CreateDirectory(directory);
            LibC.SetMode(directory, OwnerOnly);
        }

        var names = new List<string>(messages.Count);
        for (int i = 0; i < messages.Count; i++)
        {
            // On disk with LF line ends, as Dovecot's own delivery stores mail: S= is the
            // file size, W= the CRLF ("virtual") size that LIST reports and RETR sends.
            // Dovecot trusts both without reading the file: a wrong S= makes RETR fail with
            // "Cached message size larger than expected" (seen while building the lab).
            var crlf = messages[i].Bytes;
            var lf = ToLfLineEnds(crlf);
            var name = $"{MaildirEpoch + i}.M{i:D6}P{Environment.ProcessId}.lab,S={lf.Length},W={crlf.Length}:2,";
            var path = Path.Combine(maildir, "cur", name);
            File.WriteAllBytes(path, lf);
            LibC.Chown(path, accounts.MailUid, accounts.MailGid);
            names.Add(name);
        }

        foreach (var directory in directories)
        {
            LibC.Chown(directory, accounts.MailUid, accounts.MailGid);
        }

        return names;
    }

    // GeneratedMessage guarantees CRLF everywhere and no bare CR or LF, so this is exact.
    private static byte[] ToLfLineEnds(byte[] crlf)
    {
        var lf = new byte[crlf.Length];
        int length = 0;
        for (int i = 0; i < crlf.Length; i++)
        {
            if (crlf[i] == '\r' && i + 1 < crlf.Length && crlf[i + 1] == '\n')
            {
                continue;
            }

            lf[length++] = crlf[i];
        }

        return lf[..length];
    }
}
