namespace FastTrack.Onboarding.Model.History
{
    /// <summary>
    /// A document in the history that could not be used (corrupt, foreign, newer schema). It is
    /// reported and skipped, never deleted: it may be someone else's file or evidence of a fault.
    /// </summary>
    public sealed record HistoryProblem(string DocumentName, string ErrorId, string Message)
    {
        /// <summary>What to do about it (the document stays where it is).</summary>
        public string RecommendedAction { get; init; } = string.Empty;
    }
}
