using System.Text.Json.Nodes;
using Xunit;

namespace FastTrack.Onboarding.GraphEmulator.Tests;

/// <summary>The filter parser and evaluator on their own (pure logic, no HTTP).</summary>
public sealed class ODataFilterTests
{
    private static readonly JsonObject Entity = JsonNode.Parse("""
        {"id":"1","displayName":"Ann O'Neil","age":42,"enabled":true,"manager":{"name":"Bob"},"tags":["a","b"],
         "licenses":[{"skuId":"06ebc4ee-1bb5-47dd-8120-11324bc54e06"}],"created":"2024-05-01T10:00:00Z","nothing":null}
        """)!.AsObject();

    [Theory]
    [InlineData("displayName eq 'Ann O''Neil'", true)]
    [InlineData("displayName eq 'ann o''neil'", true)]
    [InlineData("age gt 41 and age le 42", true)]
    [InlineData("age lt 42 or enabled eq false", false)]
    [InlineData("not (age eq 42)", false)]
    [InlineData("manager/name eq 'Bob'", true)]
    [InlineData("tags/any(t:t eq 'b')", true)]
    [InlineData("tags/all(t:t eq 'b')", false)]
    [InlineData("tags/$count eq 2", true)]
    [InlineData("licenses/any(l:l/skuId eq 06ebc4ee-1bb5-47dd-8120-11324bc54e06)", true)]
    [InlineData("created lt 2024-06-01T00:00:00Z", true)]
    [InlineData("nothing eq null and missing eq null", true)]
    [InlineData("age in (1, 42)", true)]
    [InlineData("startswith(displayName,'ann') and endswith(displayName,'Neil')", true)]
    [InlineData("contains(displayName,'xyz')", false)]
    [InlineData("((age eq 42))", true)]
    public void Evaluates(string filter, bool expected) =>
        Assert.Equal(expected, ODataFilterEvaluator.Matches(ODataFilterParser.Parse(filter), Entity));

    [Theory]
    [InlineData("displayName eq")]
    [InlineData("displayName eq 'open")]
    [InlineData("(age eq 1")]
    [InlineData("frobnicate(age)")]
    [InlineData("age eq 1 extra")]
    public void Rejects(string filter) => Assert.Throws<FilterParseException>(() => ODataFilterParser.Parse(filter));

    [Theory]
    [InlineData("a ne 1", "ne")]
    [InlineData("not(a eq 1)", "not")]
    [InlineData("endswith(mail,'x')", "endsWith")]
    [InlineData("assignedLicenses/$count eq 0", "$count")]
    [InlineData("a eq 1 and startswith(b,'x')", null)]
    public void Finds_advanced_operators(string filter, string? op) =>
        Assert.Equal(op, FilterAnalysis.AdvancedOperator(ODataFilterParser.Parse(filter)));
}
