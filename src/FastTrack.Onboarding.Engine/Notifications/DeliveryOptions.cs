using System;

namespace FastTrack.Onboarding.Engine.Notifications
{
    /// <summary>How long one delivery may take, retries included.</summary>
    public sealed record DeliveryOptions
    {
        /// <summary>One HTTP request's own limit.</summary>
        public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(60);

        /// <summary>
        /// The whole channel's limit: a 429's Retry-After is waited out only when the retry still fits
        /// before it, otherwise the throttling is reported (with the wait asked for) instead of hanging.
        /// </summary>
        public TimeSpan Deadline { get; init; } = TimeSpan.FromMinutes(5);

        /// <summary>Retries after 429/503 at most (the deadline usually ends them first).</summary>
        public int MaxRetries { get; init; } = 4;
    }
}
