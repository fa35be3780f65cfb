using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Runtime.Loader;

namespace FastTrack.Onboarding.LoadContext
{
    /// <summary>
    /// A private load context over the module's dependencies/ folder. The engine and every package
    /// it brings (Graph, Kiota, Azure.Core, Azure.Identity, MSAL) load here, so an older or newer copy
    /// already loaded by Az.Accounts, Microsoft.Graph.Authentication or PnP never collides with ours.
    /// Two things are deliberately NOT loaded here: framework assemblies the runtime already ships at
    /// an equal or higher version, and the Model assembly, which must exist once, in the default
    /// context, because PowerShell and the cmdlets see its types.
    /// </summary>
    internal sealed class DependencyLoadContext : AssemblyLoadContext
    {
        private readonly string _dependenciesDirectory;
        private readonly string _sharedAssemblyName;
        private readonly string _sharedAssemblyPath;
        private readonly Dictionary<string, Version> _frameworkVersions;

        public DependencyLoadContext(string dependenciesDirectory, string sharedAssemblyPath)
            : base("FastTrack.Onboarding", isCollectible: false)
        {
            _dependenciesDirectory = dependenciesDirectory;
            _sharedAssemblyPath = sharedAssemblyPath;
            _sharedAssemblyName = Path.GetFileNameWithoutExtension(sharedAssemblyPath);
            _frameworkVersions = ReadFrameworkVersions();
        }

        public string DependenciesDirectory => _dependenciesDirectory;

        protected override Assembly? Load(AssemblyName assemblyName)
        {
            var name = assemblyName.Name;
            if (name is null)
            {
                return null;
            }

            if (string.Equals(name, _sharedAssemblyName, StringComparison.OrdinalIgnoreCase))
            {
                // Returns the copy PowerShell already loaded with the cmdlets (same path, same instance).
                return Default.LoadFromAssemblyPath(_sharedAssemblyPath);
            }

            var candidate = Path.Combine(_dependenciesDirectory, name + ".dll");
            // Guard every load with a file check: answering a name we cannot load would make the
            // runtime ask again and a resolver that recurses takes the whole process down.
            if (!File.Exists(candidate))
            {
                return null;
            }

            if (_frameworkVersions.TryGetValue(name, out var frameworkVersion)
                && (assemblyName.Version is null || frameworkVersion >= assemblyName.Version))
            {
                return null;
            }

            return LoadFromAssemblyPath(candidate);
        }

        private static Dictionary<string, Version> ReadFrameworkVersions()
        {
            var versions = new Dictionary<string, Version>(StringComparer.OrdinalIgnoreCase);
            var tpa = AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string;
            if (tpa is null)
            {
                return versions;
            }

            var runtimeDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location) ?? string.Empty;
            foreach (var path in tpa.Split(Path.PathSeparator))
            {
                // Only the shared framework counts: pwsh's own folder also sits on the TPA list and
                // carries assemblies (System.Management.Automation deps) we must not shadow either.
                var directory = Path.GetDirectoryName(path) ?? string.Empty;
                var isFramework = directory.StartsWith(runtimeDirectory, StringComparison.OrdinalIgnoreCase)
                    || directory.IndexOf(
                        Path.DirectorySeparatorChar + "shared" + Path.DirectorySeparatorChar,
                        StringComparison.OrdinalIgnoreCase) >= 0;
                try
                {
                    var name = AssemblyName.GetAssemblyName(path);
                    if (name.Name != null && name.Version != null && (isFramework || !versions.ContainsKey(name.Name)))
                    {
                        versions[name.Name] = name.Version;
                    }
                }
                catch (BadImageFormatException)
                {
                    // Native files can sit on the list; they are not ours to resolve.
                }
            }

            return versions;
        }
    }
}
