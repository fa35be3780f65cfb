using System.Collections.Generic;

namespace FastTrack.Onboarding.Engine.Checks
{
    /// <summary>Short-hand for the Figures dictionary of a verdict: the numbers behind the evidence sentence.</summary>
    internal static class Facts
    {
        public static IReadOnlyDictionary<string, object?> Of(params (string Name, object? Value)[] figures)
        {
            var dictionary = new Dictionary<string, object?>();
            foreach (var (name, value) in figures)
            {
                dictionary[name] = value;
            }

            return dictionary;
        }

        /// <summary>"1 domain", "3 domains": evidence is read by people.</summary>
        public static string Count(int count, string noun, string? plural = null) =>
            count == 1 ? $"1 {noun}" : $"{count} {plural ?? noun + "s"}";
    }
}
