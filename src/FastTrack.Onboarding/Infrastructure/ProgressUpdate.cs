namespace FastTrack.Onboarding.Infrastructure
{
    /// <summary>One Write-Progress record's worth of engine progress.</summary>
    internal sealed record ProgressUpdate(string Activity, string Status, int PercentComplete, bool Completed = false);
}
