using System;
using System.Collections.Generic;
using FastTrack.Onboarding.Model.Assessment;

namespace FastTrack.Onboarding.Engine.Checks.Inputs
{
    /// <summary>The eligible services the customer onboards (Initiate: "define which eligible services"); empty = all.</summary>
    public sealed record ServiceScope
    {
        /// <summary>No workload named: every workload is in scope.</summary>
        public static ServiceScope All { get; } = new ServiceScope();

        public IReadOnlyList<FastTrackWorkload> Workloads { get; init; } = Array.Empty<FastTrackWorkload>();

        public bool Includes(FastTrackWorkload workload) => Workloads.Count == 0 || System.Linq.Enumerable.Contains(Workloads, workload);
    }
}
