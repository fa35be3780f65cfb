using System;
using System.IO;
using System.Reflection;
using System.Runtime.Loader;

namespace FastTrack.Onboarding.LoadContext
{
    /// <summary>
    /// Called once by the cmdlet assembly on import (through reflection, because the cmdlets target
    /// netstandard2.0 and cannot name AssemblyLoadContext). Hooks the default context's Resolving
    /// event so that the first use of the engine loads it, and everything it needs, privately.
    /// </summary>
    public static class ModuleLoadContextBridge
    {
        private const string EngineAssemblyName = "FastTrack.Onboarding.Engine";

        // Process-wide by necessity: a module may be imported into many runspaces, but the runtime
        // can only bind the engine once, so one load context serves them all.
        private static readonly object Gate = new object();
        private static DependencyLoadContext? s_context;

        public static void Initialize(string dependenciesDirectory, string sharedAssemblyPath)
        {
            lock (Gate)
            {
                if (s_context != null)
                {
                    return;
                }

                s_context = new DependencyLoadContext(dependenciesDirectory, sharedAssemblyPath);
                AssemblyLoadContext.Default.Resolving += ResolveEngine;
            }
        }

        /// <summary>The context the engine lives in; null before import. For diagnostics and tests.</summary>
        public static string? DescribeEngineContext()
        {
            var engine = Array.Find(AppDomain.CurrentDomain.GetAssemblies(), a => a.GetName().Name == EngineAssemblyName);
            return engine is null ? null : AssemblyLoadContext.GetLoadContext(engine)?.Name;
        }

        private static Assembly? ResolveEngine(AssemblyLoadContext defaultContext, AssemblyName name)
        {
            var context = s_context;
            if (context is null || !string.Equals(name.Name, EngineAssemblyName, StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            // By path, not by name: LoadFromAssemblyName would fall back to the default context when
            // the file is missing, which raises this very event again (unbounded recursion).
            var path = Path.Combine(context.DependenciesDirectory, EngineAssemblyName + ".dll");
            return File.Exists(path) ? context.LoadFromAssemblyPath(path) : null;
        }
    }
}
