namespace FastTrack.Onboarding.Model.Eligibility
{
    /// <summary>Where the 30-day FastTrack contact window after the latest eligible purchase stands.</summary>
    public enum ContactWindowState
    {
        /// <summary>No eligible paid subscription: there is no window.</summary>
        None,
        Open,
        DueToday,
        Overdue,
    }
}
