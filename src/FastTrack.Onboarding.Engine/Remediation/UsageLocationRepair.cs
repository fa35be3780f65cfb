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
    /// caller approve each one (ShouldProcess lives in the cmdlet), PATCH users/{id} one by one so a
    /// failure touches only its user, then read every written user back to prove the change.
    /// </summary>
    public static class UsageLocationRepair
    {
        public const string InvalidUsageLocation = "FastTrack.InvalidUsageLocation";
        public const string WritePermissionMissing = "FastTrack.WritePermissionMissing";
        public const string UsersUnreadable = "FastTrack.UsersUnreadable";
        private static readonly string[] WritePermissions = { "User.ReadWrite.All", "Directory.ReadWrite.All", "Directory.AccessAsUser.All" };
        private static readonly HttpMethod Patch = new HttpMethod("PATCH");

        /// <summary>The code in upper case, or a FastTrackException saying what is wrong.</summary>
        public static string Validate(string? code)
        {
            var value = (code ?? string.Empty).Trim().ToUpperInvariant();
            if (!CountryCodes.IsValid(value))
            {
                throw new FastTrackException(InvalidUsageLocation, FailureKind.InvalidArgument, $"'{code}' is not an ISO 3166-1 alpha-2 country code.",
                    "Pass a two-letter country code such as US, GB, DE or FR (the country where the users use the services).", targetObject: code);
            }

            return value;
        }

        public static void EnsureWritePermission(ConnectionInfo info)
        {
            if (!info.GrantedPermissions.Any(p => WritePermissions.Contains(p, StringComparer.OrdinalIgnoreCase)))
            {
                throw new FastTrackException(WritePermissionMissing, FailureKind.PermissionDenied,
                    $"The connection's token does not carry User.ReadWrite.All (it has: {string.Join(", ", info.GrantedPermissions)}).",
                    "Grant User.ReadWrite.All (application or delegated, with admin consent), connect again, and rerun; nothing was changed.");
            }
        }

        /// <summary>Licensed users without a usage location, optionally only those named.</summary>
        public static async Task<IReadOnlyList<UserRecord>> FindTargetsAsync(TenantSession session, IReadOnlyCollection<string> only, CollectionOptions options, IEngineLog log, CancellationToken cancellationToken)
        {
            var snapshot = await GraphCollector.CollectAsync(session, new[] { DatasetCatalog.Get(DatasetIds.Users) }, options, log, null, cancellationToken).ConfigureAwait(false);
            var users = snapshot.Datasets[DatasetIds.Users];
            if (users.State == DatasetState.Failed)
            {
                throw new FastTrackException(UsersUnreadable, users.Failure!.Reason == Model.Assessment.NotAssessedReason.MissingPermission ? FailureKind.PermissionDenied : FailureKind.ResourceUnavailable,
                    $"The users could not be read: {users.Failure.Message}", users.Failure.Permission != null ? $"Grant {users.Failure.Permission} and run again." : "Run again later.");
            }

            return Targets(snapshot.Users ?? new List<UserRecord>(), only);
        }

        public static IReadOnlyList<UserRecord> Targets(IEnumerable<UserRecord> users, IReadOnlyCollection<string> only) =>
            users.Where(u => u.IsLicensed && string.IsNullOrEmpty(u.UsageLocation))
                .Where(u => only.Count == 0 || only.Contains(u.UserPrincipalName ?? string.Empty, StringComparer.OrdinalIgnoreCase) || only.Contains(u.Id, StringComparer.OrdinalIgnoreCase))
                .OrderBy(u => u.UserPrincipalName, StringComparer.OrdinalIgnoreCase)
                .ToList();

        /// <summary>Writes the approved users, then reads each back. One result per user, failures included.</summary>
        public static async Task<IReadOnlyList<UsageLocationRepairResult>> ApplyAsync(TenantSession session, IReadOnlyList<UserRecord> approved, string code,
            TimeSpan requestTimeout, IEngineLog log, CancellationToken cancellationToken)
        {
            var http = new GraphHttp(session.RawHttp, session.GraphRoot, requestTimeout, 4, log);
            var body = "{\"usageLocation\":\"" + code + "\"}";
            var writes = await Task.WhenAll(approved.Select(async user =>
            {
                try
                {
                    await http.SendAsync(Patch, http.Url(ApiVersion.V1, "users/" + Uri.EscapeDataString(user.Id)), null, body, _ => true, cancellationToken).ConfigureAwait(false);
                    log.Verbose($"Set usage location {code} on {user.UserPrincipalName}.");
                    return (User: user, Error: (string?)null);
                }
                catch (Exception e) when (e is GraphReadException || e is HttpRequestException || e is TimeoutException)
                {
                    var error = e is GraphReadException g ? $"{g.Status} {g.Code}: {g.Message}" : e.Message;
                    log.Warning($"Could not set the usage location of {user.UserPrincipalName}: {error}");
                    return (User: user, Error: error);
                }
            })).ConfigureAwait(false);

            // Read back every user, written or not: the result shows the state Graph now holds.
            var results = await Task.WhenAll(writes.Select(async w =>
            {
                string? after = null;
                string? readError = null;
                try
                {
                    after = await http.GetJsonAsync(http.Url(ApiVersion.V1, $"users/{Uri.EscapeDataString(w.User.Id)}?$select=id,usageLocation"), null,
                        d => d.RootElement.TryGetProperty("usageLocation", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e) when (e is GraphReadException || e is HttpRequestException || e is TimeoutException)
                {
                    readError = "re-read failed: " + e.Message;
                }

                var outcome = w.Error != null ? RepairOutcome.Failed : string.Equals(after, code, StringComparison.Ordinal) ? RepairOutcome.Updated : RepairOutcome.NotVerified;
                return new UsageLocationRepairResult
                {
                    UserId = w.User.Id,
                    UserPrincipalName = w.User.UserPrincipalName,
                    Before = w.User.UsageLocation,
                    Requested = code,
                    After = after,
                    Outcome = outcome,
                    Error = w.Error ?? readError,
                };
            })).ConfigureAwait(false);
            return results.ToList();
        }
    }
}
