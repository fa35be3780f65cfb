using FastTrack.Onboarding.GraphSchema;
using Xunit;

namespace FastTrack.Onboarding.Engine.Tests.Contract;

/// <summary>The schema validator itself: what Graph's v1.0 schema accepts and what it refuses, in Graph's words.</summary>
public sealed class RequestValidatorTests
{
    [Theory]
    [InlineData("GET", "/v1.0/users/abc/memberOf/$ref")]
    [InlineData("GET", "/v1.0/users/$count")]
    [InlineData("GET", "/v1.0/users('abc')?$select=id")]
    [InlineData("GET", "/v1.0/deviceAppManagement/mobileApps/abc/microsoft.graph.win32LobApp?$select=fileName")]
    [InlineData("GET", "/v1.0/deviceManagement/deviceConfigurations?$select=id,passwordRequired")]
    [InlineData("GET", "/v1.0/reports/getM365AppPlatformUserCounts(period='D7')?$format=application/json")]
    [InlineData("POST", "/v1.0/organization/abc/setMobileDeviceManagementAuthority")]
    [InlineData("PATCH", "/v1.0/users/abc")]
    [InlineData("GET", "/v1.0/users?$filter=assignedLicenses/any(x:x/skuId eq 6fd2c87f-b296-42f0-b197-1e91e994b900)&$count=true")]
    [InlineData("GET", "/v1.0/users?$filter=startswith(displayName,'a') and accountEnabled eq true&$orderby=displayName desc")]
    [InlineData("GET", "/v1.0/auditLogs/signIns?$filter=status/errorCode eq 0&$top=1000")]
    [InlineData("GET", "/v1.0/groups?$filter=assignedLicenses/$count ne 0&$count=true")]
    [InlineData("GET", "/v1.0/users/abc?$expand=manager($select=id)")]
    [InlineData("GET", "/beta/users?$select=anythingAtAll&$top=100000")]
    public void Accepts_what_Graph_accepts(string method, string url)
    {
        var result = RequestValidator.ValidateUrl(method, url);
        Assert.True(result.IsValid, string.Join("; ", result.Problems));
    }

    [Theory]
    [InlineData("GET", "/v1.0/subscribedSkus?$top=1", SchemaProblemKind.QueryOptionNotAllowed,
        "Query option 'Top' is not allowed. "
        + "To allow it, set the 'AllowedQueryOptions' property on EnableQueryAttribute or QueryValidationSettings.")]
    [InlineData("GET", "/v1.0/subscribedSkus?$filter=skuId eq 1", SchemaProblemKind.QueryOptionNotAllowed,
        "Query option 'Filter' is not allowed. "
        + "To allow it, set the 'AllowedQueryOptions' property on EnableQueryAttribute or QueryValidationSettings.")]
    [InlineData("GET", "/v1.0/subscribedSkus?$count=true", SchemaProblemKind.QueryOptionNotAllowed,
        "Query option 'Count' is not allowed. "
        + "To allow it, set the 'AllowedQueryOptions' property on EnableQueryAttribute or QueryValidationSettings.")]
    [InlineData("GET", "/v1.0/users?$skip=5", SchemaProblemKind.QueryOptionNotAllowed,
        "Query option 'Skip' is not allowed. "
        + "To allow it, set the 'AllowedQueryOptions' property on EnableQueryAttribute or QueryValidationSettings.")]
    [InlineData("GET", "/v1.0/users?$select=id,nope", SchemaProblemKind.UnknownProperty,
        "Could not find a property named 'nope' on type 'microsoft.graph.user'.")]
    [InlineData("GET", "/v1.0/users?$filter=status/errorCode eq 0", SchemaProblemKind.UnknownProperty,
        "Could not find a property named 'status' on type 'microsoft.graph.user'.")]
    [InlineData("GET", "/v1.0/auditLogs/signIns?$filter=status/nope eq 0", SchemaProblemKind.UnknownProperty,
        "Could not find a property named 'nope' on type 'microsoft.graph.signInStatus'.")]
    [InlineData("GET", "/v1.0/users?$orderby=nope", SchemaProblemKind.UnknownProperty,
        "Could not find a property named 'nope' on type 'microsoft.graph.user'.")]
    [InlineData("GET", "/v1.0/users?$expand=chats", SchemaProblemKind.QueryOptionNotAllowed,
        "The property 'chats' cannot be used in the $expand query option.")]
    [InlineData("GET", "/v1.0/users?$top=1000", SchemaProblemKind.PageSizeTooLarge,
        "Invalid page size specified: '1000'. Must be between 1 and 999 inclusive.")]
    [InlineData("GET", "/v1.0/users/abc/nope", SchemaProblemKind.UnknownSegment, "Resource not found for the segment 'nope'.")]
    [InlineData("GET", "/v1.0/reports/getM365AppPlatformUserCounts(days='D7')", SchemaProblemKind.UnknownSegment,
        "Resource not found for the segment 'days'.")]
    [InlineData("GET", "/v1.0/organization/abc/setMobileDeviceManagementAuthority", SchemaProblemKind.MethodNotAllowed,
        "Specified HTTP method is not allowed for the request target.")]
    [InlineData("GET", "/v1.0/users?$nope=1", SchemaProblemKind.InvalidQueryOption, "The query parameter '$nope' is not supported.")]
    public void Refuses_what_Graph_refuses_in_its_words(string method, string url, SchemaProblemKind kind, string message)
    {
        var result = RequestValidator.ValidateUrl(method, url);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(kind, problem.Kind);
        Assert.Equal(message, problem.Message);
    }

    [Fact]
    public void Error_codes_follow_the_service_and_an_Intune_filter_is_no_refusal()
    {
        Assert.Equal("Request_BadRequest", RequestValidator.ValidateUrl("GET", "/v1.0/subscribedSkus?$top=1").ErrorCode);
        Assert.Equal("BadRequest", RequestValidator.ValidateUrl("GET", "/v1.0/auditLogs/signIns?$select=nope").ErrorCode);

        var intune = RequestValidator.ValidateUrl("GET", "/v1.0/deviceManagement/managedDevices?$filter=nope eq 1");
        Assert.False(intune.IsValid);
        Assert.Null(intune.Refusal);
        Assert.Equal("GET /v1.0/deviceManagement/managedDevices?$filter", intune.Shape.ToString());
        Assert.False(RequestValidator.ValidateUrl("GET", "/beta/anything").SchemaChecked);
    }
}
