using FastTrack.Onboarding.Model.Assessment;

namespace FastTrack.Onboarding.Engine.Tests.Notifications;

/// <summary>A hand-made assessment with known counts: 3 Configured, 2 Partial, 4 NotConfigured, 1 NotAssessed, 1 Info.</summary>
internal static class SampleAssessment
{
    public const string TenantName = "Contoso Send Test";
    public const string TenantId = "5e0d0001-0000-4000-8000-00000000aaaa";

    public static AssessmentReport Build()
    {
        var results = new List<CheckResult>();
        void Add(string id, CheckStatus status, FastTrackPhase phase, string remediation = "", string? permission = null) =>
            results.Add(new CheckResult
            {
                CheckId = id,
                Title = "Title of " + id,
                Status = status,
                Phase = phase,
                Remediation = remediation,
                MissingPermission = permission,
                Evidence = "evidence " + id,
            });
        Add("FT-ASSESS-ID-01", CheckStatus.Configured, FastTrackPhase.Assess);
        Add("FT-ASSESS-ID-02", CheckStatus.Configured, FastTrackPhase.Assess);
        Add("FT-ENABLE-MDM-01", CheckStatus.Configured, FastTrackPhase.Enable);
        Add("FT-ASSESS-NET-02", CheckStatus.Partial, FastTrackPhase.Assess, "Open the proxy for Teams media.");
        Add("FT-ENABLE-MDM-03", CheckStatus.Partial, FastTrackPhase.Enable, "Assign the compliance policy to all users.");
        Add("FT-INITIATE-LIC-01", CheckStatus.NotConfigured, FastTrackPhase.Initiate, "Assign Microsoft 365 E3 licences.");
        Add("FT-ASSESS-ID-05", CheckStatus.NotConfigured, FastTrackPhase.Assess, "Enable MFA registration.");
        Add("FT-ASSESS-ID-07", CheckStatus.NotConfigured, FastTrackPhase.Assess, "Turn on self-service password reset.");
        Add("FT-ENABLE-MDM-02", CheckStatus.NotConfigured, FastTrackPhase.Enable, "Set the MDM authority to Intune.");
        Add("FT-ASSESS-CA-01", CheckStatus.NotAssessed, FastTrackPhase.Assess, permission: "Policy.Read.All");
        Add("FT-ASSESS-INFO-01", CheckStatus.Info, FastTrackPhase.Assess);
        return new AssessmentReport
        {
            TenantId = TenantId,
            TenantName = TenantName,
            InitialDomain = "contososend.onmicrosoft.com",
            StartedOn = new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero),
            CompletedOn = new DateTimeOffset(2026, 12, 1, 9, 1, 0, TimeSpan.Zero),
            Results = results,
        };
    }
}
