using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using FastTrack.Onboarding.Engine.History;
using FastTrack.Onboarding.Infrastructure;
using FastTrack.Onboarding.Model.Errors;
using FastTrack.Onboarding.Model.History;

namespace FastTrack.Onboarding.Commands.History
{
    /// <summary>
    /// Set-FastTrackRemediationPlan: the timeline agreed in Assess (start, review cadence, target date,
    /// owners per area, earlier due dates per area or check), kept with the tenant's history.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "FastTrackRemediationPlan", SupportsShouldProcess = true)]
    [OutputType(typeof(RemediationPlan))]
    public sealed class SetFastTrackRemediationPlanCommand : ConnectedCmdlet
    {
        /// <summary>The history: a folder or a blob container URL. Default: Set-FastTrackHistoryDefault's location.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? HistoryPath { get; set; }

        /// <summary>The tenant the plan is for. Default: the connected tenant.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? TenantId { get; set; }

        /// <summary>The first review call; later ones follow every -Cadence from it.</summary>
        [Parameter(Mandatory = true)]
        public DateTimeOffset StartOn { get; set; }

        /// <summary>When every item should be remediated.</summary>
        [Parameter(Mandatory = true)]
        public DateTimeOffset TargetDate { get; set; }

        [Parameter]
        public ReviewCadence Cadence { get; set; } = ReviewCadence.Weekly;

        /// <summary>Area to owner, e.g. @{ Identity = 'Alex Wilber'; Administration = 'Megan Bowen' }.</summary>
        [Parameter]
        public Hashtable? AreaOwner { get; set; }

        /// <summary>Area or check id to an earlier due date, e.g. @{ 'FT-ASSESS-ID-01' = '2026-12-01' }.</summary>
        [Parameter]
        public Hashtable? DueDate { get; set; }

        protected override void ProcessRecord()
        {
            var connection = TryResolveConnection();
            var tenant = TenantId ?? connection?.TenantId;
            try
            {
                if (tenant == null)
                {
                    throw new FastTrackException(
                        ErrorIds.RemediationPlanInvalid,
                        FailureKind.InvalidArgument,
                        "No tenant for the plan.",
                        "Pass -TenantId, or connect with Connect-FastTrackTenant first.");
                }

                if (TargetDate <= StartOn)
                {
                    throw new FastTrackException(
                        ErrorIds.RemediationPlanInvalid,
                        FailureKind.InvalidArgument,
                        $"-TargetDate {TargetDate:yyyy-MM-dd} is not after -StartOn {StartOn:yyyy-MM-dd}.",
                        "Pass a target date after the start.",
                        targetObject: TargetDate);
                }

                var plan = new RemediationPlan
                {
                    TenantId = tenant,
                    StartOn = StartOn,
                    Cadence = Cadence,
                    TargetDate = TargetDate,
                    Owners = Strings(AreaOwner),
                    DueDates = Dates(DueDate),
                    UpdatedOn = DateTimeOffset.UtcNow,
                };
                var store = HistoryAccess.Open(this, HistoryAccess.Require(HistoryPath), connection);
                if (ShouldProcess($"{store.DisplayLocation} ({tenant})", "Save the remediation plan"))
                {
                    RunEngine(async (log, ct) =>
                    {
                        await RemediationPlanStore.WriteAsync(store, plan, ct).ConfigureAwait(false);
                        return true;
                    });
                    WriteObject(plan);
                }
            }
            catch (FastTrackException e)
            {
                ThrowTerminatingError(ErrorRecords.From(e));
            }
        }

        private static Dictionary<string, string> Strings(Hashtable? table)
        {
            var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (DictionaryEntry entry in table ?? new Hashtable())
            {
                map[entry.Key.ToString()!] = entry.Value?.ToString() ?? string.Empty;
            }

            return map;
        }

        private static Dictionary<string, DateTimeOffset> Dates(Hashtable? table)
        {
            var map = new Dictionary<string, DateTimeOffset>(StringComparer.OrdinalIgnoreCase);
            foreach (DictionaryEntry entry in table ?? new Hashtable())
            {
                var value = entry.Value is PSObject wrapped ? wrapped.BaseObject : entry.Value;
                map[entry.Key.ToString()!] = value switch
                {
                    DateTimeOffset d => d,
                    DateTime d => new DateTimeOffset(d),
                    string s when DateTimeOffset.TryParse(
                        s,
                        System.Globalization.CultureInfo.InvariantCulture,
                        System.Globalization.DateTimeStyles.AssumeUniversal,
                        out var parsed) => parsed,
                    _ => throw new FastTrackException(
                        ErrorIds.RemediationPlanInvalid,
                        FailureKind.InvalidArgument,
                        $"-DueDate for '{entry.Key}' is not a date.",
                        "Pass dates as [datetime] or 'yyyy-MM-dd'.",
                        targetObject: entry.Key),
                };
            }

            return map;
        }
    }
}
