using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Graph.Models;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Abstractions.Store;
using Microsoft.Kiota.Serialization.Json;
using Xunit;

namespace FastTrack.Onboarding.Tenants.Tests;

/// <summary>
/// Every v1.0 resource deserialises into the Microsoft.Graph 6.10.0 model the module will use, with
/// no unknown property (nothing lands in AdditionalData) and no value lost on the way (a misspelt
/// enum value comes back null, a wrong type throws or drops): serialise the model again and every
/// non-null input value must be there, equal.
/// </summary>
public sealed partial class GraphSdkShapeTests
{
    private static readonly (Regex Key, Func<IParseNode, IParsable> Factory)[] Types =
    [
        (K("users"), User.CreateFromDiscriminatorValue),
        (K("groups"), Microsoft.Graph.Models.Group.CreateFromDiscriminatorValue),
        (K("groups/[^/]+/membersWithLicenseErrors"), DirectoryObject.CreateFromDiscriminatorValue),
        (K("subscribedSkus"), SubscribedSku.CreateFromDiscriminatorValue),
        (K("directory/subscriptions"), CompanySubscription.CreateFromDiscriminatorValue),
        (K("directory/onPremisesSynchronization"), OnPremisesDirectorySynchronization.CreateFromDiscriminatorValue),
        (K("organization"), Organization.CreateFromDiscriminatorValue),
        (K("organization/[^/]+/branding"), OrganizationalBranding.CreateFromDiscriminatorValue),
        (K("organization/[^/]+/branding/localizations"), OrganizationalBrandingLocalization.CreateFromDiscriminatorValue),
        (K("domains"), Domain.CreateFromDiscriminatorValue),
        (K("domains/[^/]+/serviceConfigurationRecords"), DomainDnsRecord.CreateFromDiscriminatorValue),
        (K("domains/[^/]+/verificationDnsRecords"), DomainDnsRecord.CreateFromDiscriminatorValue),
        (K("domains/[^/]+/federationConfiguration"), InternalDomainFederation.CreateFromDiscriminatorValue),
        (K("roleManagement/directory/roleDefinitions"), UnifiedRoleDefinition.CreateFromDiscriminatorValue),
        (K("roleManagement/directory/roleAssignments"), UnifiedRoleAssignment.CreateFromDiscriminatorValue),
        (K("roleManagement/directory/roleAssignmentSchedules"), UnifiedRoleAssignmentSchedule.CreateFromDiscriminatorValue),
        (K("roleManagement/directory/roleEligibilitySchedules"), UnifiedRoleEligibilitySchedule.CreateFromDiscriminatorValue),
        (K("policies/roleManagementPolicyAssignments"), UnifiedRoleManagementPolicyAssignment.CreateFromDiscriminatorValue),
        (K("policies/identitySecurityDefaultsEnforcementPolicy"), IdentitySecurityDefaultsEnforcementPolicy.CreateFromDiscriminatorValue),
        (K("policies/authorizationPolicy"), AuthorizationPolicy.CreateFromDiscriminatorValue),
        (K("policies/authenticationMethodsPolicy"), AuthenticationMethodsPolicy.CreateFromDiscriminatorValue),
        (K("identity/conditionalAccess/policies"), ConditionalAccessPolicy.CreateFromDiscriminatorValue),
        (K("groupSettings"), GroupSetting.CreateFromDiscriminatorValue),
        (K("groupSettingTemplates"), GroupSettingTemplate.CreateFromDiscriminatorValue),
        (K("reports/authenticationMethods/userRegistrationDetails"), UserRegistrationDetails.CreateFromDiscriminatorValue),
        (K("servicePrincipals"), ServicePrincipal.CreateFromDiscriminatorValue),
        (K("auditLogs/signIns"), SignIn.CreateFromDiscriminatorValue),
        (K("auditLogs/directoryAudits"), DirectoryAudit.CreateFromDiscriminatorValue),
        (K("identityProtection/riskyUsers"), RiskyUser.CreateFromDiscriminatorValue),
        (K("identityProtection/riskDetections"), RiskDetection.CreateFromDiscriminatorValue),
        (K("security/alerts_v2"), Microsoft.Graph.Models.Security.Alert.CreateFromDiscriminatorValue),
        (K("admin/serviceAnnouncement/healthOverviews"), ServiceHealth.CreateFromDiscriminatorValue),
        (K("admin/serviceAnnouncement/issues"), ServiceHealthIssue.CreateFromDiscriminatorValue),
        (K("admin/serviceAnnouncement/messages"), ServiceUpdateMessage.CreateFromDiscriminatorValue),
        (K("admin/reportSettings"), AdminReportSettings.CreateFromDiscriminatorValue),
        (K("deviceManagement"), DeviceManagement.CreateFromDiscriminatorValue),
        (K("deviceManagement/applePushNotificationCertificate"), ApplePushNotificationCertificate.CreateFromDiscriminatorValue),
        (K("deviceManagement/deviceEnrollmentConfigurations"), DeviceEnrollmentConfiguration.CreateFromDiscriminatorValue),
        (K("deviceManagement/exchangeConnectors"), DeviceManagementExchangeConnector.CreateFromDiscriminatorValue),
        (K("deviceManagement/conditionalAccessSettings"), OnPremisesConditionalAccessSettings.CreateFromDiscriminatorValue),
        (K("deviceManagement/deviceCompliancePolicies"), DeviceCompliancePolicy.CreateFromDiscriminatorValue),
        (K("deviceManagement/deviceConfigurations"), DeviceConfiguration.CreateFromDiscriminatorValue),
        (K("deviceManagement/roleDefinitions"), RoleDefinition.CreateFromDiscriminatorValue),
        (K("deviceManagement/roleAssignments"), DeviceAndAppManagementRoleAssignment.CreateFromDiscriminatorValue),
        (K("deviceManagement/detectedApps"), DetectedApp.CreateFromDiscriminatorValue),
        (K("deviceManagement/windowsAutopilotDeviceIdentities"), WindowsAutopilotDeviceIdentity.CreateFromDiscriminatorValue),
        (K("deviceManagement/managedDevices"), ManagedDevice.CreateFromDiscriminatorValue),
        (K("deviceAppManagement/mobileApps"), MobileApp.CreateFromDiscriminatorValue),
        (K("deviceAppManagement/iosManagedAppProtections"), IosManagedAppProtection.CreateFromDiscriminatorValue),
        (K("deviceAppManagement/androidManagedAppProtections"), AndroidManagedAppProtection.CreateFromDiscriminatorValue),
        (K("deviceAppManagement/managedAppPolicies"), ManagedAppPolicy.CreateFromDiscriminatorValue),
        (K("deviceAppManagement/targetedManagedAppConfigurations"), TargetedManagedAppConfiguration.CreateFromDiscriminatorValue),
        (K("deviceAppManagement/mobileAppConfigurations"), ManagedDeviceMobileAppConfiguration.CreateFromDiscriminatorValue),
        (K("deviceAppManagement/mdmWindowsInformationProtectionPolicies"),
            MdmWindowsInformationProtectionPolicy.CreateFromDiscriminatorValue),
        (K("deviceAppManagement/windowsInformationProtectionPolicies"), WindowsInformationProtectionPolicy.CreateFromDiscriminatorValue),
        (K("deviceAppManagement/managedAppRegistrations"), ManagedAppRegistration.CreateFromDiscriminatorValue),
        (K("deviceAppManagement/managedAppStatuses"), ManagedAppStatus.CreateFromDiscriminatorValue),
    ];

