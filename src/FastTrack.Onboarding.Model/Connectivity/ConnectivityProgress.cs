namespace FastTrack.Onboarding.Model.Connectivity
{
    /// <summary>Progress of a run; reported from worker threads, so a cmdlet must marshal it before Write-Progress.</summary>
    public sealed record ConnectivityProgress
    {
        public string Activity { get; init; } = "";
        public int Completed { get; init; }
        public int Total { get; init; }
        public string? CurrentHost { get; init; }
    }
}
