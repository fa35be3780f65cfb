namespace FastTrack.Onboarding.Engine.Snapshots
{
    /// <summary>Whether a dataset was read.</summary>
    public enum DatasetState
    {
        Collected,
        Failed,
    }
}