    private static Regex K(string path) => new("^v1\\.0/" + path + "$", RegexOptions.CultureInvariant);

    /// <summary>
    /// Usage-report functions have no SDK model (the SDK hands back the report as a stream), and the
    /// fixture holds their daily rows, not a Graph entity: the emulator builds Graph's JSON from them
    /// (UsageReportTests in GraphEmulator.Tests pin that shape against Microsoft's sample).
    /// </summary>
    private static readonly Regex NoSdkModel = K("reports/get[A-Za-z0-9]+");

    public static IEnumerable<object[]> Names() => TestFixtures.AllNames();

    [Theory]
    [MemberData(nameof(Names))]
    public void Every_v1_resource_has_a_known_sdk_type(string name)
    {
        var unmapped = TestFixtures.Resources(TestFixtures.ByName(name)).Select(p => p.Key)
            .Where(k => k.StartsWith("v1.0/", StringComparison.Ordinal) && !NoSdkModel.IsMatch(k) && !Types.Any(t => t.Key.IsMatch(k)))
            .ToList();
        Assert.Empty(unmapped);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Every_v1_entity_round_trips_through_the_graph_sdk_models(string name)
    {
        var problems = new List<string>();
        foreach (var (key, value) in TestFixtures.Resources(TestFixtures.ByName(name)))
        {
            var type = Types.FirstOrDefault(t => t.Key.IsMatch(key));
            if (type.Factory is null) continue;
            var entities = value is JsonArray a ? a.Select(n => (JsonObject)n!) : [(JsonObject)value!];
            foreach (var entity in entities)
                CheckEntity($"{key}/{entity["id"]}", entity, type.Factory, problems);
        }
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems.Take(40)));
    }

    [Fact]
    public void The_shape_check_catches_bad_enum_values_unknown_properties_and_wrong_types()
    {
        var bad = new JsonObject
        {
            ["@odata.type"] = "#microsoft.graph.managedDevice",
            ["id"] = "x",
            ["complianceState"] = "Compliant!",         // not an enum member
            ["managementAgnt"] = "mdm",                 // misspelt property
            ["deviceName"] = "PC-1",
        };
        var problems = new List<string>();
        CheckEntity("bad", bad, ManagedDevice.CreateFromDiscriminatorValue, problems);
        Assert.Contains(problems, p => p.Contains("complianceState", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("managementAgnt", StringComparison.Ordinal));

        var good = (JsonObject)bad.DeepClone();
        good.Remove("managementAgnt");
        good["complianceState"] = "compliant";
        problems.Clear();
        CheckEntity("good", good, ManagedDevice.CreateFromDiscriminatorValue, problems);
        Assert.Empty(problems);
    }

    private static void CheckEntity(string path, JsonObject entity, Func<IParseNode, IParsable> factory, List<string> problems)
    {
        IParsable model;
        try
        {
            using var doc = JsonDocument.Parse(entity.ToJsonString());
            model = new JsonParseNode(doc.RootElement).GetObjectValue(n => factory(n))!;
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException or JsonException or OverflowException)
        {
            problems.Add($"{path}: does not deserialise: {e.Message}");
            return;
        }
        FindUnknownProperties(path, model, problems, 0);
        CheckStored(path, entity, model, problems);
    }

    /// <summary>Every non-null input value must have reached the model's backing store (keyed by JSON name):
    /// a misspelt enum value or a wrong type comes back null there.</summary>
    private static void CheckStored(string path, JsonObject json, IParsable model, List<string> problems)
    {
        if (model is not IBackedModel backed) return;
        foreach (var (k, v) in json)
        {
            if (v is null) continue;
            var stored = backed.BackingStore.Get<object>(k);
            if (stored is null)
            {
                problems.Add($"{path}.{k}: value {Short(v)} lost by {model.GetType().Name} (wrong name, enum value or type?)");
                continue;
            }
            switch (v)
            {
                case JsonObject o when stored is IParsable child:
                    CheckStored($"{path}.{k}", o, child, problems);
                    break;
                case JsonObject:
                    break;   // untyped JSON (e.g. managedAppStatusRaw.content)
                case JsonArray a when stored is IEnumerable items and not string:
                    var list = items.Cast<object?>().ToList();
                    if (list.Count != a.Count) { problems.Add($"{path}.{k}: {a.Count} items became {list.Count}"); break; }
                    for (var i = 0; i < a.Count; i++)
                    {
                        if (list[i] is null) problems.Add($"{path}.{k}[{i}]: value {Short(a[i])} lost (enum value?)");
                        else if (a[i] is JsonObject io && list[i] is IParsable ip) CheckStored($"{path}.{k}[{i}]", io, ip, problems);
                    }
                    break;
                case JsonValue jv when jv.TryGetValue<string>(out var s) && stored is string ss && s != ss:
                    problems.Add($"{path}.{k}: '{s}' stored as '{ss}'");
                    break;
            }
        }
    }

    private static void FindUnknownProperties(string path, object model, List<string> problems, int depth)
    {
        if (depth > 8) return;
        if (model is IAdditionalDataHolder h && h.AdditionalData is { Count: > 0 } extra)
            problems.Add($"{path}: not in the v1.0 model ({model.GetType().Name}): {string.Join(", ", extra.Keys)}");
        foreach (var p in model.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (p.GetIndexParameters().Length > 0 || p.Name is "AdditionalData" or "BackingStore") continue;
            var v = p.GetValue(model);
            switch (v)
            {
                case IParsable child:
                    FindUnknownProperties($"{path}.{p.Name}", child, problems, depth + 1);
                    break;
                case IEnumerable items and not string:
                    foreach (var item in items)
                        if (item is IParsable c) FindUnknownProperties($"{path}.{p.Name}[]", c, problems, depth + 1);
                    break;
            }
        }
    }

    private static string Short(JsonNode? n)
    {
        var s = n?.ToJsonString() ?? "null";
        return s.Length > 80 ? s[..80] + "…" : s;
    }
}
