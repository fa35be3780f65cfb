using System.Text.Json;

namespace FastTrack.Onboarding.Engine.Collection
{
    /// <summary>How a shard reads the property it is cut by from an item as it comes off the wire.</summary>
    internal static class ShardValues
    {
        /// <summary>The item's string value of <paramref name="property"/>; null when missing, null or not a string.</summary>
        public static string? Of(JsonElement item, string? property) =>
            property != null && item.ValueKind == JsonValueKind.Object && item.TryGetProperty(property, out var value)
                && value.ValueKind == JsonValueKind.String
                ? value.GetString()
                : null;
    }
}
