using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;

namespace FastTrack.Onboarding.Tenants;

public static partial class EdgeTenants
{
    /// <summary>First federated domain of <see cref="ReadFidelity"/>: its federationConfiguration answers.</summary>
    public static string FederatedReadable(string name = ReadFidelity) => $"fed-a.{name}.example.com";

    /// <summary>Second federated domain of <see cref="ReadFidelity"/>: its federationConfiguration answers 403.</summary>
    public static string FederatedForbidden(string name = ReadFidelity) => $"fed-b.{name}.example.com";

    /// <summary>Device names of the two Windows PCs: the first runs the legacy Intune PC agent.</summary>
    public static readonly (string Legacy, string Mdm) ReadFidelityPcs = ("FID-LT-001", "FID-LT-002");

    /// <summary>
    /// read-fidelity, on top of the no-premium shape (Office 365 E3 + Intune, security defaults on, no
    /// Entra ID P1, so the emulator's licence gate answers 403 on the registration report and sign-in logs):
    /// two federated domains, one of whose federationConfiguration answers 403 through <c>errors</c>; two
    /// Windows PCs, one still on the legacy Intune PC agent (managementAgent intuneClient). Shapes follow
    /// Microsoft's samples for domain, internalDomainFederation and managedDevice.
    /// </summary>
    private static void AddReadFidelity(
        JsonObject root, ushort scope, IReadOnlyList<(string Id, string Upn, string Name)> users, DateTimeOffset now)
    {
        var r = Fixture.Resources(root);
        var readable = FederatedReadable();
        var forbidden = FederatedForbidden();
        var domains = (JsonArray)r["v1.0/domains"]!;
        foreach (var domain in new[] { readable, forbidden })
        {
            domains.Add(DemoTenant.Domain(domain, "Federated", false, false, true, "Email", "OfficeCommunicationsOnline"));
            r[$"v1.0/domains/{domain}/serviceConfigurationRecords"] = DemoTenant.ServiceConfigurationRecords(domain);
        }

        r[$"v1.0/domains/{readable}/federationConfiguration"] = Json.Array(new JsonObject
        {
            ["@odata.type"] = "#microsoft.graph.internalDomainFederation",
            ["id"] = Ids.Of(Ids.Kind.Misc, 200, scope),
            ["displayName"] = "Read Fidelity AD FS",
            ["issuerUri"] = $"http://sts.{readable}/adfs/services/trust",
            ["metadataExchangeUri"] = $"https://sts.{readable}/adfs/services/trust/mex",
            ["signingCertificate"] = SigningCertificate(readable, now.AddYears(1)),
            ["nextSigningCertificate"] = null,
            ["passiveSignInUri"] = $"https://sts.{readable}/adfs/ls/",
            ["activeSignInUri"] = $"https://sts.{readable}/adfs/services/trust/2005/usernamemixed",
            ["signOutUri"] = $"https://sts.{readable}/adfs/ls/?wa=wsignout1.0",
            ["preferredAuthenticationProtocol"] = "wsFed",
            ["promptLoginBehavior"] = "nativeSupport",
            ["isSignedAuthenticationRequestRequired"] = false,
            ["federatedIdpMfaBehavior"] = "acceptIfMfaDoneByFederatedIdp",
            ["passwordResetUri"] = null,
            ["signingCertificateUpdateStatus"] = new JsonObject
            {
                ["certificateUpdateResult"] = "Success",
                ["lastRunDateTime"] = Json.Date(now.AddDays(-5)),
            },
        });
        // What Graph answers a caller refused on one domain's federation settings.
        Fixture.Errors(root)[$"v1.0/domains/{forbidden}/federationConfiguration"] =
            Json.Error(403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation.");

        var (legacy, mdm) = ReadFidelityPcs;
        var owner = users[1];
        r["v1.0/deviceManagement/managedDevices"] = Json.Array(
            DemoTenant.ManagedDevice(Ids.Of(Ids.Kind.Device, 1, scope), owner.Id, owner.Upn, owner.Name,
                "Windows", "10.0.19045.5131", "intuneClient", "userEnrollment", "company", "unknown",
                "Dell Inc.", "Latitude 5490", "SNFID0001", now.AddDays(-300), now.AddHours(-3), true,
                256_000_000_000, 120_000_000_000, legacy),
            DemoTenant.ManagedDevice(Ids.Of(Ids.Kind.Device, 2, scope), owner.Id, owner.Upn, owner.Name,
                "Windows", "10.0.26100.2314", "mdm", "windowsAzureADJoin", "company", "compliant",
                "Microsoft Corporation", "Surface Laptop 6", "SNFID0002", now.AddDays(-60), now.AddHours(-1), true,
                512_000_000_000, 300_000_000_000, mdm));
    }

    // A token-signing certificate valid until notAfter: the AD FS item judges expiry against the clock.
    private static string SigningCertificate(string domain, DateTimeOffset notAfter)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN=ADFS Signing - sts.{domain}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(notAfter.AddYears(-2), notAfter);
        return Convert.ToBase64String(certificate.Export(X509ContentType.Cert));
    }
}
