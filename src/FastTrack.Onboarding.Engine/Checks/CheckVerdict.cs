using System.Collections.Generic;
using FastTrack.Onboarding.Model.Assessment;

namespace FastTrack.Onboarding.Engine.Checks
{
    /// <summary>What a check's evaluation decides; the evaluator adds the check's identity to make a CheckResult.</summary>
    public sealed record CheckVerdict
    {
        public CheckStatus Status { get; init; }
        public NotAssessedReason Reason { get; init; }
        public string Evidence { get; init; } = string.Empty;
        public string Remediation { get; init; } = string.Empty;
        public IReadOnlyDictionary<string, object?> Figures { get; init; } = new Dictionary<string, object?>();
        public string? MissingPermission { get; init; }
        public string? MissingLicense { get; init; }

        public static CheckVerdict Configured(string evidence, IReadOnlyDictionary<string, object?>? figures = null) =>
            new CheckVerdict { Status = CheckStatus.Configured, Evidence = evidence, Figures = figures ?? Empty };

        public static CheckVerdict Partial(string evidence, string remediation, IReadOnlyDictionary<string, object?>? figures = null) =>
            new CheckVerdict { Status = CheckStatus.Partial, Evidence = evidence, Remediation = remediation, Figures = figures ?? Empty };

        public static CheckVerdict NotConfigured(
            string evidence,
            string remediation,
            IReadOnlyDictionary<string, object?>? figures = null) =>
            new CheckVerdict
            {
                Status = CheckStatus.NotConfigured,
                Evidence = evidence,
                Remediation = remediation,
                Figures = figures ?? Empty
            };

        public static CheckVerdict NotApplicable(string evidence, IReadOnlyDictionary<string, object?>? figures = null) =>
            new CheckVerdict { Status = CheckStatus.NotApplicable, Evidence = evidence, Figures = figures ?? Empty };

        public static CheckVerdict Info(string evidence, string remediation = "", IReadOnlyDictionary<string, object?>? figures = null) =>
            new CheckVerdict { Status = CheckStatus.Info, Evidence = evidence, Remediation = remediation, Figures = figures ?? Empty };

        /// <summary>Graph cannot answer this item: say so, and give the manual step.</summary>
        public static CheckVerdict NoGraphApi(string evidence, string manualStep) =>
            new CheckVerdict
            {
                Status = CheckStatus.NotAssessed,
                Reason = NotAssessedReason.NoGraphApi,
                Evidence = evidence,
                Remediation = manualStep
            };

        public static CheckVerdict NotAssessed(NotAssessedReason reason, string evidence, string remediation) =>
            new CheckVerdict { Status = CheckStatus.NotAssessed, Reason = reason, Evidence = evidence, Remediation = remediation };

        private static readonly IReadOnlyDictionary<string, object?> Empty = new Dictionary<string, object?>();
    }
}
