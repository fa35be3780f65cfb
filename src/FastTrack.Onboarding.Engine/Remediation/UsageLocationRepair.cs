using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using FastTrack.Onboarding.Engine.Collection;
using FastTrack.Onboarding.Engine.Connections;
using FastTrack.Onboarding.Engine.Diagnostics;
using FastTrack.Onboarding.Engine.Snapshots;
using FastTrack.Onboarding.Model.Connections;
using FastTrack.Onboarding.Model.Errors;
using FastTrack.Onboarding.Model.Remediation;

namespace FastTrack.Onboarding.Engine.Remediation
{
    /// <summary>
    /// The one safe fix: give licensed users who lack it a usage location. Read the users, let the
    /// caller approve each one (ShouldProcess lives in the cmdlet), PATCH users/{id} one by one, in order, so a
    /// failure touches only its user, then read every written user back to prove the change.
    /// </summary>
    public static class UsageLocationRepair
    {
        public const string InvalidUsageLocation = ErrorIds.InvalidUsageLocation;
        public const string WritePermissionMissing = ErrorIds.WritePermissionMissing;
        public const string UsersUnreadable = ErrorIds.UsersUnreadable;
        private static readonly string[] WritePermissions =
            { "User.ReadWrite.All", "Directory.ReadWrite.All", "Directory.AccessAsUser.All" };
        private static readonly HttpMethod Patch = new HttpMethod("PATCH");

        /// <summary>The code in upper case, or a FastTrackException saying what is wrong.</summary>
        public static string Validate(string? code)
        {
            var value = (code ?? string.Empty).Trim().ToUpperInvariant();
            if (!CountryCodes.IsValid(value))
            {
                throw new FastTrackException(InvalidUsageLocation, FailureKind.InvalidArgument,
                    $"'{code}' is not an ISO 3166-1 alpha-2 country code.",
                    "Pass a two-letter country code such as US, GB, DE or FR (the country where the users use the services).",
                    targetObject: code);
            }

            return value;
        }

        public static void EnsureWritePermission(ConnectionInfo info)
        {
            if (!info.GrantedPermissions.Any(p => WritePermissions.Contains(p, StringComparer.OrdinalIgnoreCase)))
            {
                throw new FastTrackException(WritePermissionMissing, FailureKind.PermissionDenied,
                    $"The connection's token does not carry User.ReadWrite.All (it has: {string.Join(", ", info.GrantedPermissions)}).",
                    "Grant User.ReadWrite.All (application or delegated, with admin consent), connect again, and rerun; "
                        + "nothing was changed.");
            }
        }

        /// <summary>Licensed users without a usage location, optionally only those named.</summary>
        public static async Task<IReadOnlyList<UserRecord>> FindTargetsAsync(
            TenantSession session,
            IReadOnlyCollection<string> only,
            CollectionOptions options,
            IEngineLog log,
            CancellationToken cancellationToken)
        {
            var snapshot = await GraphCollector.CollectAsync(
                session, new[] { DatasetCatalog.Get(DatasetIds.Users) }, options, log, null, cancellationToken).ConfigureAwait(false);
            var users = snapshot.Datasets[DatasetIds.Users];
            if (users.State == DatasetState.Failed)
            {
                throw new FastTrackException(
                    UsersUnreadable,
                    users.Failure!.Reason == Model.Assessment.NotAssessedReason.MissingPermission
                        ? FailureKind.PermissionDenied
                        : FailureKind.ResourceUnavailable,
                    $"The users could not be read: {users.Failure.Message}",
                    users.Failure.Permission != null ? $"Grant {users.Failure.Permission} and run again." : "Run again later.");
            }

            return Targets(snapshot.Users ?? new List<UserRecord>(), only);
        }

