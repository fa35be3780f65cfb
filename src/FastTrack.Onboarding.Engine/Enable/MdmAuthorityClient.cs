using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FastTrack.Onboarding.Engine.Connections;
using FastTrack.Onboarding.Engine.Diagnostics;
using FastTrack.Onboarding.Engine.Graph;
using FastTrack.Onboarding.Model.Errors;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions.Serialization;

namespace FastTrack.Onboarding.Engine.Enable
{
    /// <summary>
    /// Reads and sets the organization's MDM authority. The property comes back only when
    /// $select-ed on the single organization (docs/graph-notes.md, 'Organization: $select-only properties');
    /// the set action is documented as delegated-only, so an app-only connection is refused before anything is sent.
    /// </summary>
    public static class MdmAuthorityClient
    {
        public const string WritePermission = "DeviceManagementServiceConfig.ReadWrite.All";

        /// <summary>
        /// Graph answered without the property even though it was $select-ed: the authority is unknown to us, not "not set".
        /// </summary>
        public const string AuthorityNotReturned = ErrorIds.MdmAuthorityNotReturned;

        /// <summary>
        /// -Apply refused: the tenant already has an authority (sccm, office365), and the write cannot be undone through Graph.
        /// </summary>
        public const string AuthorityAlreadySet = ErrorIds.MdmAuthorityAlreadySet;

        /// <summary>Graph's "not set" value of mdmAuthority (enum unknown|intune|sccm|office365).</summary>
        public const string NotSet = "unknown";

        public static async Task<(string OrganizationId, string? Authority)> ReadAsync(
            TenantSession session,
            IEngineLog log,
            CancellationToken cancellationToken)
        {
            try
            {
                var list = await session.Graph.Organization.GetAsync(rc => rc.QueryParameters.Select = new[] { "id" }, cancellationToken)
                    .ConfigureAwait(false);
                var id = list?.Value?.FirstOrDefault()?.Id ?? throw new FastTrackException(
                    ErrorIds.GraphRequestFailed,
                    FailureKind.InvalidData,
                    "Microsoft Graph returned no organization for this tenant.",
                    "Check that -GraphEndpoint points at Microsoft Graph for this tenant.");
                // Read raw: the SDK model turns "absent" and null into the same null, and only a returned
                // property may be trusted to mean "not set" (the write that follows cannot be undone).
                var request = session.Graph.Organization[id]
                    .ToGetRequestInformation(rc => rc.QueryParameters.Select = new[] { "id", "mobileDeviceManagementAuthority" });
                var errors = new Dictionary<string, ParsableFactory<IParsable>> { ["XXX"] = ODataError.CreateFromDiscriminatorValue };
                using var body = await session.Graph.RequestAdapter.SendPrimitiveAsync<Stream>(request, errors, cancellationToken)
                    .ConfigureAwait(false);
                var authority = await MdmAuthorityValue.ReadAsync(body, cancellationToken).ConfigureAwait(false);
                log.Verbose($"Organization {id}: mobileDeviceManagementAuthority = {authority ?? "(not returned)"}.");
                return (id, authority ?? throw new FastTrackException(AuthorityNotReturned, FailureKind.InvalidData,
                    "Microsoft Graph did not return the organization's mobileDeviceManagementAuthority, "
                        + "so whether an MDM authority is set is not known; nothing was changed.",
                    "Retry; if it persists, check the authority in the Intune admin center (Tenant administration > Tenant status) "
                        + "and set it there.",
                    targetObject: id));
            }
            catch (Exception e) when (!(e is OperationCanceledException) && !(e is FastTrackException))
            {
                throw GraphErrorTranslator.Translate(
                    e, session.GraphRoot, "the organization's MDM authority (grant Organization.Read.All)");
            }
        }

        /// <summary>
        /// Sets Intune as the MDM authority, only from a confirmed "not set" (<paramref name="currentAuthority"/> as
        /// <see cref="ReadAsync"/> returned it). Throws before sending when the tenant has another authority or the
        /// connection is app-only.
        /// </summary>
        public static async Task SetIntuneAsync(
            TenantSession session,
            string organizationId,
            string? currentAuthority,
            IEngineLog log,
            CancellationToken cancellationToken)
        {
            EnsureNotSet(currentAuthority);
            EnsureDelegated(session);
            try
            {
                log.Verbose($"POST /organization/{organizationId}/setMobileDeviceManagementAuthority");
                await session.Graph.Organization[organizationId].SetMobileDeviceManagementAuthority
                    .PostAsSetMobileDeviceManagementAuthorityPostResponseAsync(cancellationToken: cancellationToken)
                    .ConfigureAwait(false);
            }
            catch (Exception e) when (!(e is OperationCanceledException) && !(e is FastTrackException))
            {
                throw GraphErrorTranslator.Translate(
                    e, session.GraphRoot, $"the MDM authority (setting it needs a delegated sign-in with {WritePermission})");
            }
        }

        /// <summary>The irreversible write is sent only when Graph said the authority is not set.</summary>
        public static void EnsureNotSet(string? currentAuthority)
        {
            if (string.Equals(currentAuthority, NotSet, StringComparison.Ordinal)) return;
            var hybrid = string.Equals(currentAuthority, "sccm", StringComparison.Ordinal);
            throw new FastTrackException(AuthorityAlreadySet, FailureKind.InvalidOperation,
                $"The tenant's MDM authority is '{currentAuthority ?? "(not known)"}', not unset: "
                    + "setMobileDeviceManagementAuthority was not sent (it cannot be undone through Graph).",
                hybrid
                    ? "Migrate users and devices from hybrid MDM (Configuration Manager) to Intune standalone first, "
                        + "then change the authority in the Intune admin center."
                    : "Change the authority in the Intune admin center (Tenant administration > Tenant status) if it must change.",
                targetObject: currentAuthority);
        }

        public static void EnsureDelegated(TenantSession session)
        {
            if (!string.Equals(session.Info.TokenType, "Delegated", StringComparison.OrdinalIgnoreCase))
            {
                throw new FastTrackException(ErrorIds.PermissionDenied, FailureKind.PermissionDenied,
                    "Setting the MDM authority is a delegated-only action in Microsoft Graph: "
                        + "this connection is app-only, so nothing was sent.",
                    $"Connect as an Intune or Global Administrator (Connect-FastTrackTenant -UseDeviceCode) with {WritePermission}, "
                        + "then run Set-MdmAuthorityGuidance -Apply again.");
            }
        }
    }
}
