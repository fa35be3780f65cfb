namespace FastTrack.Onboarding.GraphEmulator;

/// <summary>
/// The licence errors Graph answers by itself, derived from the tenant's v1.0/subscribedSkus
/// (tests/Tenants/FORMAT.md): P1 for sign-in and registration reports, P2 for PIM schedules and
/// Identity Protection, INTUNE_A for everything Intune.
/// </summary>
public static class LicenceGates
{
    public const string AadPremiumP1 = "41781fb2-bc02-4b7c-bd55-b576c07bb09d";
    public const string AadPremiumP2 = "eec0eb4f-6444-4f95-aba0-50c24d67f998";
    public const string IntuneA = "c1ec4a95-1f05-45b3-a911-aa3fa01094f5";

    /// <summary>segments without the version.</summary>
    public static GraphError? Check(TenantState tenant, IReadOnlyList<string> s)
    {
        bool Starts(params string[] prefix) =>
            s.Count >= prefix.Length && prefix.Select((p, i) => string.Equals(p, s[i], StringComparison.OrdinalIgnoreCase)).All(x => x);

        var p2 = tenant.HasServicePlan(AadPremiumP2);
        if ((Starts("auditLogs", "signIns") || Starts("reports", "authenticationMethods")) && !p2 && !tenant.HasServicePlan(AadPremiumP1))
            return new GraphError(
                403,
                "Authentication_RequestFromNonPremiumTenantOrB2CTenant",
                "Neither tenant is B2C or tenant doesn't have premium license");
        if ((Starts("roleManagement", "directory", "roleEligibilitySchedules")
                || Starts("roleManagement", "directory", "roleAssignmentSchedules"))
            && !p2)
            return new GraphError(400, "AadPremiumLicenseRequired", "The tenant needs an AAD Premium 2 license.");
        if (Starts("identityProtection") && !p2)
            return new GraphError(
                403,
                "Forbidden",
                "Using the Identity Protection APIs (riskyUsers, riskDetections) requires a Microsoft Entra ID P2 license.");
        if ((Starts("deviceManagement") || Starts("deviceAppManagement")) && !tenant.HasServicePlan(IntuneA))
            return new GraphError(403, "Forbidden", "Request not applicable to target tenant.");
        return null;
    }
}
