using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using FastTrack.Onboarding.Engine.Collection;
using FastTrack.Onboarding.Engine.Snapshots;
using FastTrack.Onboarding.Model.Assessment;

namespace FastTrack.Onboarding.Engine.Checks
{
    // The sync, password and sign-on items of the shared Enable rules (EnablePhaseChecks.Shared.cs has the
    // network and DNS ones and the thresholds); split off only to keep each file short.
    public static partial class EnablePhaseChecks
    {
        // Organization sync flags + per-user provisioning errors, the latter counted by a fold over the users.
        internal static CheckVerdict DirectorySync(DirectorySyncTally users, CheckContext context)
        {
            var organization = context.Entity(DatasetIds.Organization);
            var synced = organization?.Bool("onPremisesSyncEnabled") == true;
            var lastSync = organization?.Date("onPremisesLastSyncDateTime");
            var syncedUsers = users.SyncedUsers;
            var withErrors = users.WithErrors;
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

        internal static string Suffix(string? upn) => upn is null ? string.Empty : upn.Substring(upn.IndexOf('@') + 1);
    }
}
