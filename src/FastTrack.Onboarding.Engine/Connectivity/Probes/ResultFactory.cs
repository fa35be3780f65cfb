using FastTrack.Onboarding.Model.Connectivity;

namespace FastTrack.Onboarding.Engine.Connectivity
{
    /// <summary>Builds the result row for a target before (or instead of) probing it.</summary>
    internal static class ResultFactory
    {
        public static ConnectivityProbeResult From(ProbeTarget t) => new ConnectivityProbeResult
        {
            Host = t.Host,
            Port = t.Port,
            Protocol = t.Protocol,
            UrlPattern = t.UrlPattern,
            IsRepresentativeHost = t.IsRepresentativeHost,
            ServiceArea = t.PrimaryServiceArea,
            ServiceAreas = t.ServiceAreas,
            EndpointSetIds = t.EndpointSetIds,
            Category = t.Category,
            Required = t.Required,
            TlsInspectionUnsupported = t.TlsInspectionUnsupported,
            Route = ConnectivityRoute.Direct,
        };

        public static ConnectivityProbeResult NotTestable(ProbeTarget t) =>
            From(t) with { Status = ConnectivityStatus.NotTestable, Detail = t.NotTestableReason ?? "" };

        public static ConnectivityProbeResult NotTested(ProbeTarget t, string why) =>
            From(t) with { Status = ConnectivityStatus.NotTested, Detail = why };
    }
}
