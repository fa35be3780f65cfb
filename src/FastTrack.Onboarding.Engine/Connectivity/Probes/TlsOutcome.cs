using FastTrack.Onboarding.Model.Connectivity;

namespace FastTrack.Onboarding.Engine.Connectivity.Probes
{
    internal sealed record TlsOutcome(ConnectivityStatus Status, string Detail, string? Issuer, bool? IssuerRecognized, double ElapsedMs);
}
