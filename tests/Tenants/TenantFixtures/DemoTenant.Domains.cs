using System.Text.Json.Nodes;

namespace FastTrack.Onboarding.Tenants;

public static partial class DemoTenant
{
    /// <summary>AD FS token-signing certificate of fabrikamdemo.com: CN=ADFS Signing - sts.fabrikamdemo.com,
    /// valid 2025-12-15 → <b>2026-12-15</b> (25 days after the reference date), thumbprint
    /// F81E61616A1CF064C7E6D2038E06347729EA8AB0.</summary>
    public const string SigningCertificate =
        "MIIC3DCCAcSgAwIBAgIIJuh70Nn1euUwDQYJKoZIhvcNAQELBQAwLjEsMCoGA1UEAxMjQURGUyBTaWduaW5nIC0gc3RzLmZhYnJpa2FtZGVtby5jb20wHhcN"
        + "MjUxMjE1MDAwMDAwWhcNMjYxMjE1MDAwMDAwWjAuMSwwKgYDVQQDEyNBREZTIFNpZ25pbmcgLSBzdHMuZmFicmlrYW1kZW1vLmNvbTCCASIwDQYJKoZIhvcN"
        + "AQEBBQADggEPADCCAQoCggEBAMRcY+N8L0aD78METHHHS+3o65glj5hZUJmBBuE4wU7a8x5VzhAdgTJ8wN5LerwzoWFT2VIpDtCWsBIPagf7WF8T0fY2VpgF"
        + "9EYmwHy3EA7sqpnDBI61e9uV5ZW4ZV9vsDVbUsVrjHPow9NH2ys7Xnf5Z+qlSTVSwbShse6Dsq+oNPxOac8rcYGsRkxe0St5772TVKskE4r+oXsmWj1xQFDV"
        + "fPcR5ve93BfApLPZmQpYn14rwzY91QxF5l7Xmnj7del4CJcLXHE1tOQiXC+h5tv5Nt6mMLvQ+4T3akFdEf7J/3qC65baJdS4z3akw6h1J/o7uETyEj12/E4V"
        + "u5atassCAwEAATANBgkqhkiG9w0BAQsFAAOCAQEAiExRGTJMgnE3mGu7BnU815dV6zUU1dKMGde8If664dq+54esPdx5JAnwf3ITDb028KP8T6erWvy1PctK"
        + "j9IBqLG0M90NwlSucfLAkBmHPnGgUpywMUvvlEgqPqWmHQmaX4cwmBuK1IbaDqXcGl9W2JLTc6IDaa5FmTy0TJP3r4SfxIHZ/sVikR4gpoaWLbsy2RDs80TM"
        + "iljb63zSn0QZqLpXCokwLkic65WCwuXjZSjNubVkvW7Lc0rd8cHjainEJBVEO/y6TnDcTFfEqiozoRShy6tpyvbqSKnxJ0yzWYe3/3O/1lkdipXlH0hxHchk"
        + "NGYtNKP47h4yDoGJCYvZeg==";

