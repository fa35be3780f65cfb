using System.IO;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace FastTrack.Onboarding.Engine.Enable
{
    /// <summary>
    /// mobileDeviceManagementAuthority from a raw organization answer, telling three cases apart: a value
    /// (lower case, as Graph spells the mdmAuthority enum), "not set" (Graph's <c>unknown</c>, or an explicit
    /// null), and "not returned" (null here): only the first two are facts about the tenant.
    /// </summary>
    internal static class MdmAuthorityValue
    {
        private const string Property = "mobileDeviceManagementAuthority";

        public static async Task<string?> ReadAsync(Stream? body, CancellationToken cancellationToken)
        {
            if (body == null) return null;
            JsonDocument document;
            try
            {
                document = await JsonDocument.ParseAsync(body, default, cancellationToken).ConfigureAwait(false);
            }
            catch (JsonException)
            {
                return null; // an answer that is not JSON did not return the property either
            }

            using (document)
            {
                if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty(Property, out var value))
                    return null;
                switch (value.ValueKind)
                {
                    case JsonValueKind.Null: return MdmAuthorityClient.NotSet;
                    case JsonValueKind.String:
                        var text = value.GetString();
                        return string.IsNullOrWhiteSpace(text) ? null : text!.Trim().ToLowerInvariant();
                    default: return null;
                }
            }
        }
    }
}
