using System;
using System.Collections.Generic;

namespace FastTrack.Onboarding.Model.Permissions
{
    /// <summary>
    /// One permission of the least-privileged set the selected checks need (Test-FastTrackPermission):
    /// whether the token allows its reads, and which checks cannot be assessed until it does.
    /// </summary>
    public sealed record PermissionRequirement
    {
        /// <summary>The permission to grant (for NotSupported: the one the other kind of sign-in needs).</summary>
        public string Permission { get; init; } = string.Empty;
        public PermissionType PermissionType { get; init; }
        public PermissionState State { get; init; }

        /// <summary>The permissions in the token that allow these reads (may be broader, e.g. Directory.Read.All).</summary>
        public IReadOnlyList<string> GrantedBy { get; init; } = Array.Empty<string>();

        /// <summary>The Graph reads this permission stands for (GET /v1.0/…).</summary>
        public IReadOnlyList<string> GraphReads { get; init; } = Array.Empty<string>();

        /// <summary>Checks that need one of these reads; assessed only with the permission.</summary>
        public IReadOnlyList<string> RequiredBy { get; init; } = Array.Empty<string>();

        /// <summary>Checks that only use one of these reads for extra evidence.</summary>
        public IReadOnlyList<string> EnrichedChecks { get; init; } = Array.Empty<string>();

        /// <summary>Checks that this token leaves NotAssessed because of this permission (empty when Granted).</summary>
        public IReadOnlyList<string> BlockedChecks { get; init; } = Array.Empty<string>();
    }
}