    /// <summary>The next (rollover) certificate: valid 2026-11-15 → 2027-11-15, thumbprint
    /// 57C30D8EDA4A04A4542FFF148FE4E13A99C8D888.</summary>
    public const string NextSigningCertificate =
        "MIIC3DCCAcSgAwIBAgIIIAQYSNkGThEwDQYJKoZIhvcNAQELBQAwLjEsMCoGA1UEAxMjQURGUyBTaWduaW5nIC0gc3RzLmZhYnJpa2FtZGVtby5jb20wHhcN"
        + "MjYxMTE1MDAwMDAwWhcNMjcxMTE1MDAwMDAwWjAuMSwwKgYDVQQDEyNBREZTIFNpZ25pbmcgLSBzdHMuZmFicmlrYW1kZW1vLmNvbTCCASIwDQYJKoZIhvcN"
        + "AQEBBQADggEPADCCAQoCggEBAMr3scaADstkg3I7sgrMyATFwZPd8SobmthlBKIhG26Vw6r9NnXaRn2frY/7F46aYI33Fw0mremSuOpHmw0EjbWFDo3yUNPg"
        + "y4UqkUQGzSHSDJH/PSWyEBvGqlMMAG7Wm7+XkeOfAXQv9cW/evwdYBjZ+dp9zAUzTaIFHma2GESVzbUr6smD06GUT2oZ7xpoQhsNszpbEauRktEHm1L9KoUx"
        + "/HHjTcmVt7/VfdbKNjSKnE9v/QzpoGG/1TdpAb6Ox1hLepcHlLrPMDldQofaiszLUS5WZ1qc45fk5NlF3zoYJ3OtBbBtwNkYGra2LgeNByN5UWKhrHDBYkP8"
        + "oIoSygUCAwEAATANBgkqhkiG9w0BAQsFAAOCAQEAr/KspJx3hZZPLmWsV5zlfwQmDQIHWmg+AISu8vISKlbx14IYBFO9mcPN/qiNR9Ponl2hU3sshdbVjVXs"
        + "hxsWptAYtJPVG1tJlE1bEzynVGufnU2qnr7BxQ4sDfQ9QkCjLCEX94l2+L1axkOIQYsugZ+WaP90YBRrKS5hZVF65bMLASWkqdV+XOYAqNnO95Pi1LkDmZKR"
        + "bCxsRgPGdDJ7SYHNVciRAJcS0RFANQ+SakMjfBZnYkR16AIHYz9hTbS2EnGtfyKi5NDgEk3hCeMiWVrjlyHygOD8xlbyzf/jXUC9sACl3/ubbzwJpr610418"
        + "GjHR7b6bhhztGjaEk4l5Zw==";

    public static readonly DateTimeOffset SigningCertificateExpiry = new(2026, 12, 15, 0, 0, 0, TimeSpan.Zero);

    internal static JsonObject Domain(
        string id, string authenticationType, bool isDefault, bool isInitial, bool isVerified, params string[] services) => new()
        {
            ["id"] = id,
            ["authenticationType"] = authenticationType,
            ["availabilityStatus"] = null,
            ["isAdminManaged"] = true,
            ["isDefault"] = isDefault,
            ["isInitial"] = isInitial,
            ["isRoot"] = true,
            ["isVerified"] = isVerified,
            ["passwordNotificationWindowInDays"] = 14,
            ["passwordValidityPeriodInDays"] = 2147483647,
            ["supportedServices"] = Json.Strings(services),
            ["state"] = null,
        };

    private static JsonObject Dns(
        string domain, int n, string type, string label, string service, JsonObject specific, bool optional = false)
    {
        var o = new JsonObject
        {
            ["@odata.type"] = "#microsoft.graph.domainDns" + type + "Record",
            ["id"] = Ids.Of(Ids.Kind.Misc, n, (ushort)(domain.Length * 31 + domain[0])),
            ["isOptional"] = optional,
            ["label"] = label,
            ["recordType"] = type == "Cname" ? "CName" : type,
            ["supportedService"] = service,
            ["ttl"] = 3600,
        };
        foreach (var (k, v) in specific.ToList()) { specific.Remove(k); o[k] = v; }
        return o;
    }

