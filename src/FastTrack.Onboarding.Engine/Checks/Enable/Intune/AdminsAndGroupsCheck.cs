using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using System.Text.RegularExpressions;
using FastTrack.Onboarding.Engine.Checks.Inputs;
using FastTrack.Onboarding.Engine.Collection;
using FastTrack.Onboarding.Engine.Snapshots;
using FastTrack.Onboarding.Model.Assessment;
using FastTrack.Onboarding.Model.Remediation;

namespace FastTrack.Onboarding.Engine.Checks.Enable.Intune
{
    using static FastTrack.Onboarding.Engine.Checks.EnablePhaseChecks;
    using static FastTrack.Onboarding.Engine.Checks.EnablePhaseChecks.Intune;

    /// <summary>FT-ENABLE-INTUNE-03: Intune admins (RBAC) and user and device groups.</summary>
    public sealed class AdminsAndGroupsCheck : IFoldingCheck<GroupRecord, IntuneGroupTally>
    {
        public CheckMetadata Metadata { get; } = new CheckMetadata
        {
            Id = "FT-ENABLE-INTUNE-03",
            Title = "Intune admins (RBAC) and user and device groups",
            Phase = FastTrackPhase.Enable,
            Service = FastTrackService.Intune,
            Area = CheckArea.Setup,
            Guidance = GuidanceLines.IntuneAdminsGroups,
            Needs = new[] { DatasetIds.IntuneRoleAssignments, DatasetIds.DirectoryRoleAssignments, DatasetIds.Groups },
            Optional = Policies.Concat(MamPolicies).ToArray(),
            LearnMoreUrl = "https://learn.microsoft.com/mem/intune/fundamentals/role-based-access-control",
            Remediation = new RemediationProfile
            {
                Owner = RemediationOwner.Intune,
                EffortDays = 3,
                DependsOn = new[] { "FT-ASSESS-DNS-01",
                "FT-INIT-SVC-01", "FT-ASSESS-ID-02" }
            },
        };

        public CheckVerdict Evaluate(CheckContext context) => CheckFold.Run(this, context, context.Groups);

        // The policies and apps are few and read whole; the fold over the groups finds the ones they target.
        public IntuneGroupTally Seed(CheckContext context) =>
            new IntuneGroupTally(ItemsIfRead(context, Policies.Concat(MamPolicies)).SelectMany(IntunePlatforms.TargetGroups));

        public IntuneGroupTally Accumulate(IntuneGroupTally state, GroupRecord record) => IntuneGroupTally.Add(state, record);

        public CheckVerdict Finish(IntuneGroupTally state, CheckContext context)
        {
            var rbac = context.Items(DatasetIds.IntuneRoleAssignments).Count;
            var intuneAdmins = context.Items(DatasetIds.DirectoryRoleAssignments).Count(a => string.Equals(a.Text("roleDefinitionId"),
                IntuneAdministratorRole, StringComparison.OrdinalIgnoreCase));
            var groups = state.Matched;
            var deviceGroups = groups.Where(g => g.DeviceRule).ToList();
            var userGroups = groups.Where(g => !g.DeviceRule).ToList();
            var figures = Facts.Of(("IntuneRbacAssignments", rbac), ("IntuneAdministrators", intuneAdmins), ("UserGroups",
                userGroups.Select(g => g.Name).ToList()), ("DeviceGroups", deviceGroups.Select(g => g.Name).ToList()));
            var admins = rbac + intuneAdmins > 0;
            var bothGroups = userGroups.Count > 0 && deviceGroups.Count > 0;
            var text = $"{Facts.Count(rbac, "Intune RBAC assignment")} and {Facts.Count(intuneAdmins, "Intune Administrator")}; Intune "
                + $"assignments use {Facts.Count(userGroups.Count, "user group")} and {Facts.Count(deviceGroups.Count, "device group")}";
            if (admins && bothGroups)
            {
                return DatasetVerdicts.WithUnread(context, CheckVerdict.Configured(text + ".", figures), Policies.Concat(MamPolicies));
            }

            return DatasetVerdicts.WithUnread(context, admins || groups.Count > 0
                ? CheckVerdict.Partial(
                    text + ".",
                    "Give Intune admins a least-privileged Intune role (or Intune Administrator), and "
                        + "create user groups and dynamic device groups to target policies and apps.",
                    figures)
                : CheckVerdict.NotConfigured(text + ".",
                    "Assign the Intune Administrator role or an Intune RBAC role, and create user and device groups for Intune.", figures),
                    Policies.Concat(MamPolicies));
        }
    }
}
