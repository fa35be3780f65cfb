using System;
using System.Linq;
using FastTrack.Onboarding.Engine.Checks.Inputs;
using FastTrack.Onboarding.Engine.Collection;
using FastTrack.Onboarding.Engine.Snapshots;
using FastTrack.Onboarding.Model.Assessment;

namespace FastTrack.Onboarding.Engine.Checks
{
    /// <summary>
    /// Enable phase. The tenant and Azure AD Premium sections repeat the
    /// network, DNS, sync, AD FS and SSO items: those rules live here once and both sections
    /// register them under their own ids.
    /// </summary>
    public static partial class EnablePhaseChecks
    {
        /// <summary>The last sync may be this old before it counts as stale (default cycle is 30 minutes).</summary>
        internal static readonly TimeSpan SyncFreshness = TimeSpan.FromHours(3);
        internal static readonly TimeSpan PasswordSyncFreshness = TimeSpan.FromHours(24);
        internal static readonly TimeSpan CertificateWarning = TimeSpan.FromDays(30);
        internal static readonly TimeSpan SignInWindow = TimeSpan.FromDays(7);

        internal const string ConnectivityCommand = "Test-FastTrackConnectivity";
        internal const string DnsCommand = "Test-FastTrackDns";

        internal static CheckVerdict InputRequired(string what, string command) => CheckVerdict.NotAssessed(NotAssessedReason.InputRequired,
            $"Microsoft Graph cannot see {what}; it is tested from the client network by {command}, whose result was not given.",
            $"Run on a client network: $r = {command}; then Get-EnablePhaseStatus "
                + $"-{(command == ConnectivityCommand ? "ConnectivityResult" : "DnsResult")} $r.");

        // No Graph API; judged from the TCP probes of Test-FastTrackConnectivity.
        internal static CheckVerdict FirewallPorts(CheckContext context)
        {
            var input = context.Inputs.Connectivity;
            if (input is null || input.PortsTested == 0)
            {
                return InputRequired("the firewall between your clients and Microsoft 365", ConnectivityCommand);
            }

            var figures = Facts.Of(
                ("PortsTested", input.PortsTested),
                ("PortsOpen", input.PortsOpen),
                ("TestedOn", input.TestedOn),
                ("Failures", input.Failures));
            var closed = input.PortsTested - input.PortsOpen;
            if (closed == 0)
            {
                return CheckVerdict.Configured(
                    $"All {input.PortsTested} required host:port pairs (TCP 80/443 and "
                        + $"service ports) were open on {input.TestedOn:yyyy-MM-dd}.",
                    figures);
            }

            var sample = string.Join(", ", input.Failures.Take(3));
            var remediation = "Open outbound TCP 443 and 80 (and the service ports of the endpoint list) to the Microsoft 365 "
                + "'Optimize' and 'Allow' endpoints on the firewall and proxy, then run Test-FastTrackConnectivity again.";
            return input.PortsOpen == 0
                ? CheckVerdict.NotConfigured(
                    $"None of the {input.PortsTested} required host:port pairs was open ({sample}).",
                    remediation,
                    figures)
                : CheckVerdict.Partial(
                    $"{closed} of {input.PortsTested} required host:port pairs were blocked ({sample}).",
                    remediation,
                    figures);
        }

        // No Graph API; judged from DNS + TLS probes of Test-FastTrackConnectivity.
        internal static CheckVerdict Connectivity(CheckContext context)
        {
            var input = context.Inputs.Connectivity;
            if (input is null || input.EndpointsTested == 0)
            {
                return InputRequired("whether your clients reach the Microsoft online services", ConnectivityCommand);
            }

            var figures = Facts.Of(
                ("EndpointsTested", input.EndpointsTested),
                ("EndpointsReachable", input.EndpointsReachable),
                ("TlsIntercepted", input.TlsIntercepted),
                ("TestedOn", input.TestedOn),
                ("Failures", input.Failures));
            var failed = input.EndpointsTested - input.EndpointsReachable;
            if (failed == 0 && input.TlsIntercepted == 0)
            {
                return CheckVerdict.Configured(
                    $"All {input.EndpointsTested} required endpoints resolved and completed "
                        + $"TLS with Microsoft's certificates on {input.TestedOn:yyyy-MM-dd}.",
                    figures);
            }

            var remediation = "Allow the failing endpoints through DNS, proxy and firewall; exempt Microsoft "
                + "365 'Optimize' endpoints from TLS inspection; then run Test-FastTrackConnectivity again.";
            if (input.EndpointsReachable == 0)
            {
                return CheckVerdict.NotConfigured(
                    $"None of the {input.EndpointsTested} required endpoints could be reached.",
                    remediation,
                    figures);
            }

            return CheckVerdict.Partial(
                $"{failed} of {input.EndpointsTested} required endpoints failed and {input.TlsIntercepted} "
                    + $"were TLS-intercepted ({string.Join(", ", input.Failures.Take(3))}).",
                remediation,
                figures);
        }

