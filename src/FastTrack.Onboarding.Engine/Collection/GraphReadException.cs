using System;

namespace FastTrack.Onboarding.Engine.Collection
{
    /// <summary>A Graph read that answered with an error status; carries Graph's error code. Every
    /// error text from the service (direct or a $batch step) comes through here, so it is redacted here.</summary>
    internal sealed class GraphReadException : Exception
    {
        public GraphReadException(int status, string? code, string message, TimeSpan? retryAfter = null)
            : base(Security.SecretRedactor.Redact(message))
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

    /// <summary>
    /// A link (nextLink, redirect) to another origin than the Graph root: it is not followed, so the token never goes there.
    /// </summary>
    internal sealed class ForeignLinkException : Exception
    {
        public ForeignLinkException(string message) : base(message) { }
    }

    /// <summary>
    /// An answer bigger than any real Graph answer (a page with more items than asked, a value past its cap): reading stopped.
    /// </summary>
    internal sealed class ResponseTooLargeException : Exception
    {
        public ResponseTooLargeException(string message) : base(message) { }
    }
}
