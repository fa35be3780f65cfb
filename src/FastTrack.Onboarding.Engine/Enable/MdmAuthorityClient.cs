using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FastTrack.Onboarding.Engine.Connections;
using FastTrack.Onboarding.Engine.Diagnostics;
using FastTrack.Onboarding.Engine.Graph;
using FastTrack.Onboarding.Model.Errors;

namespace FastTrack.Onboarding.Engine.Enable
{
    /// <summary>
    /// Reads and sets the organization's MDM authority. The property comes back only when
    /// $select-ed on the single organization (graph-map pitfall 4); the set action is documented as
    /// delegated-only, so an app-only connection is refused before anything is sent.
    /// </summary>
    public static class MdmAuthorityClient
    {
        public const string WritePermission = "DeviceManagementServiceConfig.ReadWrite.All";

        public static async Task<(string OrganizationId, string? Authority)> ReadAsync(TenantSession session, IEngineLog log, CancellationToken cancellationToken)
        {
            try
            {
                var list = await session.Graph.Organization.GetAsync(rc => rc.QueryParameters.Select = new[] { "id" }, cancellationToken).ConfigureAwait(false);
                var id = list?.Value?.FirstOrDefault()?.Id ?? throw new FastTrackException(ErrorIds.GraphRequestFailed, FailureKind.InvalidData,
                    "Microsoft Graph returned no organization for this tenant.", "Check that -GraphEndpoint points at Microsoft Graph for this tenant.");
                var organization = await session.Graph.Organization[id].GetAsync(rc => rc.QueryParameters.Select = new[] { "id", "mobileDeviceManagementAuthority" }, cancellationToken).ConfigureAwait(false);
                var authority = organization?.MobileDeviceManagementAuthority?.ToString();
                log.Verbose($"Organization {id}: mobileDeviceManagementAuthority = {authority ?? "(not returned)"}.");
                return (id, Normalize(authority));
            }
            catch (Exception e) when (!(e is OperationCanceledException) && !(e is FastTrackException))
            {
                throw GraphErrorTranslator.Translate(e, session.GraphRoot, "the organization's MDM authority (grant Organization.Read.All)");
            }
        }

        /// <summary>Sets Intune as the MDM authority. Throws before sending when the connection is app-only.</summary>
        public static async Task SetIntuneAsync(TenantSession session, string organizationId, IEngineLog log, CancellationToken cancellationToken)
        {
            EnsureDelegated(session);
            try
            {
                log.Verbose($"POST /organization/{organizationId}/setMobileDeviceManagementAuthority");
                await session.Graph.Organization[organizationId].SetMobileDeviceManagementAuthority.PostAsSetMobileDeviceManagementAuthorityPostResponseAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (!(e is OperationCanceledException) && !(e is FastTrackException))
            {
                throw GraphErrorTranslator.Translate(e, session.GraphRoot, $"the MDM authority (setting it needs a delegated sign-in with {WritePermission})");
            }
        }

        public static void EnsureDelegated(TenantSession session)
        {
            if (!string.Equals(session.Info.TokenType, "Delegated", StringComparison.OrdinalIgnoreCase))
            {
                throw new FastTrackException(ErrorIds.PermissionDenied, FailureKind.PermissionDenied,
                    "Setting the MDM authority is a delegated-only action in Microsoft Graph: this connection is app-only, so nothing was sent.",
                    $"Connect as an Intune or Global Administrator (Connect-FastTrackTenant -UseDeviceCode) with {WritePermission}, then run Set-MdmAuthorityGuidance -Apply again.");
            }
        }

        // The SDK enum prints "Intune"/"Sccm"/"Office365"; Graph and the guidance use lower case.
        private static string? Normalize(string? value) => value?.ToLowerInvariant();
    }
}
