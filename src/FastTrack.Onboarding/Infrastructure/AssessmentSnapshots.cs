using System.Runtime.CompilerServices;
using FastTrack.Onboarding.Engine.Snapshots;
using FastTrack.Onboarding.Model.Assessment;

namespace FastTrack.Onboarding.Infrastructure
{
    /// <summary>
    /// Remembers which snapshot each assessment object was evaluated from, so cmdlets that take an
    /// assessment (DNS, comparison, reports) reach its data without the snapshot type appearing in
    /// PowerShell. Weak: an assessment the user drops releases its snapshot.
    /// </summary>
    internal static class AssessmentSnapshots
    {
        private static readonly ConditionalWeakTable<AssessmentReport, TenantSnapshot> Table =
            new ConditionalWeakTable<AssessmentReport, TenantSnapshot>();

        /// <summary>Idempotent: a cmdlet may remember the same report again after a later step (acceptances) kept it unchanged.</summary>
        public static void Remember(AssessmentReport report, TenantSnapshot snapshot)
        {
            lock (Table)
            {
                Table.Remove(report);
                Table.Add(report, snapshot);
            }
        }

        public static TenantSnapshot? Find(AssessmentReport report) => Table.TryGetValue(report, out var snapshot) ? snapshot : null;
    }
}
