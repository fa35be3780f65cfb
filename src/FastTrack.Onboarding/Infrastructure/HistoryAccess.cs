using System.Management.Automation;
using FastTrack.Onboarding.Engine.History;
using FastTrack.Onboarding.Model.Errors;

namespace FastTrack.Onboarding.Infrastructure
{
    /// <summary>
    /// -HistoryPath as the cmdlets take it: the value given, else the per-user default
    /// (Set-FastTrackHistoryDefault); a folder is resolved against the current location, a blob URL
    /// is opened with its SAS or with the connection's credential.
    /// </summary>
    internal static class HistoryAccess
    {
        /// <summary>The location to use, or null when none was given and no default is set.</summary>
        internal static string? Choose(string? explicitPath) =>
            string.IsNullOrWhiteSpace(explicitPath) ? HistoryDefaults.Read() : explicitPath;

        internal static string Resolve(PSCmdlet cmdlet, string location) =>
            HistoryLocation.IsBlobUrl(location) ? location : cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath(location);

        internal static IHistoryStore Open(PSCmdlet cmdlet, string location, FastTrackConnection? connection) =>
            HistoryLocation.OpenForSession(Resolve(cmdlet, location), connection?.Session);

        /// <summary>The location the cmdlet must have: given or defaulted, else a clear error.</summary>
        internal static string Require(string? explicitPath) =>
            Choose(explicitPath) ?? throw new FastTrackException(ErrorIds.HistoryNotConfigured, FailureKind.InvalidArgument,
                "No history location: -HistoryPath was not given and no default is set.",
                "Pass -HistoryPath <folder or https://<account>.blob.core.windows.net/<container>>, "
                    + "or set a default once with Set-FastTrackHistoryDefault.");

        /// <summary>The tenant's remediation plan from the history; a missing plan is an error naming the cmdlet that sets it.</summary>
        internal static Model.History.RemediationPlan RequirePlan(FastTrackCmdlet cmdlet, IHistoryStore store, string tenantId)
        {
            var plan = cmdlet.RunEngine((log, ct) => RemediationPlanStore.ReadAsync(store, tenantId, ct));
            return plan ?? throw new FastTrackException(
                ErrorIds.RemediationPlanMissing,
                FailureKind.ObjectNotFound,
                $"No remediation plan for tenant {tenantId} in {store.DisplayLocation}.",
                "Agree the timeline and record it with Set-FastTrackRemediationPlan -StartOn "
                    + "<date> -TargetDate <date> -Cadence Weekly -Owner @{ Identity = '<name>' }.",
                targetObject: tenantId);
        }

        /// <summary>A skipped document as a non-terminating error: its own id, the document as target, nothing deleted.</summary>
        internal static ErrorRecord Problem(Model.History.HistoryProblem problem) =>
            ErrorRecords.From(new FastTrackException(
                problem.ErrorId,
                FailureKind.InvalidData,
                problem.Message,
                problem.RecommendedAction,
                targetObject: problem.DocumentName));
    }
}
