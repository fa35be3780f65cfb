using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using FastTrack.Onboarding.Engine.Collection;
using FastTrack.Onboarding.Model.Assessment;

namespace FastTrack.Onboarding.Engine.Checks
{
    public static partial class EnablePhaseChecks
    {
        /// <summary>Enable phase, Azure AD Premium with Connect and AD FS.</summary>
        public static partial class PremiumHybrid
        {
            internal const FastTrackService Service = FastTrackService.AzureADPremiumHybrid;
            internal const double SsprTarget = 0.95;
            internal const double MfaRegistrationTarget = 0.90;
            internal const double GroupLicensingShare = 0.5;

            // Directory roles whose holders should be eligible (PIM), not permanent.
            internal static readonly HashSet<string> PrivilegedRoles = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
            {
                AssessPhaseChecks.GlobalAdministratorRoleTemplate,
                "e8611ab8-c189-46e8-94e1-60213ab1f814", // Privileged Role Administrator
                "194ae4cb-b126-40b2-bd5b-6091b380977d", // Security Administrator
                "29232cdf-9323-42fd-ade2-1d097af3e4de", // Exchange Administrator
                "f28a1f50-f6e7-4571-818b-6a12f2af6b6c", // SharePoint Administrator
                "fe930be7-5e62-47db-91af-98c3a49a38b1", // User Administrator
                "3a2c62db-5318-420d-8d74-23affee5d9d5", // Intune Administrator
                "b1be1c3e-b65d-4f19-8427-f6fa0d97feb9", // Conditional Access Administrator
                "9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3", // Application Administrator
            };
        }
    }
}
