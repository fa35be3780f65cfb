using System.Collections.Generic;

namespace FastTrack.Onboarding.Engine.Notifications
{
    /// <summary>
    /// One optional block of the summary: a title and label/value facts. Connectivity uses it today;
    /// a run-history progress view (resolved, new, regressed since the last review) is meant to add
    /// its own section the same way, without touching the card or mail builders.
    /// </summary>
    public sealed record SummarySection
    {
        public string Title { get; init; } = string.Empty;

        public IReadOnlyList<KeyValuePair<string, string>> Facts { get; init; } = new List<KeyValuePair<string, string>>();
    }
}
