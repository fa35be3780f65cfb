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

    /// <summary>FT-ENABLE-AADH-05: A gallery SaaS application with single sign-on.</summary>
    public sealed class GallerySsoCheck : ICheck
    {
        public CheckMetadata Metadata { get; } = new CheckMetadata
        {
            Id = "FT-ENABLE-AADH-05",
            Title = "A gallery SaaS application with single sign-on",
            Phase = FastTrackPhase.Enable,
            Service = FastTrackService.AzureADPremiumHybrid,
            Area = CheckArea.Applications,
            Guidance = GuidanceLines.HybridSaaS,
            Needs = new[] { DatasetIds.ServicePrincipals },
            LearnMoreUrl = "https://learn.microsoft.com/entra/identity/saas-apps/tutorial-list",
            Remediation = new RemediationProfile { Owner = RemediationOwner.Identity, DependsOn = new[] { "FT-INIT-SVC-01" } },
        };

        public CheckVerdict Evaluate(CheckContext context)
        {
            var gallery = context.ServicePrincipals.Where(s => !string.IsNullOrEmpty(s.ApplicationTemplateId)).ToList();
            var sso = gallery
                .Where(s => s.AccountEnabled != false
                    && (s.PreferredSingleSignOnMode == "saml" || s.PreferredSingleSignOnMode == "oidc"
                        || s.PreferredSingleSignOnMode == "password"))
                .ToList();
            var figures = Facts.Of(("GalleryApps", gallery.Count), ("WithSso",
                sso.Select(s => $"{s.DisplayName} ({s.PreferredSingleSignOnMode})").ToList()));
            if (sso.Count > 0)
            {
                return CheckVerdict.Configured(
                    $"{sso.Count} of {gallery.Count} gallery apps use single sign-on: "
                        + $"{string.Join(", ", sso.Take(5).Select(s => $"{s.DisplayName} ({s.PreferredSingleSignOnMode})"))}.",
                    figures);
            }

            return gallery.Count > 0
                ? CheckVerdict.Partial(
                    $"{gallery.Count} gallery apps are added ({string.Join(", ", gallery.Take(3).Select(s => s.DisplayName))}) "
                        + "but none has a single sign-on mode set (OIDC apps may still sign in; check their sign-ins).",
                    "Open the app in Entra ID > Enterprise applications > Single sign-on "
                        + "and configure SAML (or password SSO), then assign users.",
                    figures)
                : CheckVerdict.NotConfigured(
                    "No application from the Entra gallery has been added.",
                    "Add one SaaS app from the Entra app gallery (Enterprise applications > New application), "
                        + "configure SAML SSO following its tutorial, and assign a pilot group.",
                    figures);
        }
    }
}
