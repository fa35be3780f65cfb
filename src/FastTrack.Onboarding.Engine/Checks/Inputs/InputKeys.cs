namespace FastTrack.Onboarding.Engine.Checks.Inputs
{
    /// <summary>Keys of <see cref="AssessmentInputs.Results"/>: each names one summary record of this folder.</summary>
    public static class InputKeys
    {
        /// <summary><see cref="ServiceScope"/>: the workloads chosen with -Service.</summary>
        public const string ServiceScope = "ServiceScope";

        /// <summary><see cref="DnsValidationSummary"/>: Test-FastTrackDns results.</summary>
        public const string Dns = "Dns";

        /// <summary><see cref="ConnectivityInput"/>: Test-FastTrackConnectivity results.</summary>
        public const string Connectivity = "Connectivity";
    }
}
