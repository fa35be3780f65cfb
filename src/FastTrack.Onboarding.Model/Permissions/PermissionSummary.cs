using System;
using System.Collections.Generic;

namespace FastTrack.Onboarding.Model.Permissions
{
    /// <summary>Test-FastTrackPermission -Summary: the token against the selected checks in one object.</summary>
    public sealed record PermissionSummary
    {
        /// <summary>The kind of token judged (the connection's, or -PermissionType).</summary>
        public PermissionType PermissionType { get; init; }
        public int CheckCount { get; init; }
        public IReadOnlyList<string> Granted { get; init; } = Array.Empty<string>();
        public IReadOnlyList<string> Missing { get; init; } = Array.Empty<string>();

        /// <summary>Permissions Microsoft allows only with the other kind of sign-in.</summary>
        public IReadOnlyList<string> NotSupported { get; init; } = Array.Empty<string>();

        /// <summary>Checks this token leaves NotAssessed for want of a permission.</summary>
        public IReadOnlyList<string> BlockedChecks { get; init; } = Array.Empty<string>();

        /// <summary>The least-privileged set to grant an app registration (roles) for the selected checks.</summary>
        public IReadOnlyList<string> ApplicationPermissions { get; init; } = Array.Empty<string>();

        /// <summary>The least-privileged set to consent for a signed-in user (scopes) for the selected checks.</summary>
        public IReadOnlyList<string> DelegatedPermissions { get; init; } = Array.Empty<string>();
    }
}
