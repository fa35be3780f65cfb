using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FastTrack.Onboarding.Engine.Diagnostics;
using FastTrack.Onboarding.Engine.Graph;
using FastTrack.Onboarding.Model.Connections;
using FastTrack.Onboarding.Model.Errors;

namespace FastTrack.Onboarding.Engine.Connections
{
    /// <summary>
    /// Reads the organization on connect: proves the token works against this tenant and gives the
    /// tenant's name and initial domain. A token without Organization.Read.All still connects
    /// (some checks need less), with a warning that says what is missing. Part of connecting, so it lives
    /// with the connection layer: the Graph namespace (error translation) then depends on nothing above it.
    /// </summary>
    internal static class OrganizationReader
    {
        public static async Task<ConnectionInfo> ReadIntoAsync(TenantSession session, IEngineLog log, CancellationToken cancellationToken)
        {
            try
            {
                var response = await session.Graph.Organization.GetAsync(rc =>
                {
                    rc.QueryParameters.Select = new[] { "id", "displayName", "verifiedDomains" };
                }, cancellationToken).ConfigureAwait(false);

                var organization = response?.Value?.FirstOrDefault();
                if (organization is null)
                {
                    throw new FastTrackException(ErrorIds.GraphRequestFailed, FailureKind.InvalidData,
                        "Microsoft Graph returned no organization for this tenant.",
                        "Check that -GraphEndpoint points at Microsoft Graph for this tenant.");
                }

                var initial = organization.VerifiedDomains?.FirstOrDefault(d => d.IsInitial == true)?.Name;
                log.Verbose($"Organization: {organization.DisplayName} ({organization.Id}), initial domain {initial}.");
                return session.Info with
                {
                    TenantId = organization.Id ?? session.Info.TenantId,
                    TenantName = organization.DisplayName,
                    InitialDomain = initial,
                };
            }
            catch (Exception e) when (!(e is OperationCanceledException) && !(e is FastTrackException))
            {
                var translated = GraphErrorTranslator.Translate(e, session.GraphRoot, "the organization");
                if (translated.ErrorId == ErrorIds.PermissionDenied)
                {
                    var warning = "Connected, but the organization could not be read (grant Organization.Read.All): " + translated.Message;
                    log.Warning(warning);
                    return session.Info with { OrganizationReadWarning = warning };
                }

                throw translated;
            }
        }
    }
}