    /// <summary>The records Graph says <paramref name="domain"/> needs for Email, OfficeCommunicationsOnline and Intune
    /// (what Test-FastTrackDns compares with live DNS).</summary>
    public static JsonArray ServiceConfigurationRecords(string domain)
    {
        var mx = domain.Replace('.', '-') + ".mail.protection.outlook.com";
        return Json.Array(
            Dns(domain, 1, "Mx", domain, "Email", new() { ["mailExchange"] = mx, ["preference"] = 0 }),
            Dns(domain, 2, "Txt", domain, "Email", new() { ["text"] = "v=spf1 include:spf.protection.outlook.com -all" }),
            Dns(domain, 3, "Cname", "autodiscover." + domain, "Email", new() { ["canonicalName"] = "autodiscover.outlook.com" }),
            Dns(domain, 4, "Srv", domain, "OfficeCommunicationsOnline", new()
            {
                ["nameTarget"] = "sipdir.online.lync.com",
                ["port"] = 443,
                ["priority"] = 100,
                ["protocol"] = "_tls",
                ["service"] = "_sip",
                ["weight"] = 1,
            }),
            Dns(domain, 5, "Srv", domain, "OfficeCommunicationsOnline", new()
            {
                ["nameTarget"] = "sipfed.online.lync.com",
                ["port"] = 5061,
                ["priority"] = 100,
                ["protocol"] = "_tcp",
                ["service"] = "_sipfederationtls",
                ["weight"] = 1,
            }),
            Dns(domain, 6, "Cname", "sip." + domain, "OfficeCommunicationsOnline", new() { ["canonicalName"] = "sipdir.online.lync.com" }),
            Dns(domain, 7, "Cname", "lyncdiscover." + domain, "OfficeCommunicationsOnline",
                new() { ["canonicalName"] = "webdir.online.lync.com" }),
            Dns(domain, 8, "Cname", "enterpriseregistration." + domain, "Intune",
                new() { ["canonicalName"] = "enterpriseregistration.windows.net" }),
            Dns(domain, 9, "Cname", "enterpriseenrollment." + domain, "Intune",
                new() { ["canonicalName"] = "enterpriseenrollment-s.manage.microsoft.com" }),
            // Optional record: a DNS check must not count it as missing.
            Dns(domain, 10, "Cname", "msoid." + domain, "OrgIdAuthentication",
                new() { ["canonicalName"] = "clientconfig.microsoftonline-p.net" }, optional: true));
    }

    internal static JsonArray VerificationRecords(string domain, int code) => Json.Array(
        Dns(domain, 20, "Txt", domain, "None", new() { ["text"] = $"MS=ms{code:D8}" }),
        Dns(domain, 21, "Mx", domain, "None", new() { ["mailExchange"] = $"ms{code:D8}.msv1.invalid", ["preference"] = 32767 }));

