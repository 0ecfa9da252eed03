using System.Net;
using System.Text;
using Pop3Tools.Engine.Mailbox.Export;
using Pop3Tools.Engine.Protocol;
using Pop3Tools.Engine.Tests.Dovecot;

namespace Pop3Tools.Engine.Tests.Mailbox.Export
{
    /// <summary>What the export tests share: lab sessions on the plain port, a scratch folder, and the export run with its reports collected.</summary>
    internal static class ExportHarness
    {
        public const string Password = "Export-Lab-Pw1";

        private static readonly System.Collections.Concurrent.ConcurrentBag<string> Scratch = new();

        static ExportHarness()
        {
            // Japanese subjects (ISO-2022-JP, Shift_JIS): the module registers this on import.
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            // The cut sweep alone makes thousands of folders: none is left in /tmp after the run.
            AppDomain.CurrentDomain.ProcessExit += (_, _) => RemoveScratch();
        }

        public static DovecotLab Lab => DovecotLab.Shared;

        /// <summary>Plain POP3 on loopback: the tests are about the export, not TLS, and a cut sweep opens hundreds of sessions.</summary>
        public static Pop3Session Open(string user, int? port = null) =>
            Pop3Session.Open(
                new Pop3ConnectionOptions(Lab.Host)
                {
                    Port = port ?? Lab.PlainPort,
                    Security = Pop3Security.None,
                    AllowInsecureAuthentication = true,
                    Timeout = TimeSpan.FromSeconds(30),
                },
                new NetworkCredential(user, Password), Pop3AuthenticationMethod.UserPass, Timeouts.Token());

        public static string NewFolder(string prefix)
        {
            var folder = Directory.CreateTempSubdirectory("p3t-" + prefix + "-").FullName;
            Scratch.Add(folder);
            return folder;
        }

        public static ExportResult ExportAll(Pop3Session session, ExportOptions options, CancellationToken? cancellationToken = null, Action<ExportProgress>? progress = null)
        {
            var result = new ExportResult();
            var all = session.Resolve(Pop3MessageSelection.All, e => result.Errors.Add(e), Timeouts.Token());
            session.Export(all, options, result.Saved.Add, (m, e) => result.Errors.Add(e), progress, cancellationToken ?? Timeouts.Token(300));
            return result;
        }

        /// <summary>The .eml files of a folder by name, with their bytes.</summary>
        public static Dictionary<string, byte[]> Files(string folder) =>
            Directory.GetFiles(folder, "*.eml").ToDictionary(path => Path.GetFileName(path)!, File.ReadAllBytes);

        public static string[] Temporaries(string folder) =>
            Directory.GetFiles(folder, ReceivedFile.TemporaryPrefix + "*");

        private static void RemoveScratch()
        {
            foreach (var folder in Scratch)
            {
                try
                {
                    Directory.Delete(folder, recursive: true);
                }
                catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
                {
                    // A folder still in use is left for the system's temporary cleanup.
                }
            }
        }
    }

    internal sealed class ExportResult
    {
        public List<Pop3SavedMessage> Saved { get; } = new();
        public List<Pop3Exception> Errors { get; } = new();
    }
}