        // Graph gives the expected records per domain; live DNS is compared by Test-FastTrackDns.
        internal static CheckVerdict ServiceDns(CheckContext context)
        {
            var domains = context.Items(DatasetIds.Domains)
                .Where(d => d.Bool("isVerified") == true && d.Bool("isInitial") != true)
                .Select(d => d.Text("id")!).Where(d => d != null).ToList();
            if (domains.Count == 0)
            {
                return CheckVerdict.NotApplicable("Only the initial *.onmicrosoft.com "
                    + "domain is verified: Microsoft hosts its DNS, nothing to configure.");
            }

            var input = context.Inputs.DnsDomains;
            if (input is null)
            {
                return InputRequired($"the public DNS of {string.Join(", ", domains)}", DnsCommand);
            }

            var results = domains
                .Select(d => (Domain: d, Result: input.Domains
                    .FirstOrDefault(r => string.Equals(r.Domain, d, StringComparison.OrdinalIgnoreCase))))
                .ToList();
            var complete = results.Where(r => r.Result != null && r.Result.MatchingRecords >= r.Result.RequiredRecords)
                .Select(r => r.Domain)
                .ToList();
            var incomplete = results.Where(r => r.Result != null && r.Result.MatchingRecords < r.Result.RequiredRecords).ToList();
            var untested = results.Where(r => r.Result is null).Select(r => r.Domain).ToList();
            var figures = Facts.Of(
                ("Domains", domains),
                ("Complete", complete),
                ("Incomplete", incomplete.Select(r => $"{r.Domain}: {r.Result!.MatchingRecords}/{r.Result.RequiredRecords}").ToList()),
                ("Untested", untested),
                ("Mismatches", incomplete.SelectMany(r => r.Result!.Mismatches.Select(m => $"{r.Domain} {m}")).ToList()));
            if (complete.Count == domains.Count)
            {
                return CheckVerdict.Configured(
                    $"Every required service record of {domains.Count} verified domains is in DNS ({string.Join(", ", complete)}).",
                    figures);
            }

            var detail = string.Join("; ", incomplete.Select(r => $"{r.Domain} {r.Result!.MatchingRecords}/{r.Result.RequiredRecords} "
                    + $"({string.Join(", ", r.Result.Mismatches.Take(3))})"))
                + (untested.Count > 0
                    ? $"; not tested: {string.Join(", ", untested.Select(d => UnreadRecords(context, d) is { } f
                        ? $"{d} (the records it needs could not be read because {DatasetVerdicts.Why(f)})"
                        : d))}"
                    : string.Empty);
            const string remediation = "Create the missing records with your DNS host exactly as Microsoft 365 admin center > "
                + "Settings > Domains shows them (SPF must include spf.protection.outlook.com), then run Test-FastTrackDns again.";
            return complete.Count == 0 && incomplete.All(r => r.Result!.MatchingRecords == 0) && untested.Count == 0
                ? CheckVerdict.NotConfigured($"No required service record is in DNS: {detail}.", remediation, figures)
                : CheckVerdict.Partial(
                    $"{complete.Count} of {domains.Count} verified domains have every service record: {detail}.",
                    remediation,
                    figures);
        }

        // A domain whose serviceConfigurationRecords read failed has no expected records to test: say why.
        internal static Snapshots.DatasetFailure? UnreadRecords(CheckContext context, string domain) =>
            context.Snapshot.Datasets.TryGetValue(DatasetIds.DomainServiceRecords, out var data)
                && data.PerItemFailures != null
                && data.PerItemFailures.TryGetValue(domain, out var f)
                    ? f
                    : null;
    }
}
