using System;

namespace FastTrack.Onboarding.Engine.Collection
{
    /// <summary>A Graph read that answered with an error status; carries Graph's error code.</summary>
    internal sealed class GraphReadException : Exception
    {
        public GraphReadException(int status, string? code, string message, TimeSpan? retryAfter = null)
            : base(message)
        {
            Status = status;
            Code = code;
            RetryAfter = retryAfter;
        }

        public int Status { get; }
        public string? Code { get; }
        public TimeSpan? RetryAfter { get; }
    }

    /// <summary>The service handed back a nextLink it had already given: following it would never end.</summary>
    internal sealed class NextLinkLoopException : Exception
    {
        public NextLinkLoopException(string message) : base(message) { }
    }
}
