using System;
using System.Collections.Generic;
using System.Linq;
using FastTrack.Onboarding.Model.History;

namespace FastTrack.Onboarding.Engine.History
{
    /// <summary>The views Get-FastTrackHistory and the reports build from one tenant's run documents (oldest first).</summary>
    public static class HistoryViews
    {
        public static HistoryProgress Progress(IReadOnlyList<HistoryDocument> runs, DateTimeOffset? since, RemediationPlan? plan)
        {
            var progress = ProgressCalculator.Compute(runs.Select(r => r.Report).ToList(), since, plan);
            // The burn-down points carry the run ids, so a point can be traced to its document.
            var points = progress.Points.Select((p, i) => p with { RunId = runs[i].Run.RunId }).ToList();
            return progress with { Points = points };
        }
    }
}
