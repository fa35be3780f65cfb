using FastTrack.Onboarding.Model.Assessment;

namespace FastTrack.Onboarding.Engine.Snapshots
{
    /// <summary>Why a read failed, in terms a check result can carry to the admin.</summary>
    public sealed class DatasetFailure
    {
        public NotAssessedReason Reason { get; set; }
        public int? HttpStatus { get; set; }
        public string? GraphErrorCode { get; set; }
        public string Message { get; set; } = string.Empty;
        public string? Permission { get; set; }
        public string? License { get; set; }

        public override string ToString() => Message;
    }
}
