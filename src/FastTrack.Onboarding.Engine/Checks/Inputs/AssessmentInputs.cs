namespace FastTrack.Onboarding.Engine.Checks.Inputs
{
    /// <summary>
    /// Results of other cmdlets an assessment can take (Test-FastTrackConnectivity, Test-FastTrackDns)
    /// and the services chosen: items Graph cannot see are assessed from them when given, and otherwise
    /// reported as needing them. Each is null when it was not given.
    /// </summary>
    public sealed record AssessmentInputs
    {
        public static AssessmentInputs None { get; } = new AssessmentInputs();

        /// <summary>The workloads chosen with -Service (null: all).</summary>
        public ServiceScope? Scope { get; init; }

        /// <summary>Test-FastTrackDns's records, one per expected record (read by the Assess-phase DNS item).</summary>
        public DnsValidationSummary? Dns { get; init; }

        /// <summary>
        /// The same DNS test summarised per domain (the Enable-phase DNS items): made from the records, or
        /// given as a per-domain summary object when the records themselves were not.
        /// </summary>
        public DnsInput? DnsDomains { get; init; }

        /// <summary>Test-FastTrackConnectivity's probes, summarised.</summary>
        public ConnectivityInput? Connectivity { get; init; }

        /// <summary>The scope, or every workload when none was chosen.</summary>
        public ServiceScope ScopeOrAll => Scope ?? ServiceScope.All;
    }
}
