using System.Collections.Generic;
using System.Linq;
using FastTrack.Onboarding.Engine.Checks.Inputs;
using FastTrack.Onboarding.Engine.Collection;
using FastTrack.Onboarding.Engine.Eligibility;
using FastTrack.Onboarding.Model.Assessment;
using FastTrack.Onboarding.Model.Eligibility;

namespace FastTrack.Onboarding.Engine.Checks
{
    /// <summary>
    /// Initiate phase: "contact you within 30 days of the purchase of eligible licenses", "work with
    /// you to begin onboarding", "define which eligible services you want to onboard" (graph-map G-I1..G-I3).
    /// </summary>
    public static class InitiatePhaseChecks
    {
        private const string Contact = "Contact you within 30 days of the purchase of eligible licenses for a new tenant.";
        private const string Begin = "Work with you to begin onboarding.";
        private const string Define = "Define which eligible services you want to onboard.";
        private const string EligibilityUrl = "https://learn.microsoft.com/microsoft-365/fasttrack/eligibility";
        private static readonly string[] Needs = { DatasetIds.SubscribedSkus, DatasetIds.CompanySubscriptions };

        public static IEnumerable<CheckDefinition> All()
        {
            yield return new CheckDefinition
            {
                Id = "FT-INIT-ELIG-01", Title = "150 or more seats of FastTrack-eligible plans", Phase = FastTrackPhase.Initiate, Area = "Eligibility",
                Guidance = Begin, Needs = Needs, LearnMoreUrl = EligibilityUrl, Evaluate = Seats,
            };
            yield return new CheckDefinition
            {
                Id = "FT-INIT-WINDOW-01", Title = "FastTrack contact within 30 days of the eligible purchase", Phase = FastTrackPhase.Initiate, Area = "Eligibility",
                Guidance = Contact, Needs = Needs, LearnMoreUrl = "https://learn.microsoft.com/microsoft-365/fasttrack/get-started", Evaluate = Window,
            };
            yield return new CheckDefinition
            {
                Id = "FT-INIT-SVC-01", Title = "Services in scope are eligible and provisioned", Phase = FastTrackPhase.Initiate, Area = "Services",
                Guidance = Define, Needs = Needs, LearnMoreUrl = EligibilityUrl, Evaluate = Services,
            };
        }

        /// <summary>The eligibility figures a check sees; the same calculation Get-FastTrackEligibility prints.</summary>
        public static FastTrackEligibility Compute(CheckContext context) =>
            EligibilityCalculator.Compute(context.Items(DatasetIds.SubscribedSkus), context.Items(DatasetIds.CompanySubscriptions), context.Now,
                context.Inputs.Scope().Workloads, EligiblePlanList.Current, context.Snapshot.TenantId, context.Snapshot.TenantName);

        private static CheckVerdict Seats(CheckContext context)
        {
            var e = Compute(context);
            var figures = new Dictionary<string, object?>
            {
                ["EligibleSeats"] = e.EligibleSeats,
                ["Threshold"] = e.Threshold,
                ["CountedPlans"] = e.Plans.Where(p => p.CountedSeats > 0).Select(p => $"{p.SkuPartNumber} {p.CountedSeats}").ToList(),
                ["NotCounted"] = e.Plans.Where(p => p.InEligibilityList && p.Note.Length > 0).Select(p => $"{p.SkuPartNumber}: {p.Note}").ToList(),
                ["EligibilityListVersion"] = e.EligibilityListVersion,
            };
            var excluded = e.Plans.Where(p => p.InEligibilityList && p.Note.Length > 0).Select(p => $"{p.SkuPartNumber} ({p.Note})").ToList();
            var excludedText = excluded.Count > 0 ? " Not counted: " + string.Join(", ", excluded) + "." : string.Empty;
            switch (e.Status)
            {
                case EligibilityStatus.Eligible:
                    return CheckVerdict.Configured($"{e.EligibleSeats} eligible seats (threshold {e.Threshold}): " + string.Join(", ", e.Plans.Where(p => p.CountedSeats > 0).Select(p => $"{p.SkuPartNumber} {p.CountedSeats}")) + "." + excludedText, figures);
                case EligibilityStatus.BelowThreshold:
                    return CheckVerdict.Partial($"{e.EligibleSeats} eligible seats, {e.Threshold - e.EligibleSeats} short of the {e.Threshold}-seat FastTrack threshold." + excludedText,
                        $"FastTrack needs {e.Threshold}+ paid seats of eligible plans. Buy the missing seats, convert trials to paid, or reactivate suspended subscriptions (Microsoft 365 admin center > Billing).", figures);
                case EligibilityStatus.NoEligiblePlans when e.Plans.Any(p => p.InEligibilityList):
                    // graph-map G-I1: eligible SKUs that count only as trial, suspended or grace-period seats are Partial, not absent.
                    return CheckVerdict.Partial("Eligible plans are present but none counts: no paid, active seats." + excludedText,
                        "Convert the trial to a paid subscription or reactivate the suspended one (Microsoft 365 admin center > Billing); FastTrack counts only paid, active seats (150+).", figures);
                default:
                    return CheckVerdict.NotConfigured("No paid, active FastTrack-eligible plan." + excludedText,
                        "Buy 150+ seats of an eligible plan (Microsoft 365 E3/E5/F3/Business Premium, Office 365 E1/E3/E5, EMS E3/E5, Entra ID P1/P2, Intune…); trials and suspended subscriptions do not count.", figures);
            }
        }

