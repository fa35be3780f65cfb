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

    /// <summary>FT-ENABLE-AADH-06: Customized sign-in page (company branding).</summary>
    public sealed class CompanyBrandingCheck : ICheck
    {
        public CheckMetadata Metadata { get; } = new CheckMetadata
        {
            Id = "FT-ENABLE-AADH-06",
            Title = "Customized sign-in page (company branding)",
            Phase = FastTrackPhase.Enable,
            Service = FastTrackService.AzureADPremiumHybrid,
            Area = CheckArea.Branding,
            Guidance = GuidanceLines.HybridBranding,
            Needs = new[] { DatasetIds.Branding },
            LearnMoreUrl = "https://learn.microsoft.com/entra/fundamentals/how-to-customize-branding",
            Remediation = new RemediationProfile { Owner = RemediationOwner.Identity, DependsOn = new[] { "FT-INIT-SVC-01" } },
        };

        public CheckVerdict Evaluate(CheckContext context)
        {
            var data = context.Data(DatasetIds.Branding);
            var branding = context.PerItem(DatasetIds.Branding).Values.Cast<JsonElement?>().FirstOrDefault();
            // A failed read of the organization's branding is not "no branding": only Graph's 404 is.
            if (branding is null && !data.Absent && context.PerItemFailures(DatasetIds.Branding).Values.FirstOrDefault() is { } unread)
            {
                return DatasetVerdicts.NotAssessedFor(unread,
                    $"The organization's branding could not be read because {DatasetVerdicts.Why(unread)}.");
            }

            if (data.Absent || branding is null)
            {
                return CheckVerdict.NotConfigured(
                    "The organization has no company branding (Graph answered 404): users see the default Microsoft sign-in page.",
                    "Entra ID > Company branding: add a banner logo, background image and sign-in page text.");
            }

            var b = branding.Value;
            var images = new[] { "bannerLogoRelativeUrl", "backgroundImageRelativeUrl", "squareLogoRelativeUrl",
                "squareLogoDarkRelativeUrl" }.Where(n => b.Text(n) != null).ToList();
            var text = !string.IsNullOrWhiteSpace(b.Text("signInPageText"));
            var figures = Facts.Of(("Images", images), ("SignInPageText", text), ("BackgroundColor", b.Text("backgroundColor")));
            if (images.Count > 0)
            {
                return CheckVerdict.Configured(
                    $"Company branding sets {string.Join(", ", images.Select(i => i.Replace("RelativeUrl", string.Empty)))}"
                        + $"{(text ? " and sign-in page text" : string.Empty)}.",
                    figures);
            }

            return CheckVerdict.Partial(
                $"Company branding exists but sets only {(text ? "sign-in text" : "colours")}: no logo or background image.",
                "Upload a banner logo (and a background image) in Entra ID > Company branding.",
                figures);
        }
    }
}
