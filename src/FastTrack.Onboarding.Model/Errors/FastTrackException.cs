using System;

namespace FastTrack.Onboarding.Model.Errors
{
    /// <summary>
    /// A failure the admin can act on. <see cref="ErrorId"/> is stable forever (scripts match on
    /// it); <see cref="RecommendedAction"/> says what to do. Messages never carry a token or secret.
    /// </summary>
    public sealed class FastTrackException : Exception
    {
        public FastTrackException(
            string errorId,
            FailureKind kind,
            string message,
            string recommendedAction,
            Exception? innerException = null,
            object? targetObject = null)
            : base(message, innerException)
        {
            ErrorId = errorId;
            Kind = kind;
            RecommendedAction = recommendedAction;
            TargetObject = targetObject;
        }

        public string ErrorId { get; }
        public FailureKind Kind { get; }
        public string RecommendedAction { get; }
        public object? TargetObject { get; }
    }
}
