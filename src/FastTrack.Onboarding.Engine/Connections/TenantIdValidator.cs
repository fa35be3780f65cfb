using System;
using System.Text.RegularExpressions;
using FastTrack.Onboarding.Model.Errors;

namespace FastTrack.Onboarding.Engine.Connections
{
    /// <summary>A tenant is named by its GUID or by one of its verified domain names.</summary>
    public static class TenantIdValidator
    {
        private static readonly Regex DomainName = new Regex(
            @"^(?=.{3,253}$)([a-zA-Z0-9]([a-zA-Z0-9\-]{0,61}[a-zA-Z0-9])?\.)+[a-zA-Z]{2,63}$",
            RegexOptions.Compiled);

        public static string Validate(string tenantId)
        {
            var trimmed = tenantId.Trim();
            if (Guid.TryParseExact(trimmed, "D", out var guid))
            {
                return guid.ToString("D");
            }

            if (DomainName.IsMatch(trimmed))
            {
                return trimmed.ToLowerInvariant();
            }

            throw new FastTrackException(ErrorIds.InvalidTenantId, FailureKind.InvalidArgument,
                $"'{tenantId}' is neither a tenant GUID (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx) nor a domain name.",
                "Pass the tenant id from Entra admin center > Overview, or a verified domain such as contoso.onmicrosoft.com.",
                targetObject: tenantId);
        }

        public static string ValidateClientId(string clientId)
        {
            if (Guid.TryParseExact(clientId.Trim(), "D", out var guid))
            {
                return guid.ToString("D");
            }

            throw new FastTrackException(ErrorIds.InvalidClientId, FailureKind.InvalidArgument,
                $"'{clientId}' is not an application (client) id; it must be a GUID.",
                "Copy the Application (client) ID from the app registration's Overview page.", targetObject: clientId);
        }
    }
}
