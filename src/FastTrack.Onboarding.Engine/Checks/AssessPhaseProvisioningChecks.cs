using System;
using System.Collections.Generic;
using System.Linq;
using FastTrack.Onboarding.Engine.Checks.Inputs;
using FastTrack.Onboarding.Engine.Collection;
using FastTrack.Onboarding.Engine.Eligibility;
using FastTrack.Onboarding.Engine.Snapshots;
using FastTrack.Onboarding.Model.Assessment;

namespace FastTrack.Onboarding.Engine.Checks
{
    /// <summary>
    /// Assess: the identity model (cloud vs synced), how licences are assigned (group-based licensing),
    /// and whether purchased services in scope are switched on for the users.
    /// </summary>
    public static class AssessPhaseProvisioningChecks
    {
        internal const string Identity = "Provide guidance about user identity and provisioning.";
        internal const string Services =
            "Provide guidance about enabling eligible services that have been purchased and defined to be part of the onboarding.";
    }
}
