using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using FastTrack.Onboarding.Model.Errors;
using FastTrack.Onboarding.Model.History;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace FastTrack.Onboarding.Engine.History
{
    /// <summary>
    /// Risk acceptances from a YAML file kept in a repository for CI:
    /// <code>
    /// exceptions:
    ///   - checkId: FT-ASSESS-ID-04
    ///     reason: Legacy .local UPNs until the AD migration
    ///     owner: Alex Wilber
    ///     expires: 2027-01-31
    ///     tenantId: 7e0a0001-...   # optional: any tenant when omitted
    /// </code>
    /// Every entry needs a check id, reason, owner and expiry; a bad file is an error, never "no exceptions".
    /// </summary>
    public static class RiskAcceptanceYaml
    {
        private sealed class FileShape
        {
            public List<Entry>? Exceptions { get; set; }
        }

        private sealed class Entry
        {
            public string? CheckId { get; set; }
            public string? Reason { get; set; }
            public string? Owner { get; set; }
            public string? Expires { get; set; }
            public string? TenantId { get; set; }
        }

        public static IReadOnlyList<RiskAcceptance> Load(string path)
        {
            string text;
            try
            {
                text = File.ReadAllText(path);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                throw Invalid(path, e.Message, e);
            }

            return Parse(text, Path.GetFileName(path));
        }

        public static IReadOnlyList<RiskAcceptance> Parse(string text, string source)
        {
            FileShape? shape;
            try
            {
                var deserializer = new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).Build();
                shape = deserializer.Deserialize<FileShape>(text);
            }
            catch (YamlException e)
            {
                throw Invalid(source, $"line {e.Start.Line}: {e.Message}", e);
            }

            var list = new List<RiskAcceptance>();
            var n = 0;
            foreach (var entry in shape?.Exceptions ?? new List<Entry>())
            {
                n++;
                if (string.IsNullOrWhiteSpace(entry.CheckId)
                    || string.IsNullOrWhiteSpace(entry.Reason)
                    || string.IsNullOrWhiteSpace(entry.Owner)
                    || string.IsNullOrWhiteSpace(entry.Expires))
                {
                    throw Invalid(source, $"entry {n} needs checkId, reason, owner and expires");
                }

                if (!DateTimeOffset.TryParse(entry.Expires, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var expires))
                {
                    throw Invalid(source, $"entry {n} ({entry.CheckId}): expires '{entry.Expires}' is not a date");
                }

                list.Add(new RiskAcceptance
                {
                    TenantId = entry.TenantId ?? string.Empty,
                    CheckId = entry.CheckId!.Trim(),
                    Reason = entry.Reason!.Trim(),
                    Owner = entry.Owner!.Trim(),
                    Expires = expires,
                    Source = source,
                });
            }

            return list;
        }

        private static FastTrackException Invalid(string source, string why, Exception? inner = null) =>
            new FastTrackException(ErrorIds.ExceptionFileInvalid, FailureKind.InvalidData,
                $"The exceptions file '{source}' is not valid: {why}.",
                "Fix the file: a list under 'exceptions:' with checkId, reason, owner and expires (yyyy-MM-dd) for each entry.",
                inner,
                source);
    }
}
