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
    public sealed class GallerySsoCheck : IFoldingCheck<ServicePrincipalRecord, GallerySsoCheck.Tally>
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

        public CheckVerdict Evaluate(CheckContext context) => CheckFold.Run(this, context, context.ServicePrincipals);

        public Tally Seed(CheckContext context) => new Tally();

        public Tally Accumulate(Tally state, ServicePrincipalRecord app)
        {
            if (string.IsNullOrEmpty(app.ApplicationTemplateId))
            {
                return state;
            }

            state.Gallery.Add(app.DisplayName ?? string.Empty);
            if (app.AccountEnabled != false
                && (app.PreferredSingleSignOnMode == "saml" || app.PreferredSingleSignOnMode == "oidc"
                    || app.PreferredSingleSignOnMode == "password"))
            {
                state.Sso.Add($"{app.DisplayName} ({app.PreferredSingleSignOnMode})");
            }

            return state;
        }

        // WithSso used to list every gallery app with SSO; it now lists the first NameSample.Limit, and WithSsoCount
        // says how many there are (issue #14: the fold keeps no list of all records).
        public CheckVerdict Finish(Tally state, CheckContext context)
        {
            var gallery = state.Gallery.Count;
            var sso = state.Sso;
            var figures = Facts.Of(("GalleryApps", gallery), ("WithSso", sso.ToList()), ("WithSsoCount", sso.Count));
            if (sso.Count > 0)
            {
                return CheckVerdict.Configured(
                    $"{sso.Count} of {gallery} gallery apps use single sign-on: "
                        + $"{string.Join(", ", sso.Names.Take(5))}{sso.Note("apps with single sign-on")}.",
                    figures);
            }

            return gallery > 0
                ? CheckVerdict.Partial(
                    $"{gallery} gallery apps are added ({string.Join(", ", state.Gallery.Names.Take(3))}) "
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

        /// <summary>What the fold keeps: the gallery apps and those with single sign-on, each counted with a sample of names.</summary>
        public sealed class Tally
        {
            public NameSample Gallery { get; } = new NameSample();
            public NameSample Sso { get; } = new NameSample();
        }
    }
}
