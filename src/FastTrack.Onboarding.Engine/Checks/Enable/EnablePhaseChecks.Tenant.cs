using System;
using System.Collections.Generic;
using System.Linq;
using FastTrack.Onboarding.Engine.Collection;
using FastTrack.Onboarding.Model.Assessment;

namespace FastTrack.Onboarding.Engine.Checks
{
    public static partial class EnablePhaseChecks
    {
        /// <summary>Enable phase, tenant / Office 365.</summary>
        public static class Tenant
        {
            internal const FastTrackService Service = FastTrackService.Tenant;
        }
    }
}
