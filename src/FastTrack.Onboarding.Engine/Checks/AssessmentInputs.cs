using System.Collections.Generic;

namespace FastTrack.Onboarding.Engine.Checks
{
    /// <summary>
    /// Results of other cmdlets an assessment can take (Test-FastTrackConnectivity, Test-FastTrackDns):
    /// items Graph cannot see are assessed from them when given, and otherwise reported as needing them.
    /// </summary>
    public sealed record AssessmentInputs
    {
        public static AssessmentInputs None { get; } = new AssessmentInputs();

        /// <summary>Named results, each the engine-side summary of another cmdlet's output.</summary>
        public IReadOnlyDictionary<string, object> Results { get; init; } = new Dictionary<string, object>();
    }
}
