using System;
using System.Collections.Generic;
using System.Linq;
using FastTrack.Onboarding.Engine.Checks.Inputs;
using FastTrack.Onboarding.Engine.Collection;
using FastTrack.Onboarding.Engine.Snapshots;
using FastTrack.Onboarding.Model.Errors;
using FastTrack.Onboarding.Model.Remediation;

namespace FastTrack.Onboarding.Engine.Remediation
{
    /// <summary>
    /// Remediate: "assist with running tools to identify and remediate issues, and with interpreting
    /// the results". Each identity or licensing problem in a snapshot, counted, with a sample of who
    /// is affected, what it means and what fixes it.
    /// </summary>
    public static class IdentityIssueFinder
    {
        public static readonly string[] Needs =
            { DatasetIds.Users, DatasetIds.Domains, DatasetIds.GroupsWithLicenseErrors, DatasetIds.SubscribedSkus };

        private static readonly Dictionary<string, (string Meaning, string Action)> LicenseErrors =
            new Dictionary<string, (string, string)>(StringComparer.OrdinalIgnoreCase)
            {
                ["CountViolation"] = (
                    "More licences are assigned than the subscription has seats: the extra users get no service.",
                    "Buy more seats, or remove the licence from users (or groups) that do not need it; then reprocess."),
                ["MutuallyExclusiveViolation"] = (
                    "The user holds two plans that cannot coexist (for example two Exchange plans from different SKUs).",
                    "Remove one of the conflicting licences, or disable the conflicting service plan in one of them."),
                ["DependencyViolation"] = (
                    "A plan needs another plan the user does not have (for example an add-on without its base licence).",
                    "Assign the base licence first, or remove the add-on."),
                ["ProhibitedInUsageLocationViolation"] = (
                    "A plan cannot be used in the user's usage location.",
                    "Correct the usage location, or remove the plan for users in that country."),
                ["UniquenessViolation"] = (
                    "A property that must be unique (often a proxy address) conflicts with another object.",
                    "Find the duplicate address (IdFix, Get-EXORecipient) and remove it, then reprocess."),
            };

