namespace FastTrack.Onboarding.Engine.Collection
{
    /// <summary>A progress report from the collector, for Write-Progress.</summary>
    public sealed record CollectionProgress(int DatasetsDone, int DatasetsTotal, int Requests, long ItemsRead, string Activity)
    {
        public int PercentComplete => DatasetsTotal == 0 ? 100 : (int)(100L * DatasetsDone / DatasetsTotal);
    }
}
