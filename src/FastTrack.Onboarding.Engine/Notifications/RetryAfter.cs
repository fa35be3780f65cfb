using System;
using System.Net.Http;

namespace FastTrack.Onboarding.Engine.Notifications
{
    /// <summary>The wait a 429/503 asks for (Retry-After seconds or date), or a short default when it names none.</summary>
    internal static class RetryAfter
    {
        private static readonly TimeSpan Default = TimeSpan.FromSeconds(2);

        public static bool IsRetryable(int status) => status == 429 || status == 503 || status == 504;

        public static TimeSpan Of(HttpResponseMessage response, int attempt)
        {
            var header = response.Headers.RetryAfter;
            if (header?.Delta is TimeSpan delta) return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
            if (header?.Date is DateTimeOffset date)
            {
                var wait = date - DateTimeOffset.UtcNow;
                return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
            }

            // No header: back off exponentially (2, 4, 8 s…), as Teams' docs advise for its 4-per-second limit.
            return TimeSpan.FromTicks(Default.Ticks << Math.Min(attempt, 5));
        }
    }
}
