using System.Text.Json.Nodes;

namespace FastTrack.Onboarding.Tenants;

/// <summary>
/// The scale tenant: generated users, devices, groups and service principals (only the fields the
/// checks read) plus the demo's configuration objects. Every attribute is a pure function of
/// (seed, object number), so the output is byte-identical for a seed whatever the sizes around it.
/// Ids keep the demo's scheme (user n = <see cref="DemoTenant.UserId(int)"/>), so the demo's role
/// assignments, pilot groups and policies reference objects that exist here too.
/// </summary>
internal static partial class SyntheticTenant
{
    private const int DemoGroups = DemoTenant.GroupCount;

    // Fractions per 1000 (drawn per object from the hash).
    private const int GuestPerMille = 20, CloudPerMille = 180;          // the rest synced
    private const int UnlicensedPerMille = 90, EmsPerMille = 150;
    private const int NoUsageLocationPerMille = 10, CountViolationPerMille = 5, ProvisioningErrorPerMille = 2, DisabledPerMille = 30;

    public static JsonObject Build(SyntheticTenantOptions o, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(o);
        if (o.Users < 8 || o.Devices < 0 || o.Groups < DemoGroups || o.ServicePrincipals < 12)
            throw new ArgumentOutOfRangeException(
                nameof(o), $"Need Users ≥ 8, Devices ≥ 0, Groups ≥ {DemoGroups}, ServicePrincipals ≥ 12.");
        var tenantId = o.TenantId ?? Ids.Of(Ids.Kind.Tenant, (uint)o.Seed, 0x5e5e);
        var displayName = $"Synthetic {o.Users} users (seed {o.Seed})";
        var root = Fixture.Root(tenantId, displayName, DemoTenant.InitialDomain, DemoTenant.AdminUserId, DemoTenant.AdminUpn, now);
        var r = Fixture.Resources(root);
        var seed = (ulong)(uint)o.Seed;

        // Day-granular timestamps cached: 100k users share ~1000 distinct strings.
        var days = new string[1100];
        for (var d = 0; d < days.Length; d++) days[d] = Json.Date(now.AddDays(-d).Date);
        var e3 = Skus.M365E3.SkuId;
        var ems = Skus.EmsE5.SkuId;
        var e3Group = DemoTenant.LicensingE3GroupId;
        var emsGroup = DemoTenant.LicensingEmsGroupId;

        int e3Used = 0, emsUsed = 0;
        var users = new JsonArray();
        var licenceErrors = new JsonArray();
        var registration = new JsonArray();
        for (var n = 1; n <= o.Users; n++)
        {
            var h = Hash(seed, (ulong)n, 1);
            var kind = n <= 8 ? 500 : (int)(h % 1000);                 // first eight: enabled licensed members (the demo's admins)
            var guest = kind < GuestPerMille;
            var cloud = !guest && kind < GuestPerMille + CloudPerMille;
            var synced = !guest && !cloud;
            var emea = synced && (h >> 10) % 4 == 0;
            var h2 = Hash(seed, (ulong)n, 2);
            var enabled = n <= 8 || (h2 % 1000) >= DisabledPerMille;
            var licensed = !guest && enabled && (n <= 8 || (h2 >> 10) % 1000 >= UnlicensedPerMille);
            var withEms = licensed && (h2 >> 20) % 1000 < EmsPerMille;
            var countViolation = withEms && (h2 >> 30) % 1000 < CountViolationPerMille * 10;   // ~5% of EMS holders
            var noUsage = licensed && (h2 >> 40) % 1000 < NoUsageLocationPerMille;
            var provError = synced && (h2 >> 50) % 1000 < ProvisioningErrorPerMille;

            var (first, last) = NamePool.Person(n + (long)o.Seed * 7919);
            var local = $"{first}.{last}{n}".ToLowerInvariant();
            var upn = guest ? $"{local}_partner.example#EXT#@{DemoTenant.InitialDomain}"
                : $"{local}@{(emea ? DemoTenant.FederatedDomain : DemoTenant.ManagedDomain)}";
            var id = DemoTenant.UserId(n);

            var assigned = new JsonArray();
            var states = new JsonArray();
            if (licensed)
            {
                assigned.Add(new JsonObject { ["disabledPlans"] = new JsonArray(), ["skuId"] = e3 });
                states.Add(State(e3, synced ? e3Group : null, "Active", "None", days[(int)(h % 700) + 30]));
                e3Used++;
                if (withEms && !countViolation)
                {
                    assigned.Add(new JsonObject { ["disabledPlans"] = new JsonArray(), ["skuId"] = ems });
                    states.Add(State(ems, emsGroup, "Active", "None", days[(int)(h % 300) + 13]));
                    emsUsed++;
                }
                else if (countViolation)
                {
                    states.Add(State(ems, emsGroup, "Error", "CountViolation", days[12]));
                    licenceErrors.Add(new JsonObject
                    {
                        ["@odata.type"] = "#microsoft.graph.user",
                        ["id"] = id,
                        ["userPrincipalName"] = upn,
                    });
                }
            }

            users.Add(new JsonObject
            {
                ["id"] = id,
                ["userPrincipalName"] = upn,
                ["displayName"] = guest ? $"{first} {last} (Partner)" : $"{first} {last}",
                ["accountEnabled"] = enabled,
                ["userType"] = guest ? "Guest" : "Member",
                ["usageLocation"] = guest || noUsage ? null : emea ? NamePool.Countries[3 + (int)(h2 % 4)] : "US",
                ["assignedLicenses"] = assigned,
                ["licenseAssignmentStates"] = states,
                ["onPremisesSyncEnabled"] = synced ? true : null,
                ["onPremisesDomainName"] = synced ? (emea ? DemoTenant.EmeaAdDomain : DemoTenant.CorpAdDomain) : null,
                ["onPremisesImmutableId"] = synced ? Convert.ToBase64String(Guid.Parse(id).ToByteArray()) : null,
                ["onPremisesProvisioningErrors"] = provError
                    ? Json.Array(new JsonObject
                    {
                        ["category"] = "PropertyConflict",
                        ["occurredDateTime"] = days[(int)(h2 % 20)],
                        ["propertyCausingError"] = "ProxyAddress",
                        ["value"] = "smtp:" + upn,
                    })
                    : new JsonArray(),
                ["createdDateTime"] = days[(int)(h % 1000) + 40],
            });

            var mfa = !guest && (n <= 8 || (h >> 20) % 100 < 72);
            var sspr = !guest && (h >> 30) % 100 < 60;
            registration.Add(new JsonObject
            {
                ["id"] = id,
                ["userPrincipalName"] = upn,
                ["userType"] = guest ? "guest" : "member",
                ["isAdmin"] = n <= 3 || n == 6,
                ["isSsprEnabled"] = sspr,
                ["isSsprRegistered"] = sspr && mfa,
                ["isSsprCapable"] = sspr && mfa,
                ["isMfaRegistered"] = mfa,
                ["isMfaCapable"] = mfa,
                ["methodsRegistered"] = mfa ? Json.Strings("microsoftAuthenticatorPush") : new JsonArray(),
            });
        }
        r["v1.0/users"] = users;
        r[$"v1.0/groups/{emsGroup}/membersWithLicenseErrors"] = licenceErrors;
        r[$"v1.0/groups/{e3Group}/membersWithLicenseErrors"] = new JsonArray();
        r["v1.0/reports/authenticationMethods/userRegistrationDetails"] = registration;
        // Served in pages of 999, as the dataset asks ($top=999): Learn documents no smaller cap for this
        // report. The emulator's default for report paths (100) would make the paced sample 20 requests.
        root["pageCaps"] = new JsonObject { ["v1.0/reports/authenticationMethods/userRegistrationDetails"] = 999 };

        r["v1.0/groups"] = Groups(o, seed, days);
        r["v1.0/servicePrincipals"] = ServicePrincipals(o, seed, tenantId);
        r["v1.0/deviceManagement/managedDevices"] = Devices(o, seed, now, days);

        // Seats sized to what was consumed (E3 5% headroom; EMS full, so its CountViolations make sense).
        r["v1.0/subscribedSkus"] = Json.Array(
            Skus.SubscribedSku(tenantId, Skus.M365E3, "Enabled", e3Used + e3Used / 20 + 1, e3Used, [DemoTenant.E3SubscriptionId]),
            Skus.SubscribedSku(tenantId, Skus.EmsE5, "Enabled", emsUsed, emsUsed, [DemoTenant.EmsSubscriptionId]));
        r["v1.0/directory/subscriptions"] = Json.Array(
            Skus.CompanySubscription(DemoTenant.E3SubscriptionId, Skus.M365E3,
                now.AddDays(-600), false, "Enabled", e3Used + e3Used / 20 + 1, now.AddDays(130)),
            Skus.CompanySubscription(DemoTenant.EmsSubscriptionId, Skus.EmsE5,
                now.AddDays(-12), false, "Enabled", emsUsed, now.AddDays(353)));

        DemoTenant.AddConfiguration(r, now, tenantId, displayName);
        // The usage reports are aggregates: 2 × 180 daily rows whatever the size, scaled to the licensed users.
        UsageReportFixtures.Add(r, now, AppsUsage(e3Used));
        return root;
    }

    /// <summary>Busiest-day Apps users per platform and app, as shares (per mille) of the licensed users.</summary>
    private static UsageReportFixtures.Mix AppsUsage(int licensed)
    {
        int Share(int perMille) => (int)((long)licensed * perMille / 1000);
        return new UsageReportFixtures.Mix(Windows: Share(740), Mac: Share(90), Mobile: Share(420), Web: Share(510),
            Outlook: Share(800), Word: Share(560), Excel: Share(500), PowerPoint: Share(270), OneNote: Share(130), Teams: Share(880));
    }

    private static JsonObject State(string sku, string? group, string state, string error, string when) => new()
    {
        ["assignedByGroup"] = group,
        ["disabledPlans"] = new JsonArray(),
        ["error"] = error,
        ["lastUpdatedDateTime"] = when,
        ["skuId"] = sku,
        ["state"] = state,
    };
    /// <summary>SplitMix64 over (seed, object, salt): stable across runtimes, unlike string.GetHashCode.</summary>
    private static ulong Hash(ulong seed, ulong n, ulong salt)
    {
        var z = seed * 0x9E3779B97F4A7C15UL ^ n * 0xBF58476D1CE4E5B9UL ^ salt * 0x94D049BB133111EBUL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
