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
    }
}
