namespace FastTrack.Onboarding.Model.Connectivity
{
    /// <summary>Counts per service area, category and required flag; what the Enable checks read.</summary>
    public sealed record ConnectivitySummary
    {
        public string ServiceArea { get; init; } = "";
        public EndpointCategory Category { get; init; }
        public bool Required { get; init; }
        public int Probes { get; init; }
        public int Reachable { get; init; }
        public int Refused { get; init; }
        public int Timeout { get; init; }
        public int DnsFailed { get; init; }
        public int TlsIntercepted { get; init; }
        public int TlsInvalid { get; init; }
        public int NotTestable { get; init; }
        public int NotTested { get; init; }
        public int Error { get; init; }
        public int OptimizeViaProxy { get; init; }
        public ConnectivityVerdict Verdict { get; init; }
    }
}
