using System;
using System.Collections.Generic;
using System.Linq;
using FastTrack.Onboarding.Engine.Checks.Inputs;
using FastTrack.Onboarding.Engine.Collection;
using FastTrack.Onboarding.Engine.Eligibility;
using FastTrack.Onboarding.Engine.Snapshots;
using FastTrack.Onboarding.Model.Assessment;
using FastTrack.Onboarding.Model.Eligibility;
using FastTrack.Onboarding.Model.Remediation;

namespace FastTrack.Onboarding.Engine.Checks.Initiate.General
{
    using static FastTrack.Onboarding.Engine.Checks.InitiatePhaseChecks;

    /// <summary>FT-INIT-SVC-01: Services in scope are eligible and provisioned.</summary>
    public sealed class ServicesInScopeCheck : ICheck
    {
        public CheckMetadata Metadata { get; } = new CheckMetadata
        {
            Id = "FT-INIT-SVC-01",
            Title = "Services in scope are eligible and provisioned",
            Phase = FastTrackPhase.Initiate,
            Service = FastTrackService.General,
            Area = CheckArea.Services,
            Guidance = Define,
            Needs = Needs,
            LearnMoreUrl = EligibilityUrl,
            Remediation = new RemediationProfile
            {
                Owner = RemediationOwner.Licensing,
                EffortDays = 2,
                DependsOn = new[] { "FT-INIT-ELIG-01" },
                Priority = RemediationPriority.High
            },
        };

        public CheckVerdict Evaluate(CheckContext context)
        {
            var e = Compute(context);
            var inScope = e.Services.Where(s => s.InScope).ToList();
            var figures = new Dictionary<string, object?>
            {
                ["InScope"] = inScope.Select(s => s.Service.ToString()).ToList(),
                ["NotEligible"] = inScope.Where(s => !s.Eligible).Select(s => s.Service.ToString()).ToList(),
                ["NotProvisioned"] = inScope.Where(s => s.Eligible && !s.Provisioned).Select(s => s.Service.ToString()).ToList(),
                ["Plans"] = inScope.SelectMany(s => s.Plans).ToList(),
            };
            if (inScope.All(s => !s.Eligible))
            {
                return CheckVerdict.NotConfigured(
                    $"None of the services in scope ({string.Join(", ", inScope.Select(s => s.Service))}) "
                        + "is covered by a paid eligible plan.",
                    "Buy an eligible plan that carries these services, or change the services in scope (-Service).",
                    figures);
            }

            var problems = inScope.Where(s => !s.Eligible || !s.Provisioned).ToList();
            if (problems.Count == 0)
            {
                return CheckVerdict.Configured(
                    $"Every service in scope is eligible and provisioned: {string.Join(", ", inScope.Select(s => s.Service))}.",
                    figures);
            }

            return CheckVerdict.Partial(
                "Services in scope that cannot be onboarded yet: " + string.Join("; ",
                problems.Select(s => s.Eligible
                    ? $"{s.Service} not provisioned ({string.Join(", ", s.Plans)})"
                    : $"{s.Service} not in any paid eligible plan")) + ".",
                "Buy a plan that carries the missing service or drop it from the scope; plans stuck in "
                    + "PendingProvisioning/PendingActivation for more than 24 hours need a support case.",
                figures);
        }
    }
}