        public static IReadOnlyList<UserRecord> Targets(IEnumerable<UserRecord> users, IReadOnlyCollection<string> only) =>
            users.Where(u => u.IsLicensed && string.IsNullOrEmpty(u.UsageLocation))
                .Where(u => only.Count == 0
                    || only.Contains(u.UserPrincipalName ?? string.Empty, StringComparer.OrdinalIgnoreCase)
                    || only.Contains(u.Id, StringComparer.OrdinalIgnoreCase))
                .OrderBy(u => u.UserPrincipalName, StringComparer.OrdinalIgnoreCase)
                .ToList();

        /// <summary>
        /// Writes the approved users one by one, in the order given, then reads each back. One result per user
        /// whatever happens to the others: a failure of any kind (refused, timed out, an answer that is not JSON)
        /// is that user's result, never the end of the run. Only the caller's cancellation stops it.
        /// </summary>
        public static async Task<IReadOnlyList<UsageLocationRepairResult>> ApplyAsync(
            TenantSession session,
            IReadOnlyList<UserRecord> approved,
            string code,
            TimeSpan requestTimeout,
            IEngineLog log,
            CancellationToken cancellationToken)
        {
            var http = new GraphHttp(session.RawHttp, session.GraphRoot, requestTimeout, 1, log);
            var body = "{\"usageLocation\":\"" + code + "\"}";
            var writes = new List<(UserRecord User, string? Error, bool Answered)>(approved.Count);
            foreach (var user in approved)
            {
                try
                {
                    await http.SendAsync(
                        Patch,
                        http.Url(ApiVersion.V1, "users/" + Uri.EscapeDataString(user.Id)),
                        null,
                        body,
                        _ => true,
                        cancellationToken).ConfigureAwait(false);
                    log.Verbose($"Set usage location {code} on {user.UserPrincipalName}.");
                    writes.Add((user, null, true));
                }
                catch (JsonException)
                {
                    // Graph accepted the write (2xx) but its answer is not JSON: the read-back decides whether it took.
                    log.Warning($"Graph's answer to the usage location write of {user.UserPrincipalName} is not JSON; "
                        + "reading the user back to check it.");
                    writes.Add((user, "Graph's answer to the write was not JSON", true));
                }
                catch (Exception e) when (!(e is OperationCanceledException && cancellationToken.IsCancellationRequested))
                {
                    var error = Describe(e);
                    log.Warning($"Could not set the usage location of {user.UserPrincipalName}: {error}");
                    writes.Add((user, error, false));
                }
            }

            // Read back every user, written or not: the result shows the state Graph now holds.
            var results = new List<UsageLocationRepairResult>(writes.Count);
            foreach (var w in writes)
            {
                string? after = null;
                string? readError = null;
                try
                {
                    after = await http.GetJsonAsync(
                        http.Url(ApiVersion.V1, $"users/{Uri.EscapeDataString(w.User.Id)}?$select=id,usageLocation"),
                        null,
                        d => d.RootElement.ValueKind == JsonValueKind.Object
                            && d.RootElement.TryGetProperty("usageLocation", out var v)
                            && v.ValueKind == JsonValueKind.String
                            ? v.GetString()
                            : null,
                        cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e) when (!(e is OperationCanceledException && cancellationToken.IsCancellationRequested))
                {
                    readError = "re-read failed: " + Describe(e);
                }

                var confirmed = string.Equals(after, code, StringComparison.Ordinal);
                var outcome = confirmed && (w.Error == null || w.Answered) ? RepairOutcome.Updated
                    : w.Error != null ? RepairOutcome.Failed
                    : RepairOutcome.NotVerified;
                results.Add(new UsageLocationRepairResult
                {
                    UserId = w.User.Id,
                    UserPrincipalName = w.User.UserPrincipalName,
                    Before = w.User.UsageLocation,
                    Requested = code,
                    After = after,
                    Outcome = outcome,
                    Error = confirmed && w.Answered ? null : w.Error ?? readError,
                });
            }

            return results;
        }

        private static string Describe(Exception e) => e switch
        {
            GraphReadException g => $"{g.Status} {g.Code}: {g.Message}",
            JsonException _ => "Graph's answer was not JSON",
            _ => e.Message,
        };
    }
}
