using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using FastTrack.Onboarding.Engine.Checks;
using FastTrack.Onboarding.Engine.Checks.Inputs;

namespace FastTrack.Onboarding.Infrastructure
{
    /// <summary>
    /// Turns the objects of Test-FastTrackConnectivity / Test-FastTrackDns (or any object with the same
    /// property names, e.g. a deserialized one from Import-Clixml) into the engine's input summaries.
    /// Read by property name so the engine never sees a PowerShell type.
    /// </summary>
    internal static class EnableInputs
    {
        public static AssessmentInputs From(PSObject? connectivity, PSObject? dns)
        {
            var inputs = AssessmentInputs.None;
            if (connectivity != null)
            {
                var portsTested = Int(connectivity, "PortsTested");
                var portsOpen = Int(connectivity, "PortsOpen");
                inputs = inputs with { Connectivity = new ConnectivityInput
                {
                    TestedOn = Date(connectivity, "TestedOn"),
                    Probes = portsTested,
                    Failed = Math.Max(0, portsTested - portsOpen),
                    EndpointsTested = Int(connectivity, "EndpointsTested"),
                    EndpointsReachable = Int(connectivity, "EndpointsReachable"),
                    PortsTested = Int(connectivity, "PortsTested"),
                    PortsOpen = Int(connectivity, "PortsOpen"),
                    TlsIntercepted = Int(connectivity, "TlsIntercepted"),
                    Failures = Strings(connectivity, "Failures"),
                } };
            }

            if (dns != null)
            {
                var domains = Values(dns, "Domains").Select(PSObject.AsPSObject).Select(d => new DnsDomainInput
                {
                    Domain = Text(d, "Domain") ?? string.Empty,
                    RequiredRecords = Int(d, "RequiredRecords"),
                    MatchingRecords = Int(d, "MatchingRecords"),
                    Mismatches = Strings(d, "Mismatches"),
                }).ToList();
                inputs = inputs with { DnsDomains = new DnsInput { TestedOn = Date(dns, "TestedOn"), Domains = domains } };
            }

            return inputs;
        }

        private static object? Value(PSObject source, string name) => source.Properties[name]?.Value is object value ? (value is PSObject ps ? ps.BaseObject : value) : null;

        private static string? Text(PSObject source, string name) => Value(source, name)?.ToString();

        private static int Int(PSObject source, string name) =>
            Value(source, name) is object value && int.TryParse(Convert.ToString(value, CultureInfo.InvariantCulture), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number : 0;

        private static DateTimeOffset Date(PSObject source, string name) => Value(source, name) switch
        {
            DateTimeOffset offset => offset,
            DateTime time => new DateTimeOffset(time.ToUniversalTime(), TimeSpan.Zero),
            _ => DateTimeOffset.UtcNow,
        };

        private static IEnumerable<object> Values(PSObject source, string name) =>
            Value(source, name) is IEnumerable items && !(items is string) ? items.Cast<object>() : Enumerable.Empty<object>();

        private static IReadOnlyList<string> Strings(PSObject source, string name) => Values(source, name).Select(v => v.ToString() ?? string.Empty).ToList();
    }
}
