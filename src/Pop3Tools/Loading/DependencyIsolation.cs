using System;
using System.IO;
using System.Reflection;
#if NET
using System.Runtime.Loader;
#endif

namespace Pop3Tools.Loading
{
    /// <summary>
    /// Makes Pop3Tools load its own copies of the engine, MimeKit and their dependencies,
    /// whatever other copies another module already loaded (or loads later).
    /// Registered once per process: Import-Module -Force and re-imports reuse it.
    /// Nothing here may name an engine type: this runs before the engine can be found.
    /// </summary>
    internal static class DependencyIsolation
    {
        private const string EngineName = "Pop3Tools.Engine";
        private static readonly object Gate = new object();
        private static bool registered;

        /// <summary>Where the cmdlet assembly is: bin/net8.0 or bin/net472.</summary>
        private static string ModuleDirectory => Path.GetDirectoryName(typeof(DependencyIsolation).Assembly.Location)!;

        public static void Register()
        {
            lock (Gate)
            {
                if (registered)
                {
                    return;
                }

                registered = true;
#if NET
                Register(new ModuleLoadContext(Path.Combine(ModuleDirectory, "dependencies")));
#else
                AppDomain.CurrentDomain.AssemblyResolve += ServeOwnCopy;
#endif
            }
        }

#if NET
        private static ModuleLoadContext? context;

        /// <summary>
        /// The cmdlets live in the default context and reference Pop3Tools.Engine by name;
        /// the engine sits in dependencies/, where neither the default context nor
        /// PowerShell ever looks, so the request arrives here and is answered from the
        /// module's context. From then on the engine's own references (MimeKit...) go to
        /// that context's Load. Only the engine's name is answered: the handler sees
        /// every failed load in the process and must not serve anyone else.
        /// </summary>
        private static void Register(ModuleLoadContext moduleContext)
        {
            context = moduleContext;
            AssemblyLoadContext.Default.Resolving += ResolveEngine;
        }

        private static Assembly? ResolveEngine(AssemblyLoadContext defaultContext, AssemblyName name) =>
            string.Equals(name.Name, EngineName, StringComparison.Ordinal) ? context!.LoadFromAssemblyName(name) : null;
#else
        /// <summary>
        /// Windows PowerShell 5.1 has one load context, and binds strong names exactly: MimeKit
        /// asks for the System.Memory, System.Buffers, System.Runtime.CompilerServices.Unsafe
        /// and System.Numerics.Vectors versions it was built against, which are older than the
        /// copies shipped beside it, and powershell.exe has no binding redirects. .NET raises
        /// AssemblyResolve for such a failed bind; the module answers with its own file when it
        /// ships that name in a version at least as new as the one asked for. Other modules'
        /// names, and versions newer than ours, are left to whoever else can serve them.
        /// </summary>
        private static Assembly? ServeOwnCopy(object? sender, ResolveEventArgs args)
        {
            var requested = new AssemblyName(args.Name);
            if (string.IsNullOrEmpty(requested.Name))
            {
                return null;
            }

            var path = Path.Combine(ModuleDirectory, requested.Name + ".dll");
            if (!File.Exists(path))
            {
                return null;
            }

            var own = AssemblyName.GetAssemblyName(path);
            if (requested.Version != null && own.Version != null && own.Version < requested.Version)
            {
                return null;
            }

            return Assembly.LoadFrom(path);
        }
#endif
    }
}
