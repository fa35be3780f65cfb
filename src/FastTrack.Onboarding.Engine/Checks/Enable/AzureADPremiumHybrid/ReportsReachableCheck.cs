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

    /// <summary>FT-ENABLE-AADH-12: Usage and security reports reachable.</summary>
    public sealed class ReportsReachableCheck : ICheck
    {
        public CheckMetadata Metadata { get; } = new CheckMetadata
        {
            Id = "FT-ENABLE-AADH-12",
            Title = "Usage and security reports reachable",
            Phase = FastTrackPhase.Enable,
            Service = FastTrackService.AzureADPremiumHybrid,
            Area = CheckArea.Monitoring,
            Guidance = GuidanceLines.HybridReports,
            Optional = new[] { DatasetIds.SignIns, DatasetIds.DirectoryAudits, DatasetIds.UserRegistrationDetails },
            LearnMoreUrl = "https://learn.microsoft.com/entra/identity/monitoring-health/overview-monitoring-health",
            Remediation = new RemediationProfile { Owner = RemediationOwner.Identity, DependsOn = new[] { "FT-INIT-SVC-01" } },
        };

        public CheckVerdict Evaluate(CheckContext context)
        {
            var probes = new[] { (Id: DatasetIds.DirectoryAudits, Name: "audit logs"), (Id: DatasetIds.SignIns, Name: "sign-in logs"),
                (Id: DatasetIds.UserRegistrationDetails, Name: "authentication-method registration") };
            var readable = probes.Where(p => context.Has(p.Id)).Select(p => p.Name).ToList();
            var failed = probes.Where(p => !context.Has(p.Id)).ToList();
            var figures = Facts.Of(("Readable", readable), ("NotReadable", failed.Select(f => f.Name).ToList()));
            if (failed.Count == 0)
            {
                return CheckVerdict.Configured(
                    "Audit logs, sign-in logs and the authentication-method registration report all answer: "
                        + "administrators can use them. (Graph cannot see whether anyone reviews them.)",
                    figures);
            }

            // A missing permission or an outage says nothing about the tenant: report it as not assessed.
            var notLicence = failed.FirstOrDefault(f => DatasetVerdicts.FailureReason(context, f.Id) != NotAssessedReason.LicenseRequired);
            if (notLicence.Id != null)
            {
                return DatasetVerdicts.NotRead(context, notLicence.Id);
            }

            var licence = context.Data(failed[0].Id).Failure?.License ?? "Microsoft Entra ID P1";
            return readable.Count > 0
                ? new CheckVerdict
                {
                    Status = CheckStatus.Partial,
                    Evidence = $"{string.Join(", ", readable)} answer, but "
                        + $"{string.Join(" and ", failed.Select(f => f.Name))} need {licence}.",
                    Remediation = $"Assign {licence} to enable sign-in logs and the "
                        + "registration report (30-day retention) for administrators.",
                    Figures = figures,
                    MissingLicense = licence,
                }
                : DatasetVerdicts.NotRead(context, failed[0].Id);
        }
    }
}
