using System;
using System.IO;
using System.Linq;
using System.Reflection;

namespace FastTrack.Onboarding.Infrastructure
{
    /// <summary>
    /// Windows PowerShell 5.1 only: answers AssemblyResolve for assemblies that exist in our
    /// dependencies/ folder and nothing else, so we never hijack another module's resolution.
    /// </summary>
    internal static class DesktopResolver
    {
        private static readonly object Gate = new object();
        private static string? s_directory;

        public static void Register(string dependenciesDirectory)
        {
            lock (Gate)
            {
                if (s_directory != null)
                {
                    return;
                }

                s_directory = dependenciesDirectory;
                AppDomain.CurrentDomain.AssemblyResolve += Resolve;
            }
        }

        private static Assembly? Resolve(object? sender, ResolveEventArgs args)
        {
            var name = new AssemblyName(args.Name).Name;
            var directory = s_directory;
            if (name is null || directory is null)
            {
                return null;
            }

            var loaded = AppDomain.CurrentDomain.GetAssemblies()
                .FirstOrDefault(a => a.GetName().Name == name && a.Location.StartsWith(directory, StringComparison.OrdinalIgnoreCase));
            if (loaded != null)
            {
                return loaded;
            }

            var path = Path.Combine(directory, name + ".dll");
            return File.Exists(path) ? Assembly.LoadFrom(path) : null;
        }
    }
}
