using System;
using System.Collections.Generic;

namespace FastTrack.Onboarding.Model.History
{
    /// <summary>
    /// One recorded assessment run: who ran it, with which module and permissions, how long it took,
    /// which datasets failed, and where the document is kept. What Get-FastTrackHistory lists.
    /// </summary>
    public sealed record HistoryRun
    {
        /// <summary>Unique per run: the document name is built from it, so concurrent runs never collide.</summary>
        public string RunId { get; init; } = string.Empty;
        public string TenantId { get; init; } = string.Empty;
        public string? TenantName { get; init; }
        public DateTimeOffset StartedOn { get; init; }
        public DateTimeOffset CompletedOn { get; init; }
        public TimeSpan Duration { get; init; }

        /// <summary>The signed-in UPN, or the application (client) id for app-only and managed-identity runs.</summary>
        public string? RanBy { get; init; }

        /// <summary>"User" or "Application".</summary>
        public string RanByKind { get; init; } = "Application";
        public string ModuleVersion { get; init; } = string.Empty;
        public IReadOnlyList<string> PermissionsGranted { get; init; } = Array.Empty<string>();
        public IReadOnlyList<string> FailedDatasets { get; init; } = Array.Empty<string>();

        /// <summary>"Live" or "Snapshot".</summary>
        public string Source { get; init; } = "Live";
        public int ChecksAssessed { get; init; }
        public int ChecksOpen { get; init; }
        public bool HasSnapshot { get; init; }

        /// <summary>The document's name inside the history (relative path or blob name); never carries a SAS.</summary>
        public string DocumentName { get; init; } = string.Empty;

        public override string ToString() => $"{CompletedOn:u} {TenantName ?? TenantId} by {RanBy}";
    }
}
