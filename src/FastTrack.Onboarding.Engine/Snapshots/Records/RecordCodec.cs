using System;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace FastTrack.Onboarding.Engine.Snapshots.Records
{
    /// <summary>
    /// How one slim record is written to disk and read back: one compact JSON object per line. The same
    /// shape as the records in a schema-1 snapshot file, so both formats read through one serializer setting.
    /// </summary>
    internal static class RecordCodec
    {
        public static readonly JsonSerializerOptions Options = new JsonSerializerOptions
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            Converters = { new JsonStringEnumConverter() },
        };

        public static void Write<T>(Utf8JsonWriter writer, T record) => JsonSerializer.Serialize(writer, record, Options);

        public static T Read<T>(ReadOnlySpan<byte> line) =>
            JsonSerializer.Deserialize<T>(line, Options) ?? throw new JsonException("A record line holds null.");

        /// <summary>
        /// A 16-byte key for an id: directory and Intune ids are GUIDs and are kept as such; anything else is
        /// hashed (MD5, as a fingerprint, not for security), so a million ids cost 16 bytes each, not a string each.
        /// </summary>
        public static Guid KeyOf(string id)
        {
            if (Guid.TryParse(id, out var guid))
            {
                return guid;
            }

            using var md5 = MD5.Create();
            return new Guid(md5.ComputeHash(Encoding.UTF8.GetBytes(id.ToLowerInvariant())));
        }
    }
}
