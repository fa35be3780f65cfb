using FastTrack.Onboarding.Engine.Snapshots;
using FastTrack.Onboarding.Model.Assessment;
using FastTrack.Onboarding.Model.History;

namespace FastTrack.Onboarding.Engine.History
{
    /// <summary>One run as stored: provenance, the results, and optionally the snapshot they came from.</summary>
    public sealed class HistoryDocument
    {
        public const string FormatName = "FastTrack.Onboarding.History";
        public const int CurrentSchemaVersion = 1;

        public string Format { get; set; } = FormatName;
        public int SchemaVersion { get; set; } = CurrentSchemaVersion;
        public HistoryRun Run { get; set; } = new HistoryRun();
        public AssessmentReport Report { get; set; } = new AssessmentReport();
        public TenantSnapshot? Snapshot { get; set; }
    }
}
