using System.Globalization;

namespace Pop3Tools.Commands
{
    /// <summary>Sizes as people read them in prompts and verbose lines ("4.2 KB").</summary>
    internal static class ByteSize
    {
        internal static string Format(long bytes)
        {
            const double KB = 1024, MB = KB * 1024, GB = MB * 1024;
            if (bytes < KB)
            {
                return bytes.ToString(CultureInfo.CurrentCulture) + " B";
            }
            if (bytes < MB)
            {
                return (bytes / KB).ToString("0.0", CultureInfo.CurrentCulture) + " KB";
            }
            if (bytes < GB)
            {
                return (bytes / MB).ToString("0.0", CultureInfo.CurrentCulture) + " MB";
            }
            return (bytes / GB).ToString("0.0", CultureInfo.CurrentCulture) + " GB";
        }
    }
}
