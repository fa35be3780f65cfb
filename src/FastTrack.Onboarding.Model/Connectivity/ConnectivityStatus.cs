namespace FastTrack.Onboarding.Model.Connectivity
{
    /// <summary>Outcome of one host/port probe. Only <see cref="Reachable"/> is a pass.</summary>
    public enum ConnectivityStatus
    {
        Reachable,
        Refused,
        Timeout,
        DnsFailed,
        TlsIntercepted,
        TlsInvalid,
        /// <summary>No concrete host can be tested for this pattern (wildcard without a documented host).</summary>
        NotTestable,
        /// <summary>The probe was testable but the run's global deadline ended before it finished.</summary>
        NotTested,
        /// <summary>An unexpected local failure (socket error other than refused/unreachable); Detail says which.</summary>
        Error,
    }
}
