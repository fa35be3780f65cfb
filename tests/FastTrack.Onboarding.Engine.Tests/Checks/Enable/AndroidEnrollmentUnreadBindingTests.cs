using FastTrack.Onboarding.Engine.Snapshots;
using FastTrack.Onboarding.Engine.Tests.TestSupport;
using FastTrack.Onboarding.Model.Assessment;
using Xunit;
using static FastTrack.Onboarding.Engine.Collection.DatasetIds;

namespace FastTrack.Onboarding.Engine.Tests.Checks.Enable;

/// <summary>
/// FT-ENABLE-INTUNE-13 when the Managed Google Play (Android Enterprise) binding could not be read: the
/// verdict says so, carries the permission, and never reads the failure as "bound" or "not bound".
/// </summary>
public sealed class AndroidEnrollmentUnreadBindingTests
{
    private const string Id = "FT-ENABLE-INTUNE-13";
    private const string Permission = "DeviceManagementConfiguration.Read.All";

    private static DeviceRecord Android(string id) =>
        new() { Id = id, OperatingSystem = "Android", ManagementAgent = "mdm", EnrollmentType = "androidEnterpriseWorkProfile" };

    [Fact]
    public void Enrolled_devices_with_an_unread_binding_name_the_unread_part_and_its_permission()
    {
        var result = new SnapshotBuilder().Devices(Android("a1"), Android("a2"))
            .Failed(AndroidEnterpriseSettings, NotAssessedReason.MissingPermission, Permission).Evaluate(Id);

        Assert.Equal(CheckStatus.Configured, result.Status);
        Assert.Contains("2 Android devices are enrolled", result.Evidence);
        Assert.Contains($"binding could not be read because the connection lacks {Permission}", result.Evidence);
        Assert.Equal(Permission, result.MissingPermission);
        Assert.Null(result.Figures["ManagedGooglePlay"]);
    }

    [Fact]
    public void No_devices_and_an_unread_binding_does_not_claim_the_binding_is_missing()
    {
        var result = new SnapshotBuilder().Devices()
            .Failed(AndroidEnterpriseSettings, NotAssessedReason.MissingPermission, Permission).Evaluate(Id);

        Assert.Equal(CheckStatus.NotConfigured, result.Status);
        Assert.Contains("could not be read", result.Evidence);
        Assert.DoesNotContain("is not bound", result.Evidence);
        Assert.StartsWith("Enroll a pilot device", result.Remediation);
        Assert.Equal(Permission, result.MissingPermission);
    }

    [Fact]
    public void A_read_binding_still_decides_between_Configured_and_Partial()
    {
        var bound = new SnapshotBuilder().Devices(Android("a1"))
            .With(AndroidEnterpriseSettings, """{"id":"s","bindStatus":"boundAndValidated"}""").Evaluate(Id);
        var notBound = new SnapshotBuilder().Devices(Android("a1"))
            .With(AndroidEnterpriseSettings, """{"id":"s","bindStatus":"notBound"}""").Evaluate(Id);

        Assert.Equal(CheckStatus.Configured, bound.Status);
        Assert.Null(bound.MissingPermission);
        Assert.Equal(CheckStatus.Partial, notBound.Status);
        Assert.Contains("Managed Google Play is not bound", notBound.Evidence);
    }
}
