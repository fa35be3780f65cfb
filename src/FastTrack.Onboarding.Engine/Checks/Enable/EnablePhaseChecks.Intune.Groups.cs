using System;
using System.Collections.Generic;
using System.Linq;
using FastTrack.Onboarding.Engine.Collection;
using FastTrack.Onboarding.Engine.Snapshots;
using FastTrack.Onboarding.Model.Assessment;

namespace FastTrack.Onboarding.Engine.Checks
{
    /// <summary>
    /// What the Intune group checks keep of the directory's groups, read once each as a stream: the group ids the
    /// policies and apps target (seeded from those policies, which are few) and the targeted groups met, in
    /// directory order. It grows with the policies' group targets, never with the tenant's groups.
    /// </summary>
    public class IntuneGroupTally
    {
        private readonly List<(string? Name, bool DeviceRule)> _matched = new List<(string? Name, bool DeviceRule)>();

        public IntuneGroupTally(IEnumerable<string> targeted) =>
            Targeted = new HashSet<string>(targeted, StringComparer.OrdinalIgnoreCase);

        public HashSet<string> Targeted { get; }

        /// <summary>The targeted groups met: name, and whether the membership rule is about devices.</summary>
        public IReadOnlyList<(string? Name, bool DeviceRule)> Matched => _matched;

        public IEnumerable<string?> Names => _matched.Select(m => m.Name);

        public static T Add<T>(T tally, GroupRecord group) where T : IntuneGroupTally
        {
            if (tally.Targeted.Contains(group.Id))
            {
                var device = (group.MembershipRule ?? string.Empty).IndexOf("device.", StringComparison.OrdinalIgnoreCase) >= 0;
                tally._matched.Add((group.DisplayName, device));
            }

            return tally;
        }
    }

    /// <summary>The test-groups fold: the group tally with the assigned policies and apps counted in Seed.</summary>
    public sealed class IntuneTestGroupsTally : IntuneGroupTally
    {
        public IntuneTestGroupsTally(int items, int assigned, int broad, IEnumerable<string> targeted)
            : base(targeted)
        {
            Items = items;
            Assigned = assigned;
            Broad = broad;
        }

        public int Items { get; }

        public int Assigned { get; }

        public int Broad { get; }
    }

    public static partial class EnablePhaseChecks
    {
        public static partial class Intune
        {
            // The policies and apps are small data read whole; the groups they target are found by the fold.
            internal static IntuneTestGroupsTally TestGroupsSeed(CheckContext context)
            {
                var items = ItemsIfRead(context, Policies.Concat(MamPolicies)).ToList();
                var assigned = items.Where(IntunePlatforms.IsAssigned).ToList();
                return new IntuneTestGroupsTally(items.Count, assigned.Count, assigned.Count(IntunePlatforms.TargetsEveryone),
                    assigned.SelectMany(IntunePlatforms.TargetGroups));
            }

            internal static CheckVerdict TestGroupsRead(IntuneTestGroupsTally state)
            {
                var pilot = state.Names.Where(n => PilotName.IsMatch(n ?? string.Empty)).ToList();
                var figures = Facts.Of(
                    ("PoliciesAndApps", state.Items),
                    ("Assigned", state.Assigned),
                    ("GroupTargets", state.Targeted.Count),
                    ("PilotGroups", pilot),
                    ("AssignedToEveryone", state.Broad));
                if (state.Assigned == 0)
                {
                    return CheckVerdict.NotConfigured(
                        $"None of the {state.Items} Intune policies and apps is assigned, so no test group validates them yet.",
                        "Create pilot user and device groups (for example 'Intune Pilot - "
                            + "Users') and assign new policies and apps to them before everyone.",
                        figures);
                }

                if (pilot.Count > 0)
                {
                    return CheckVerdict.Configured(
                        $"{state.Assigned} assigned policies and apps target {state.Targeted.Count} groups, including "
                            + $"test groups {string.Join(", ", pilot)} (names matched; intent cannot be proved).",
                        figures);
                }

                return CheckVerdict.Partial(
                    $"{state.Assigned} policies and apps are assigned ({state.Broad} to All users/All "
                        + "devices) but no targeted group looks like a test or pilot group.",
                    "Validate new policies on a pilot group first (name it 'Pilot' or "
                        + "'Test' so it is recognised), then widen the assignment.",
                    figures);
            }
        }
    }
}
