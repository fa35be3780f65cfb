using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FastTrack.Onboarding.Engine.Checks.Inputs;
using FastTrack.Onboarding.Engine.Collection;
using FastTrack.Onboarding.Engine.Eligibility;
using FastTrack.Onboarding.Engine.Snapshots;
using FastTrack.Onboarding.Model.Dns;
using FastTrack.Onboarding.Model.Errors;

namespace FastTrack.Onboarding.Engine.Dns
{
    /// <summary>
    /// Test-FastTrackDns: for every verified custom domain, the records Graph says it needs for the
    /// services in scope, each against what DNS serves. Initial (*.onmicrosoft.com) domains are
    /// skipped: Microsoft serves their DNS.
    /// </summary>
    public static class DnsValidator
    {
        /// <summary>The expected records in a snapshot, for the services in scope and (optionally) the named domains.</summary>
        public static IReadOnlyList<ExpectedDnsRecord> ExpectedRecords(
            TenantSnapshot snapshot,
            ServiceScope scope,
            IReadOnlyCollection<string> domains)
        {
            var domainData = Read(snapshot, DatasetIds.Domains);
            var records = Read(snapshot, DatasetIds.DomainServiceRecords);
            var custom = domainData.Value is System.Text.Json.JsonElement list && list.ValueKind == System.Text.Json.JsonValueKind.Array
                ? list.EnumerateArray()
                    .Where(d => d.Bool("isVerified") == true && d.Bool("isInitial") != true)
                    .Select(d => d.Text("id")!)
                    .Where(d => d != null)
                    .ToList()
                : new List<string>();
            var wanted = domains.Count == 0 ? custom : custom.Where(d => domains.Contains(d, StringComparer.OrdinalIgnoreCase)).ToList();
            var perItem = records.PerItem ?? new Dictionary<string, System.Text.Json.JsonElement>();
            return wanted
                .SelectMany(d => perItem.TryGetValue(d, out var r) ? ExpectedDnsRecord.FromGraph(d, r) : Array.Empty<ExpectedDnsRecord>())
                .Where(r => EligiblePlanList.Current.WorkloadOfDnsService(r.SupportedService) is not { } w || scope.Includes(w))
                .ToList();
        }

        /// <summary>Verified custom domains in the snapshot (not *.onmicrosoft.com).</summary>
        public static IReadOnlyList<string> CustomDomains(TenantSnapshot snapshot)
        {
            var data = Read(snapshot, DatasetIds.Domains);
            return data.Value is System.Text.Json.JsonElement list && list.ValueKind == System.Text.Json.JsonValueKind.Array
                ? list.EnumerateArray()
                    .Where(d => d.Bool("isVerified") == true && d.Bool("isInitial") != true)
                    .Select(d => d.Text("id") ?? string.Empty)
                    .ToList()
                : new List<string>();
        }

        public static async Task<IReadOnlyList<DnsRecordResult>> TestAsync(
            IReadOnlyList<ExpectedDnsRecord> expected,
            DnsLookup lookup,
            int maxParallel,
            CancellationToken cancellationToken)
        {
            using var gate = new SemaphoreSlim(Math.Max(1, maxParallel));
            var tasks = expected.Select(async record =>
            {
                await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    var answer = await lookup.QueryAsync(record.QueryName, record.Type, cancellationToken).ConfigureAwait(false);
                    return DnsRecordComparer.Compare(record, answer, lookup.Server);
                }
                finally
                {
                    gate.Release();
                }
            }).ToList();
            return await Task.WhenAll(tasks).ConfigureAwait(false);
        }

        private static DatasetData Read(TenantSnapshot snapshot, string id)
        {
            if (!snapshot.Datasets.TryGetValue(id, out var data))
            {
                throw new FastTrackException(ErrorIds.DnsDataMissing, FailureKind.InvalidData, $"The snapshot has no '{id}' data.",
                    "Collect a snapshot that includes the Assess phase (Invoke-FastTrackAssessment -Phase Assess -SnapshotPath …).");
            }

            if (data.State == DatasetState.Failed)
            {
                var failure = data.Failure!;
                throw new FastTrackException(
                    ErrorIds.DnsDataUnreadable,
                    failure.Reason == Model.Assessment.NotAssessedReason.MissingPermission
                        ? FailureKind.PermissionDenied
                        : FailureKind.ResourceUnavailable,
                    $"The domains' expected DNS records could not be read from Graph: {failure.Message}",
                    failure.Permission != null
                        ? $"Grant {failure.Permission} and run again."
                        : "Run again; if it persists, check Microsoft 365 service health.");
            }

            return data;
        }
    }
}
