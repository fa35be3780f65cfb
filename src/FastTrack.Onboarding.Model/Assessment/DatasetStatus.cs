namespace FastTrack.Onboarding.Model.Assessment
{
    /// <summary>How one piece of tenant data fared in the collection pass.</summary>
    public sealed record DatasetStatus
    {
        public string Id { get; init; } = string.Empty;
        public string Request { get; init; } = string.Empty;
        public bool Collected { get; init; }
        public int? ItemCount { get; init; }

        /// <summary>What <c>$count</c> said, where the resource supports it; differs from ItemCount on a mismatch.</summary>
        public long? ServerCount { get; init; }
        public NotAssessedReason Reason { get; init; }
        public string? Detail { get; init; }
        public string? MissingPermission { get; init; }
        public string? MissingLicense { get; init; }
    }
}
