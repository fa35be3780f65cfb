using System;
using System.Collections.Generic;
using FastTrack.Onboarding.Model.History;

namespace FastTrack.Onboarding.Model.Reports
{
    /// <summary>
    /// What a report shows from the run history: the reported run's provenance, the progress across
    /// the tenant's runs up to it, the next review's agenda (when a plan is agreed) and the documents
    /// that were skipped. Built by the engine from what the history holds; nothing here is inferred.
    /// </summary>
    public sealed record ReportHistory
    {
        /// <summary>The history as shown to people (folder, or container URL without any SAS).</summary>
        public string Location { get; init; } = string.Empty;

        /// <summary>The reported assessment's own run record; null when that assessment is not in the history.</summary>
        public HistoryRun? Provenance { get; init; }

        /// <summary>Progress over the runs up to the reported one (the reported one included).</summary>
        public HistoryProgress Progress { get; init; } = new HistoryProgress();

        /// <summary>The review call's agenda; null when no remediation plan is stored with the history.</summary>
        public ReviewAgenda? Agenda { get; init; }

        /// <summary>Documents that could not be read; they were left in place.</summary>
        public IReadOnlyList<HistoryProblem> Skipped { get; init; } = Array.Empty<HistoryProblem>();
    }
}