        public static IReadOnlyList<IdentityIssue> Find(TenantSnapshot snapshot)
        {
            foreach (var id in new[] { DatasetIds.Users, DatasetIds.Domains })
            {
                if (!snapshot.Datasets.TryGetValue(id, out var data) || data.State == DatasetState.Failed)
                {
                    var failure = data?.Failure;
                    throw new FastTrackException(
                        ErrorIds.RemediationDataUnreadable,
                        failure?.Reason == Model.Assessment.NotAssessedReason.MissingPermission
                            ? FailureKind.PermissionDenied
                            : FailureKind.ResourceUnavailable,
                        $"The identity data ('{id}') could not be read: {failure?.Message ?? "it is not in the snapshot"}",
                        failure?.Permission != null
                            ? $"Grant {failure.Permission} and run again."
                            : "Run again with a connection that can read users and domains (User.Read.All, Domain.Read.All).");
                }
            }

            var context = new CheckContext(snapshot, snapshot.CollectedOn, AssessmentInputs.None);
            var users = context.Users;
            var issues = new List<IdentityIssue>();

            var missingLocation = users.Where(u => u.IsLicensed && string.IsNullOrEmpty(u.UsageLocation)).ToList();
            Add(issues, "MissingUsageLocation", RemediationOwner.Identity, missingLocation.Select(u => u.UserPrincipalName),
                "Licensed users without a usage location: Microsoft cannot tell which services are legal in their country, "
                    + "so location-dependent plans fail to assign.",
                "Set the usage location (from the source directory for synced users, where Entra Connect flows 'c'/'usageLocation').",
                "Repair-FastTrackUsageLocation -UsageLocation <ISO country code> -WhatIf");

            foreach (var kind in users
                .SelectMany(u => u.LicenseErrors.Select(e => (User: u, e.Error)))
                .GroupBy(x => x.Error, StringComparer.OrdinalIgnoreCase))
            {
                var (meaning, action) = LicenseErrors.TryGetValue(kind.Key, out var known)
                    ? known
                    : ("The licence could not be assigned (" + kind.Key + ").",
                        "Open the user in the Microsoft 365 admin center > Licenses to see the detail, fix it, then reprocess.");
                Add(issues, "LicenseError." + kind.Key, RemediationOwner.Licensing, kind.Select(x => x.User.UserPrincipalName).Distinct(),
                    meaning, action, null);
            }

            if (context.Has(DatasetIds.GroupsWithLicenseErrors))
            {
                Add(issues, "GroupLicenseErrors", RemediationOwner.Licensing,
                    context.Items(DatasetIds.GroupsWithLicenseErrors).Select(g => g.Text("displayName")),
                    "Groups whose licence assignment failed for some members (group-based licensing reports errors per group).",
                    "Entra admin center > Groups > (group) > Licenses shows the failing members and why; fix them, then 'Reprocess'.",
                    null);
            }

            foreach (var property in users
                .SelectMany(u => u.ProvisioningErrors.Select(e => (User: u, Property: e.PropertyCausingError ?? "Other")))
                .GroupBy(x => x.Property, StringComparer.OrdinalIgnoreCase))
            {
                Add(issues, "ProvisioningError." + property.Key, RemediationOwner.Identity,
                    property.Select(x => x.User.UserPrincipalName).Distinct(),
                    $"Directory synchronization could not write {property.Key} "
                        + "because another object already has the value (a PropertyConflict).",
                    "Find the duplicate in on-premises AD (IdFix) or the cloud object that holds it, correct one side, "
                        + "and let Entra Connect sync again.",
                    null);
            }

            var domains = context.Items(DatasetIds.Domains);
            var verified = new HashSet<string>(
                domains.Where(d => d.Bool("isVerified") == true).Select(d => d.Text("id") ?? string.Empty),
                StringComparer.OrdinalIgnoreCase);
            var initial = domains.FirstOrDefault(d => d.Bool("isInitial") == true).Text("id");
            var nonRoutable = users.Where(u => u.IsSynced && u.UserPrincipalName is string upn
                && (string.Equals(Suffix(upn), initial, StringComparison.OrdinalIgnoreCase) || !verified.Contains(Suffix(upn)))).ToList();
            Add(issues, "NonRoutableUpnSuffix", RemediationOwner.Identity, nonRoutable.Select(u => u.UserPrincipalName),
                $"Synced users whose on-premises UPN suffix is not a verified domain (for example .local): "
                    + $"Entra ID gave them …@{initial} instead, so they sign in with a name they do not know.",
                "Add a routable UPN suffix in AD Domains and Trusts, verify the domain in Microsoft 365, "
                    + "change these users' UPNs on-premises, and let Entra Connect sync.",
                null);

            var disabledLicensed = users.Where(u => u.AccountEnabled == false && u.IsLicensed).ToList();
            Add(issues, "DisabledUserWithLicence", RemediationOwner.Licensing, disabledLicensed.Select(u => u.UserPrincipalName),
                "Disabled accounts still hold licences: seats are paid for but unused (and count against CountViolation limits).",
                "Remove the licences from disabled accounts (or from their licensing group membership) unless a mailbox must be retained.",
                null);

            return issues;
        }

        private static string Suffix(string upn) => upn.Substring(upn.IndexOf('@') + 1);

        private static void Add(
            List<IdentityIssue> issues,
            string name,
            RemediationOwner owner,
            IEnumerable<string?> affected,
            string meaning,
            string action,
            string? fix)
        {
            var list = affected.Where(a => a != null).Select(a => a!).ToList();
            if (list.Count == 0)
            {
                return;
            }

            issues.Add(new IdentityIssue
            {
                Issue = name,
                Owner = owner,
                AffectedUsers = list.Count,
                Sample = list.Take(20).ToList(),
                Interpretation = meaning,
                Action = action,
                FixCommand = fix,
            });
        }
    }
}
