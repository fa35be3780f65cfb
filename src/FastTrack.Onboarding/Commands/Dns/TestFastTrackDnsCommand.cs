using System;
using System.Management.Automation;
using FastTrack.Onboarding.Engine.Checks.Inputs;
using FastTrack.Onboarding.Engine.Collection;
using FastTrack.Onboarding.Engine.Dns;
using FastTrack.Onboarding.Infrastructure;
using FastTrack.Onboarding.Model.Assessment;
using FastTrack.Onboarding.Model.Dns;

namespace FastTrack.Onboarding.Commands.Dns
{
    /// <summary>
    /// Test-FastTrackDns: for each verified custom domain, the records Graph says it needs
    /// (serviceConfigurationRecords, for the services in scope) against what DNS really serves.
    /// </summary>
    [Cmdlet(VerbsDiagnostic.Test, "FastTrackDns", DefaultParameterSetName = LiveSet)]
    [OutputType(typeof(DnsRecordResult))]
    public sealed class TestFastTrackDnsCommand : TenantDataCmdlet
    {
        /// <summary>Only these domains (default: every verified custom domain).</summary>
        [Parameter(Position = 0, ValueFromPipeline = true)]
        [ValidateNotNullOrEmpty]
        public string[]? Domain { get; set; }

        /// <summary>The eligible services (workloads) to onboard; default all.
        /// Named -Service in earlier versions (see the README changelog).</summary>
        [Parameter]
        public FastTrackWorkload[]? Workload { get; set; }

        /// <summary>host[:port] of the DNS server to ask (default: the system resolver).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? DnsServer { get; set; }

        [Parameter]
        [ValidateRange(1, 30)]
        public int TimeoutSeconds { get; set; } = 3;

        private readonly System.Collections.Generic.List<string> _domains = new System.Collections.Generic.List<string>();

        // Domains may come down the pipeline one by one: gather them, then read Graph and query DNS once.
        protected override void ProcessRecord() => _domains.AddRange(Domain ?? new string[0]);

        protected override void EndProcessing()
        {
            var server = DnsServer is null ? null : Guard(() => DnsServerAddress.Parse(DnsServer));
            var snapshot = ReadSnapshot(
                new[] { DatasetIds.Domains, DatasetIds.DomainServiceRecords },
                "Reading domains and their service records");
            var expected = Guard(() =>
                DnsValidator.ExpectedRecords(snapshot, new ServiceScope { Workloads = Workload ?? new FastTrackWorkload[0] }, _domains));
            if (expected.Count == 0)
            {
                var custom = DnsValidator.CustomDomains(snapshot);
                WriteWarning(custom.Count == 0
                    ? "The tenant has no verified custom domain: Microsoft serves the DNS of its *.onmicrosoft.com "
                        + "domain, so there is nothing to test. Add and verify your domain first."
                    : $"No expected service record matched (domains {string.Join(", ", custom)}; -Domain and -Workload narrow the set).");
                return;
            }

            var lookup = new DnsLookup(server, TimeSpan.FromSeconds(TimeoutSeconds), 1);
            WriteVerboseSafely($"Querying {expected.Count} records at {lookup.Server}.");
            var results = RunEngine((log, ct) => DnsValidator.TestAsync(expected, lookup, 8, ct));
            WriteObject(results, enumerateCollection: true);
        }
    }
}
