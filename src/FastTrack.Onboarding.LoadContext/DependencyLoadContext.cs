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
        // Read on first need, not at import: scanning every platform assembly cost Import-Module tens of milliseconds.
        private readonly Lazy<Dictionary<string, List<string>>> _platformAssemblies =
            new Lazy<Dictionary<string, List<string>>>(ReadPlatformAssemblies);
        private readonly Dictionary<string, Version?> _frameworkVersions =
            new Dictionary<string, Version?>(StringComparer.OrdinalIgnoreCase);

        public DependencyLoadContext(string dependenciesDirectory, string sharedAssemblyPath)
            : base("FastTrack.Onboarding", isCollectible: false)
        {
            _dependenciesDirectory = dependenciesDirectory;
            _sharedAssemblyPath = sharedAssemblyPath;
            _sharedAssemblyName = Path.GetFileNameWithoutExtension(sharedAssemblyPath);
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

            if (PlatformVersion(name) is Version frameworkVersion
                && (assemblyName.Version is null || frameworkVersion >= assemblyName.Version))
            {
                return null;
            }

            return LoadFromAssemblyPath(candidate);
        }

        /// <summary>
        /// The platform's assemblies by simple name, framework ones first: file paths only (the list's file names are the
        /// assemblies' names). Import reads no file; a version is read only for a name a dependency also has.
        /// </summary>
        private static Dictionary<string, List<string>> ReadPlatformAssemblies()
        {
            var byName = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
            var tpa = AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string;
            if (tpa is null)
            {
                return byName;
            }

            var runtimeDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location) ?? string.Empty;
            foreach (var path in tpa.Split(Path.PathSeparator))
            {
                // The shared framework's copy comes first: pwsh's own folder also sits on the TPA list and
                // carries assemblies (System.Management.Automation deps) we must not shadow either.
                var directory = Path.GetDirectoryName(path) ?? string.Empty;
                var isFramework = directory.StartsWith(runtimeDirectory, StringComparison.OrdinalIgnoreCase)
                    || directory.IndexOf(
                        Path.DirectorySeparatorChar + "shared" + Path.DirectorySeparatorChar,
                        StringComparison.OrdinalIgnoreCase) >= 0;
                var name = Path.GetFileNameWithoutExtension(path);
                if (!byName.TryGetValue(name, out var paths))
                {
                    byName[name] = paths = new List<string>();
                }

                if (isFramework)
                {
                    paths.Insert(0, path);
                }
                else
                {
                    paths.Add(path);
                }
            }

            return byName;
        }

        /// <summary>The version the platform has of <paramref name="name"/> (a framework copy before any other), or null.</summary>
        private Version? PlatformVersion(string name)
        {
            lock (_frameworkVersions)
            {
                if (_frameworkVersions.TryGetValue(name, out var known))
                {
                    return known;
                }

                Version? version = null;
                if (_platformAssemblies.Value.TryGetValue(name, out var paths))
                {
                    foreach (var path in paths)
                    {
                        try
                        {
                            version = AssemblyName.GetAssemblyName(path).Version;
                            break;
                        }
                        catch (Exception e) when (e is BadImageFormatException || e is IOException)
                        {
                            // Native files can sit on the list; they are not ours to resolve.
                        }
                    }
                }

                _frameworkVersions[name] = version;
                return version;
            }
        }
    }
}