        private static CheckVerdict Window(CheckContext context)
        {
            var e = Compute(context);
            var figures = new Dictionary<string, object?>
            {
                ["LatestEligiblePurchase"] = e.LatestEligiblePurchase,
                ["ContactDueDate"] = e.ContactDueDate,
                ["DaysLeft"] = e.DaysLeft,
                ["Window"] = e.Window.ToString(),
            };
            var latest = e.Purchases.FirstOrDefault(p => p.Eligible && p.CreatedOn == e.LatestEligiblePurchase);
            var what = latest is null ? string.Empty : $"{latest.SkuPartNumber} subscription created {e.LatestEligiblePurchase:yyyy-MM-dd}";
            const string Request = "If FastTrack has not contacted you, request assistance at https://fasttrack.microsoft.com (sign in with an admin account of this tenant).";
            switch (e.Window)
            {
                case ContactWindowState.Open:
                    return CheckVerdict.Configured($"Within the 30-day contact window: {what}; Microsoft's contact is due by {e.ContactDueDate:yyyy-MM-dd} ({e.DaysLeft} days left).", figures);
                case ContactWindowState.DueToday:
                    return CheckVerdict.Partial($"The 30-day contact window ends today ({e.ContactDueDate:yyyy-MM-dd}): {what}.", Request, figures);
                case ContactWindowState.Overdue:
                    return CheckVerdict.Partial($"The 30-day contact window ended {-e.DaysLeft} days ago ({e.ContactDueDate:yyyy-MM-dd}; {what}). Note: createdDateTime is the subscription's creation, not a later seat purchase.", Request, figures);
                default:
                    return CheckVerdict.NotConfigured("No paid, enabled FastTrack-eligible subscription: no contact window has started.",
                        "Buy an eligible plan (trials do not start the window).", figures);
            }
        }

        private static CheckVerdict Services(CheckContext context)
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
                return CheckVerdict.NotConfigured($"None of the services in scope ({string.Join(", ", inScope.Select(s => s.Service))}) is covered by a paid eligible plan.",
                    "Buy an eligible plan that carries these services, or change the services in scope (-Service).", figures);
            }

            var problems = inScope.Where(s => !s.Eligible || !s.Provisioned).ToList();
            if (problems.Count == 0)
            {
                return CheckVerdict.Configured($"Every service in scope is eligible and provisioned: {string.Join(", ", inScope.Select(s => s.Service))}.", figures);
            }

            return CheckVerdict.Partial("Services in scope that cannot be onboarded yet: " + string.Join("; ", problems.Select(s => s.Eligible
                    ? $"{s.Service} not provisioned ({string.Join(", ", s.Plans)})"
                    : $"{s.Service} not in any paid eligible plan")) + ".",
                "Buy a plan that carries the missing service or drop it from the scope; plans stuck in PendingProvisioning/PendingActivation for more than 24 hours need a support case.", figures);
        }
    }
}
