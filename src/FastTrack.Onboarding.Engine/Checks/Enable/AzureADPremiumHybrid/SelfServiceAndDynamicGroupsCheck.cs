using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using FastTrack.Onboarding.Engine.Checks.Inputs;
using FastTrack.Onboarding.Engine.Collection;
using FastTrack.Onboarding.Engine.Snapshots;
using FastTrack.Onboarding.Model.Assessment;
using FastTrack.Onboarding.Model.Remediation;

namespace FastTrack.Onboarding.Engine.Checks.Enable.AzureADPremiumHybrid
{
    using static FastTrack.Onboarding.Engine.Checks.EnablePhaseChecks;
    using static FastTrack.Onboarding.Engine.Checks.EnablePhaseChecks.PremiumHybrid;

    /// <summary>FT-ENABLE-AADH-07: Self-service and dynamic groups.</summary>
    public sealed class SelfServiceAndDynamicGroupsCheck : IFoldingCheck<GroupRecord, SelfServiceAndDynamicGroupsCheck.Tally>
    {
        public CheckMetadata Metadata { get; } = new CheckMetadata
        {
            Id = "FT-ENABLE-AADH-07",
            Title = "Self-service and dynamic groups",
            Phase = FastTrackPhase.Enable,
            Service = FastTrackService.AzureADPremiumHybrid,
            Area = CheckArea.Groups,
            Guidance = GuidanceLines.HybridGroups,
            Needs = new[] { DatasetIds.Groups, DatasetIds.GroupSettings, DatasetIds.AuthorizationPolicy },
            LearnMoreUrl = "https://learn.microsoft.com/entra/identity/users/groups-dynamic-membership",
            Remediation = new RemediationProfile { Owner = RemediationOwner.Identity, DependsOn = new[] { "FT-INIT-SVC-01" } },
        };

        public CheckVerdict Evaluate(CheckContext context) => CheckFold.Run(this, context, context.Groups);

        public Tally Seed(CheckContext context) => new Tally();

        public Tally Accumulate(Tally state, GroupRecord group)
        {
            if (group.IsDynamic)
            {
                state.Dynamic++;
                state.On += string.Equals(group.MembershipRuleProcessingState, "On", StringComparison.OrdinalIgnoreCase) ? 1 : 0;
            }

            return state;
        }

        public CheckVerdict Finish(Tally state, CheckContext context)
        {
            var on = state.On;
            var unified = context.Items(DatasetIds.GroupSettings)
                .FirstOrDefault(s =>
                    s.Text("displayName") == "Group.Unified" || s.Text("templateId") == "62375ab9-6b52-47ed-826b-58e47e0e304b");
            string? Setting(string name) =>
                unified.ValueKind == JsonValueKind.Object
                    ? unified.Array("values").FirstOrDefault(v => v.Text("name") == name).Text("value")
                    : null;
            var creation = Setting("EnableGroupCreation");
            var creatorsGroup = Setting("GroupCreationAllowedGroupId");
            var securitySelfService = context.Entity(DatasetIds.AuthorizationPolicy)?.Child("defaultUserRolePermissions")
                ?.Bool("allowedToCreateSecurityGroups") == true;
            var m365SelfService = unified.ValueKind == JsonValueKind.Object && (!string.Equals(creation, "false",
                StringComparison.OrdinalIgnoreCase) || !string.IsNullOrEmpty(creatorsGroup));
            var selfService = m365SelfService || securitySelfService;
            var figures = Facts.Of(("DynamicGroups", state.Dynamic), ("DynamicOn", on), ("GroupUnifiedSettings",
                unified.ValueKind == JsonValueKind.Object), ("EnableGroupCreation", creation),
                ("GroupCreationAllowedGroupId", creatorsGroup), ("UsersCreateSecurityGroups", securitySelfService));
            var dynamicText = state.Dynamic == 0 ? "no dynamic group" : $"{on} of {state.Dynamic} dynamic groups processing";
            var selfText = m365SelfService
                ? (string.IsNullOrEmpty(creatorsGroup)
                    ? "Microsoft 365 group creation open to all users"
                    : "Microsoft 365 group creation delegated to a designated group")
                : unified.ValueKind == JsonValueKind.Object
                    ? "Microsoft 365 group creation disabled"
                    : "no Group.Unified settings (defaults)";
            var text = $"{dynamicText}; {selfText}; users {(securitySelfService ? "can" : "cannot")} create security groups";
            if (on > 0 && selfService)
            {
                return CheckVerdict.Configured(
                    $"Groups: {text}. (Whether owners manage membership requests in My Groups is not in Graph.)",
                    figures);
            }

            if (on > 0 || selfService || state.Dynamic > 0)
            {
                return CheckVerdict.Partial(
                    $"Groups: {text}.",
                    "Create a dynamic group for a stable population (for example all employees) and decide self-service: a "
                        + "Group.Unified setting with the allowed creators group, and 'Users can create security groups'.",
                    figures);
            }

            return CheckVerdict.NotConfigured($"Groups: {text}.",
                "Create dynamic groups (needs Entra ID P1) and enable self-service group management for users or a designated group.",
                figures);
        }

        /// <summary>What the fold keeps: two counts, whatever the number of groups.</summary>
        public sealed class Tally
        {
            public int Dynamic { get; set; }
            public int On { get; set; }
        }
    }
}
