using System;
using System.IO;
using System.Reflection;

namespace FastTrack.Onboarding.Engine.Connectivity
{
    /// <summary>Reads the data files under Connectivity/Data that are embedded in the engine assembly.</summary>
    internal static class EmbeddedData
    {
        public static string Read(string fileName)
        {
            var assembly = typeof(EmbeddedData).GetTypeInfo().Assembly;
            var name = "FastTrack.Onboarding.Engine.Connectivity.Data." + fileName;
            using var stream = assembly.GetManifestResourceStream(name)
                ?? throw new InvalidOperationException($"Embedded data file '{name}' is missing from the engine assembly.");
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }
    }
}
