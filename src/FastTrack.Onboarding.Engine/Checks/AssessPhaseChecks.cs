using System;
using System.Collections.Generic;
using System.Linq;
using FastTrack.Onboarding.Engine.Collection;
using FastTrack.Onboarding.Model.Assessment;

namespace FastTrack.Onboarding.Engine.Checks
{
    /// <summary>
    /// Assess phase: "Provide an administrative overview" and "guidance about … user identity and
    /// provisioning; enabling eligible services that have been purchased".
    /// </summary>
    public static class AssessPhaseChecks
    {
        public const string GlobalAdministratorRoleTemplate = "62e90394-69f5-4237-9190-012177145e10";
        internal const string AdminOverview = "Provide an administrative overview.";
        internal const string Identity = "Provide guidance about user identity and provisioning.";
        internal const string Services =
            "Provide guidance about enabling eligible services that have been purchased and defined to be part of the onboarding.";
    }
}
