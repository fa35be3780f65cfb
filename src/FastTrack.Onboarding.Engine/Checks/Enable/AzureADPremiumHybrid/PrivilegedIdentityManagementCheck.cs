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

    /// <summary>FT-ENABLE-AADH-11: Privileged Identity Management: eligible assignments for privileged roles.</summary>
    public sealed class PrivilegedIdentityManagementCheck : ICheck
    {
        public CheckMetadata Metadata { get; } = new CheckMetadata
        {
            Id = "FT-ENABLE-AADH-11",
            Title = "Privileged Identity Management: eligible assignments for privileged roles",
            Phase = FastTrackPhase.Enable,
            Service = FastTrackService.AzureADPremiumHybrid,
            Area = CheckArea.IdentitySecurity,
            Guidance = GuidanceLines.HybridPim,
            Needs = new[] { DatasetIds.RoleEligibilitySchedules, DatasetIds.DirectoryRoleAssignments },
            LearnMoreUrl = "https://learn.microsoft.com/entra/id-governance/privileged-identity-management/pim-configure",
            Remediation = new RemediationProfile { Owner = RemediationOwner.Identity, DependsOn = new[] { "FT-INIT-SVC-01" } },
        };

        public CheckVerdict Evaluate(CheckContext context)
        {
            var eligible = context.Items(DatasetIds.RoleEligibilitySchedules)
                .Where(e => PrivilegedRoles.Contains(e.Text("roleDefinitionId") ?? string.Empty))
                .ToList();
            var eligibleGa = eligible.Count(e => string.Equals(e.Text("roleDefinitionId"),
                AssessPhaseChecks.GlobalAdministratorRoleTemplate, StringComparison.OrdinalIgnoreCase));
            var permanent = context.Items(DatasetIds.DirectoryRoleAssignments)
                .Where(a => PrivilegedRoles.Contains(a.Text("roleDefinitionId") ?? string.Empty))
                .ToList();
            var permanentGa = permanent.Where(a => string.Equals(a.Text("roleDefinitionId"),
                AssessPhaseChecks.GlobalAdministratorRoleTemplate,
                StringComparison.OrdinalIgnoreCase)).Select(a => a.Text("principalId")).Distinct().Count();
            var figures = Facts.Of(("EligiblePrivileged", eligible.Count), ("EligibleGlobalAdmins", eligibleGa), ("ActivePrivileged",
                permanent.Count), ("ActiveGlobalAdmins", permanentGa));
            if (context.Items(DatasetIds.RoleEligibilitySchedules).Count == 0)
            {
                return CheckVerdict.NotConfigured(
                    $"No role is eligible through PIM; {permanent.Count} privileged role assignments "
                        + $"(of them {permanentGa} Global Administrators) are permanently active.",
                    "Make privileged roles eligible in Privileged Identity Management (activation with MFA and "
                        + "justification), keeping at most two permanent break-glass Global Administrators.",
                    figures);
            }

            if (eligible.Count > 0 && permanentGa <= 2)
            {
                return CheckVerdict.Configured(
                    $"{eligible.Count} privileged role assignments are eligible through PIM ({eligibleGa} Global "
                        + $"Administrator) and only {permanentGa} Global Administrators are permanent (break-glass).",
                    figures);
            }

            return CheckVerdict.Partial(
                $"PIM is in use ({eligible.Count} eligible privileged assignments, {eligibleGa} Global "
                    + $"Administrator), but {permanentGa} Global Administrators remain permanently active.",
                "Convert permanent Global Administrator (and other privileged) assignments "
                    + "to eligible, keeping two break-glass accounts permanent.",
                figures);
        }
    }
}
