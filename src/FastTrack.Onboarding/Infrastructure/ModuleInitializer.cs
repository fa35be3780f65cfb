using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using System.Runtime.InteropServices;

namespace FastTrack.Onboarding.Infrastructure
{
    /// <summary>
    /// Runs when the module is imported: arranges for the engine and its packages to load from
    /// dependencies/ without touching whatever versions other modules already loaded.
    /// PowerShell 7: a private AssemblyLoadContext (FastTrack.Onboarding.LoadContext.dll, net8.0,
    /// loaded by reflection because this assembly is netstandard2.0).
    /// Windows PowerShell 5.1: a narrow AssemblyResolve for files that exist in dependencies/ —
    /// best effort, .NET Framework has no load contexts.
    /// </summary>
    public sealed class ModuleInitializer : IModuleAssemblyInitializer
    {
        private const string LoadContextAssemblyFile = "FastTrack.Onboarding.LoadContext.dll";

        public void OnImport()
        {
            var moduleDirectory = Path.GetDirectoryName(typeof(ModuleInitializer).Assembly.Location) ?? ".";
            var dependencies = Path.Combine(moduleDirectory, "dependencies");
            var modelPath = Path.Combine(moduleDirectory, "FastTrack.Onboarding.Model.dll");

            if (IsNetFramework())
            {
                DesktopResolver.Register(dependencies);
                return;
            }

            var bridgePath = Path.Combine(moduleDirectory, LoadContextAssemblyFile);
            if (!File.Exists(bridgePath))
            {
                throw new FileNotFoundException(
                    $"The module is incomplete: {LoadContextAssemblyFile} is missing beside the cmdlets. Reinstall the module.",
                    bridgePath);
            }

            var bridge = Assembly.LoadFrom(bridgePath)
                .GetType("FastTrack.Onboarding.LoadContext.ModuleLoadContextBridge", throwOnError: true)!;
            bridge.GetMethod("Initialize", BindingFlags.Public | BindingFlags.Static)!
                .Invoke(null, new object[] { dependencies, modelPath });
        }

        private static bool IsNetFramework() =>
            RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.OrdinalIgnoreCase);
    }
}
