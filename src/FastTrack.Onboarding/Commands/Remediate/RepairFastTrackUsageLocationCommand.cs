using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using FastTrack.Onboarding.Engine.Remediation;
using FastTrack.Onboarding.Engine.Snapshots;
using FastTrack.Onboarding.Infrastructure;
using FastTrack.Onboarding.Model.Remediation;

namespace FastTrack.Onboarding.Commands.Remediate
{
    /// <summary>
    /// Repair-FastTrackUsageLocation: sets a usage location on licensed users who have none. Lists
    /// every user it would change (-WhatIf), asks for each (-Confirm, ConfirmImpact High), writes
    /// one user at a time, reports each user's outcome and reads the users back afterwards.
    /// </summary>
    [Cmdlet(VerbsDiagnostic.Repair, "FastTrackUsageLocation", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(UsageLocationRepairResult))]
    public sealed class RepairFastTrackUsageLocationCommand : ConnectedCmdlet
    {
        /// <summary>ISO 3166-1 alpha-2 country code (US, GB, DE…).</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string? UsageLocation { get; set; }

        /// <summary>Only these users (UPN or object id); default every licensed user without a usage location.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [ValidateNotNullOrEmpty]
        public string[]? UserPrincipalName { get; set; }

        [Parameter]
        [ValidateRange(5, 600)]
        public int RequestTimeoutSeconds { get; set; } = 60;

        private readonly List<string> _only = new List<string>();

        protected override void ProcessRecord() => _only.AddRange(UserPrincipalName ?? new string[0]);

        protected override void EndProcessing()
        {
            string code;
            try
            {
                code = UsageLocationRepair.Validate(UsageLocation);
            }
            catch (Model.Errors.FastTrackException e)
            {
                ThrowTerminatingError(ErrorRecords.From(e));
                return;
            }

            var connection = ResolveConnection();
            var options = new Engine.Collection.CollectionOptions { RequestTimeout = TimeSpan.FromSeconds(RequestTimeoutSeconds) };
            var targets = RunEngine((log, ct) => UsageLocationRepair.FindTargetsAsync(connection.Session, _only, options, log, ct));
            var unknown = _only.Where(o =>
                !targets.Any(t =>
                    string.Equals(t.UserPrincipalName, o, StringComparison.OrdinalIgnoreCase)
                        || string.Equals(t.Id, o, StringComparison.OrdinalIgnoreCase)))
                .ToList();
            foreach (var name in unknown)
            {
                WriteWarning($"{name} is not a licensed user without a usage location; it is left alone.");
            }

            if (targets.Count == 0)
            {
                WriteVerboseSafely("Every licensed user already has a usage location: nothing to do.");
                return;
            }

            WriteVerboseSafely($"{targets.Count} licensed users have no usage location: "
                + $"{string.Join(", ", targets.Select(t => t.UserPrincipalName))}.");
            // ShouldProcess on the pipeline thread, one user at a time: -WhatIf lists exactly these users, -Confirm asks for each.
            var approved = new List<UserRecord>();
            foreach (var user in targets)
            {
                if (ShouldProcess($"{user.UserPrincipalName} ({user.Id})", $"Set usage location to {code}"))
                {
                    approved.Add(user);
                }
            }

            if (approved.Count == 0)
            {
                return;
            }

            try
            {
                UsageLocationRepair.EnsureWritePermission(connection.Session.Info);
            }
            catch (Model.Errors.FastTrackException e)
            {
                ThrowTerminatingError(ErrorRecords.From(e));
                return;
            }

            var results = RunEngine((log, ct) =>
                UsageLocationRepair.ApplyAsync(connection.Session, approved, code, options.RequestTimeout, log, ct));
            foreach (var result in results)
            {
                if (result.Outcome == RepairOutcome.Failed)
                {
                    WriteError(ErrorRecords.From(new Model.Errors.FastTrackException(
                        Model.Errors.ErrorIds.RepairFailed,
                        Model.Errors.FailureKind.InvalidOperation,
                        $"The usage location of {result.UserPrincipalName} was not set: {result.Error}",
                        "Fix the cause named above (permission, deleted user, synced attribute) and run the repair again for this user.",
                        targetObject: result.UserPrincipalName)));
                }

                WriteObject(result);
            }
        }
    }
}
