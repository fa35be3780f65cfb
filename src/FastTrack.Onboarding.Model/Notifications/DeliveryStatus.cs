namespace FastTrack.Onboarding.Model.Notifications
{
    /// <summary>How one channel's delivery ended.</summary>
    public enum DeliveryStatus
    {
        /// <summary>The receiver accepted it (Teams 2xx, Graph 202 Accepted).</summary>
        Sent,

        /// <summary>It was not delivered; <c>ErrorId</c> and <c>Error</c> say why.</summary>
        Failed,
    }
}