    private static void AddDomains(JsonObject r)
    {
        r["v1.0/domains"] = Json.Array(
            Domain(InitialDomain, "Managed", false, true, true, "Email", "OfficeCommunicationsOnline"),
            Domain(ManagedDomain, "Managed", true, false, true, "Email", "OfficeCommunicationsOnline", "Intune"),
            Domain(FederatedDomain, "Federated", false, false, true, "Email", "OfficeCommunicationsOnline", "Intune"),
            // Added but never verified: checks skip it (and G-O3 "Cannot assess: domain not verified" for it alone).
            Domain(UnverifiedDomain, "Managed", false, false, false));

        // The initial domain needs no records from the customer (checks skip isInitial).
        r[$"v1.0/domains/{InitialDomain}/serviceConfigurationRecords"] = new JsonArray();
        r[$"v1.0/domains/{ManagedDomain}/serviceConfigurationRecords"] = ServiceConfigurationRecords(ManagedDomain);
        r[$"v1.0/domains/{FederatedDomain}/serviceConfigurationRecords"] = ServiceConfigurationRecords(FederatedDomain);
        r[$"v1.0/domains/{UnverifiedDomain}/serviceConfigurationRecords"] = new JsonArray();
        r[$"v1.0/domains/{InitialDomain}/verificationDnsRecords"] = new JsonArray();
        r[$"v1.0/domains/{ManagedDomain}/verificationDnsRecords"] = VerificationRecords(ManagedDomain, 41207733);
        r[$"v1.0/domains/{FederatedDomain}/verificationDnsRecords"] = VerificationRecords(FederatedDomain, 58120914);
        r[$"v1.0/domains/{UnverifiedDomain}/verificationDnsRecords"] = VerificationRecords(UnverifiedDomain, 77340215);

        // Managed domains: empty federationConfiguration collection. Federated: one AD FS entry
        // (G-O8 → Configured: URIs, signing certificate, last update Success; the certificate expires
        // 25 days after the reference date and a next certificate is staged).
        r[$"v1.0/domains/{InitialDomain}/federationConfiguration"] = new JsonArray();
        r[$"v1.0/domains/{ManagedDomain}/federationConfiguration"] = new JsonArray();
        r[$"v1.0/domains/{UnverifiedDomain}/federationConfiguration"] = new JsonArray();
        r[$"v1.0/domains/{FederatedDomain}/federationConfiguration"] = Json.Array(new JsonObject
        {
            ["@odata.type"] = "#microsoft.graph.internalDomainFederation",
            ["id"] = Ids.Of(Ids.Kind.Misc, 100),
            ["displayName"] = "Fabrikam AD FS",
            ["issuerUri"] = "http://sts.fabrikamdemo.com/adfs/services/trust",
            ["metadataExchangeUri"] = "https://sts.fabrikamdemo.com/adfs/services/trust/mex",
            ["signingCertificate"] = SigningCertificate,
            ["nextSigningCertificate"] = NextSigningCertificate,
            ["passiveSignInUri"] = "https://sts.fabrikamdemo.com/adfs/ls/",
            ["activeSignInUri"] = "https://sts.fabrikamdemo.com/adfs/services/trust/2005/usernamemixed",
            ["signOutUri"] = "https://sts.fabrikamdemo.com/adfs/ls/?wa=wsignout1.0",
            ["preferredAuthenticationProtocol"] = "wsFed",
            ["promptLoginBehavior"] = "nativeSupport",
            ["isSignedAuthenticationRequestRequired"] = false,
            ["federatedIdpMfaBehavior"] = "acceptIfMfaDoneByFederatedIdp",
            ["passwordResetUri"] = null,
            ["signingCertificateUpdateStatus"] = new JsonObject
            {
                ["certificateUpdateResult"] = "Success",
                ["lastRunDateTime"] = Json.Date(ReferenceDate.AddDays(-5)),
            },
        });

        // Delegated-only (Global Administrator) Connect Sync feature flags:
        // PHS on (G-O6 → Configured), writeback off (G-O7 → NotConfigured; app-only → NotAssessed/DelegatedOnly).
        r["v1.0/directory/onPremisesSynchronization"] = Json.Array(SyncFeatures(TenantId, passwordSync: true, writeback: false));
    }

    internal static JsonObject SyncFeatures(string id, bool passwordSync, bool writeback) => new()
    {
        ["id"] = id,
        ["configuration"] = new JsonObject
        {
            ["accidentalDeletionPrevention"] = new JsonObject
            {
                ["synchronizationPreventionType"] = "enabledForCount",
                ["alertThreshold"] = 500,
            },
        },
        ["features"] = new JsonObject
        {
            ["blockCloudObjectTakeoverThroughHardMatchEnabled"] = true,
            ["blockSoftMatchEnabled"] = false,
            ["bypassDirSyncOverridesEnabled"] = false,
            ["cloudPasswordPolicyForPasswordSyncedUsersEnabled"] = false,
            ["concurrentCredentialUpdateEnabled"] = false,
            ["concurrentOrgIdProvisioningEnabled"] = true,
            ["deviceWritebackEnabled"] = false,
            ["directoryExtensionsEnabled"] = false,
            ["fopeConflictResolutionEnabled"] = false,
            ["groupWriteBackEnabled"] = false,
            ["passwordSyncEnabled"] = passwordSync,
            ["passwordWritebackEnabled"] = writeback,
            ["quarantineUponProxyAddressesConflictEnabled"] = true,
            ["quarantineUponUpnConflictEnabled"] = true,
            ["softMatchOnUpnEnabled"] = true,
            ["synchronizeUpnForManagedUsersEnabled"] = true,
            ["unifiedGroupWritebackEnabled"] = false,
            ["userForcePasswordChangeOnLogonEnabled"] = false,
            ["userWritebackEnabled"] = false,
        },
    };
}
