using System.Collections.Generic;
using System.Linq;

namespace FastTrack.Onboarding.Engine.Checks
{
    /// <summary>
    /// The first <see cref="Limit"/> names a fold meets and how many it met: the bounded stand-in (issue #14) for a
    /// figure that used to list every match, so a fold's state does not grow with the tenant.
    /// </summary>
    public sealed class NameSample
    {
        public const int Limit = 20;

        private readonly List<string?> _names = new List<string?>();

        /// <summary>How many names were offered, kept or not.</summary>
        public int Count { get; private set; }

        public IReadOnlyList<string?> Names => _names;

        public void Add(string? name)
        {
            Count++;
            if (_names.Count < Limit)
            {
                _names.Add(name);
            }
        }

        public List<string?> ToList() => _names.ToList();

        /// <summary>"; the figures list the first 20 of the 56 …" when names were left out, else empty.</summary>
        public string Note(string what) =>
            Count > _names.Count ? $"; the figures list the first {_names.Count} of the {Count} {what}" : string.Empty;
    }
}
