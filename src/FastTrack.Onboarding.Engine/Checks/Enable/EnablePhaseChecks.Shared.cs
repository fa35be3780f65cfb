using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
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

        // Organization sync flags + per-user provisioning errors.
        internal static CheckVerdict DirectorySync(CheckContext context)
        {
            var organization = context.Entity(DatasetIds.Organization);
            var synced = organization?.Bool("onPremisesSyncEnabled") == true;
            var lastSync = organization?.Date("onPremisesLastSyncDateTime");
            var syncedUsers = context.Users.Count(u => u.IsSynced);
            var withErrors = context.Users.Count(u => u.ProvisioningErrors.Count > 0);
            var figures = Facts.Of(
                ("SyncEnabled", synced),
                ("LastSync", lastSync),
                ("SyncedUsers", syncedUsers),
                ("UsersWithProvisioningErrors", withErrors));
            if (!synced)
            {
                return CheckVerdict.NotConfigured(
                    "Directory synchronization is not enabled: every identity is cloud-only.",
                    "If on-premises AD is the source of identities, install Microsoft Entra Connect (or Cloud Sync) "
                        + "on a member server and synchronize; if cloud-only is the target, ignore this item.",
                    figures);
            }

            var age = lastSync is DateTimeOffset last ? context.Now - last : (TimeSpan?)null;
            var ageText = age is TimeSpan a ? (a.TotalHours >= 1 ? $"{a.TotalHours:0.#} h ago" : $"{a.TotalMinutes:0} min ago") : "never";
            if (age is TimeSpan fresh && fresh <= SyncFreshness && withErrors == 0)
            {
                return CheckVerdict.Configured(
                    $"Directory synchronization is on; the last cycle ran {ageText} and none "
                        + $"of the {syncedUsers} synced users has a provisioning error.",
                    figures);
            }

            var problems = new List<string>();
            if (!(age is TimeSpan ok && ok <= SyncFreshness))
            {
                problems.Add($"the last cycle ran {ageText} (more than {SyncFreshness.TotalHours:0} h)");
            }

            if (withErrors > 0)
            {
                problems.Add($"{withErrors} synced users have provisioning errors");
            }

            return CheckVerdict.Partial(
                $"Directory synchronization is on for {syncedUsers} users, but {string.Join(" and ", problems)}.",
                "Check the Entra Connect server (Synchronization Service Manager, Connect Health) "
                    + "and fix the duplicate or invalid attributes named in the provisioning errors.",
                figures);
        }

        // Delegated feature flag, or the beta last-password-sync time for app-only runs.
        internal static CheckVerdict PasswordHashSync(CheckContext context)
        {
            if (context.Entity(DatasetIds.Organization)?.Bool("onPremisesSyncEnabled") != true)
            {
                return CheckVerdict.NotApplicable("Directory synchronization is off: there are no on-premises passwords to synchronize.");
            }

            var betaTime = context.Has(DatasetIds.OrganizationBeta)
                ? context.Entity(DatasetIds.OrganizationBeta)?.Date("onPremisesLastPasswordSyncDateTime")
                : null;
            var figures = Facts.Of(("LastPasswordSync", betaTime));
            if (context.Has(DatasetIds.OnPremisesSynchronization))
            {
                var enabled = context.Items(DatasetIds.OnPremisesSynchronization)
                    .FirstOrDefault()
                    .Child("features")?.Bool("passwordSyncEnabled");
                figures = Facts.Of(("PasswordSyncEnabled", enabled), ("LastPasswordSync", betaTime));
                if (enabled != true)
                {
                    return CheckVerdict.NotConfigured(
                        "Entra Connect reports password hash synchronization off (features.passwordSyncEnabled = false).",
                        "Turn on password hash synchronization in the Entra Connect wizard (Optional "
                            + "features); it is also the fallback if AD FS is unavailable.",
                        figures);
                }

                if (betaTime is DateTimeOffset seen && context.Now - seen > PasswordSyncFreshness)
                {
                    return CheckVerdict.Partial(
                        $"Password hash synchronization is on, but no password has synchronized since {seen:u}.",
                        "Check the Entra Connect server's password sync agent (event log 611/656/657) and restart the sync service.",
                        figures);
                }

                return CheckVerdict.Configured(
                    "Entra Connect reports password hash synchronization on (features.passwordSyncEnabled = true).",
                    figures);
            }

            if (context.Has(DatasetIds.OrganizationBeta))
            {
                if (betaTime is DateTimeOffset last)
                {
                    return context.Now - last <= PasswordSyncFreshness
                        ? CheckVerdict.Configured(
                            $"Passwords last synchronized {last:u} (within "
                                + $"{PasswordSyncFreshness.TotalHours:0} h): password hash sync is running.",
                            figures)
                        : CheckVerdict.Partial(
                            $"Passwords last synchronized {last:u}, more than {PasswordSyncFreshness.TotalHours:0} h ago.",
                            "Check the Entra Connect server's password sync agent (event log 611/656/657) and restart the sync service.",
                            figures);
                }

                return CheckVerdict.NotConfigured("The tenant synchronizes directories but has never synchronized a password hash.",
                    "Turn on password hash synchronization in the Entra Connect wizard (Optional features).", figures);
            }

            // Neither read worked: name the more actionable reason (beta switched off beats app-only).
            return DatasetVerdicts.FailureReason(context, DatasetIds.OrganizationBeta) == NotAssessedReason.PreviewApiDisabled
                ? DatasetVerdicts.NotRead(
                    context,
                    DatasetIds.OrganizationBeta,
                    "The sync feature flags are delegated-only and the app-only fallback is beta: ")
                : DatasetVerdicts.NotRead(context, DatasetIds.OnPremisesSynchronization);
        }

        // Delegated-only feature flag (the evaluator reports app-only runs as missing the delegated permission).
        internal static CheckVerdict PasswordWriteback(CheckContext context)
        {
            if (context.Entity(DatasetIds.Organization)?.Bool("onPremisesSyncEnabled") != true)
            {
                return CheckVerdict.NotApplicable("Directory synchronization is off: password writeback applies only to synced users.");
            }

            var enabled = context.Items(DatasetIds.OnPremisesSynchronization)
                .FirstOrDefault()
                .Child("features")?.Bool("passwordWritebackEnabled");
            var figures = Facts.Of(("PasswordWritebackEnabled", enabled));
            return enabled == true
                ? CheckVerdict.Configured(
                    "Entra Connect reports password writeback on: synced users can reset their on-premises password through SSPR.",
                    figures)
                : CheckVerdict.NotConfigured(
                    "Entra Connect reports password writeback off: synced users cannot reset their password in the cloud.",
                    "Enable password writeback in the Entra Connect wizard (Optional features) and in Entra "
                        + "ID > Password reset > On-premises integration; it needs Entra ID P1 for the users.",
                    figures);
        }

        // Sign-in logs show whether users really sign in through the federated path.
        internal static CheckVerdict SingleSignOn(CheckContext context)
        {
            var federated = new HashSet<string>(
                context.Items(DatasetIds.Domains)
                    .Where(d => string.Equals(d.Text("authenticationType"), "Federated", StringComparison.OrdinalIgnoreCase))
                    .Select(d => d.Text("id")!),
                StringComparer.OrdinalIgnoreCase);
            var since = context.Now - SignInWindow;
            List<JsonElement> sso;
            string source;
            // The sign-in logs need Entra ID P1; the domains do not. Whether any domain is federated is read
            // either way, so a tenant without federation gets its answer even when the logs are licence-gated.
            if (!context.Has(DatasetIds.SignIns) && !context.Has(DatasetIds.SignInsBeta))
            {
                var unread = context.FailureOf(DatasetIds.SignIns)!;
                return federated.Count == 0
                    ? DatasetVerdicts.NamingUnread(
                        CheckVerdict.NotApplicable("No domain is federated (read from the domains); the sign-in logs could "
                            + $"not be read because {DatasetVerdicts.Why(unread)}. Seamless SSO (Kerberos) is not visible "
                            + "in Graph — test it from a domain-joined PC on the corporate network if you deployed it."),
                        unread)
                    : DatasetVerdicts.NotRead(
                        context,
                        DatasetIds.SignIns,
                        $"Federated domains: {string.Join(", ", federated)}; whether their "
                            + "users sign in through AD FS needs the sign-in logs: ");
            }

            if (context.Has(DatasetIds.SignInsBeta))
            {
                // tokenIssuerType names AD FS sign-ins exactly (beta).
                sso = context.Items(DatasetIds.SignInsBeta).Where(s => s.Text("tokenIssuerType") == "ADFederationServices").ToList();
                source = "AD FS-issued sign-ins (tokenIssuerType, beta)";
            }
            else
            {
                sso = context.Items(DatasetIds.SignIns).Where(s => federated.Contains(Suffix(s.Text("userPrincipalName")))).ToList();
                source = "sign-ins of users in federated domains";
            }

            if (federated.Count == 0 && sso.Count == 0)
            {
                return CheckVerdict.NotApplicable("No domain is federated and no federated sign-in was logged; Seamless SSO (Kerberos) "
                    + "is not visible in Graph — test it from a domain-joined PC on the corporate network if you deployed it.");
            }

            var recent = sso.Where(s => s.Date("createdDateTime") is DateTimeOffset at && at >= since).ToList();
            var succeeded = recent.Count(s => s.Child("status")?.Number("errorCode") == 0);
            var figures = Facts.Of(
                ("FederatedDomains", federated.ToList()),
                ("SsoSignIns", recent.Count),
                ("Succeeded", succeeded),
                ("WindowDays", SignInWindow.TotalDays));
            if (succeeded > 0)
            {
                return CheckVerdict.Configured(
                    $"{succeeded} of {recent.Count} {source} in the last {SignInWindow.TotalDays:0} days succeeded: single sign-on works.",
                    figures);
            }

            return recent.Count > 0
                ? CheckVerdict.Partial(
                    $"All {recent.Count} {source} in the last {SignInWindow.TotalDays:0} days failed.",
                    "Look up the error codes in Entra ID > Sign-in logs and test sign-in from a "
                        + "domain-joined PC and from outside the network (Web Application Proxy).",
                    figures)
                : CheckVerdict.NotConfigured(
                    $"No {source} in the last {SignInWindow.TotalDays:0} days (sample "
                        + "of the latest sign-ins): single sign-on has not been tested.",
                    "Sign in as a user of each federated domain at https://myapps.microsoft.com from "
                        + "a domain-joined PC and from the internet, then run this check again.",
                    figures);
        }

        // A domain whose serviceConfigurationRecords read failed has no expected records to test: say why.
        internal static Snapshots.DatasetFailure? UnreadRecords(CheckContext context, string domain) =>
            context.Snapshot.Datasets.TryGetValue(DatasetIds.DomainServiceRecords, out var data)
                && data.PerItemFailures != null
                && data.PerItemFailures.TryGetValue(domain, out var f)
                    ? f
                    : null;

        internal static string Suffix(string? upn) => upn is null ? string.Empty : upn.Substring(upn.IndexOf('@') + 1);
    }
}
