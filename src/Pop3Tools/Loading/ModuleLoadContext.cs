#if NET
using System;
using System.IO;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Loader;

namespace Pop3Tools.Loading
{
    /// <summary>
    /// PowerShell 7: the private load context that holds Pop3Tools.Engine, MimeKit and
    /// everything they need. <see cref="Load"/> answers every name the module ships with
    /// the module's own file, whatever copy the default context (or another module) has,
    /// so neither side ever sees the other's version. Only names the module does not ship
    /// (the framework: System.Runtime, netstandard...) fall through to the default context.
    /// </summary>
    internal sealed class ModuleLoadContext : AssemblyLoadContext
    {
        // The one package with a Windows-only build (System.Security.Cryptography.Pkcs):
        // the SDK lays it out here, and on Windows it replaces the portable copy.
        private static readonly string WindowsAssets = Path.Combine("runtimes", "win", "lib", "net8.0");

        private readonly string _directory;

        public ModuleLoadContext(string directory)
            : base("Pop3Tools", isCollectible: false)
        {
            _directory = directory;
        }

        protected override Assembly? Load(AssemblyName assemblyName)
        {
            var path = FindOwnCopy(assemblyName.Name);
            return path is null ? null : LoadFromAssemblyPath(path);
        }

        private string? FindOwnCopy(string? simpleName)
        {
            if (string.IsNullOrEmpty(simpleName))
            {
                return null;
            }

            var fileName = simpleName + ".dll";
            if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
            {
                var windows = Path.Combine(_directory, WindowsAssets, fileName);
                if (File.Exists(windows))
                {
                    return windows;
                }
            }

            var portable = Path.Combine(_directory, fileName);
            return File.Exists(portable) ? portable : null;
        }
    }
}
#endif
