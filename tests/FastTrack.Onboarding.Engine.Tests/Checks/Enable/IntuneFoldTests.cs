using System.Text.Json;
using FastTrack.Onboarding.Engine.Checks;
using FastTrack.Onboarding.Engine.Snapshots;
using Xunit;

namespace FastTrack.Onboarding.Engine.Tests.Checks.Enable;

/// <summary>
/// The Intune checks give, as folds over the users, groups and devices, exactly the verdicts (status, evidence,
/// remediation, figures and samples) they gave over the whole lists: IntuneFoldExpectations.json was written
/// from the list-reading checks (set FT_RECORD_INTUNE_FOLDS=1 to write it again) before they were converted.
/// </summary>
public sealed class IntuneFoldTests
{
    [Fact]
    public async Task Every_Intune_check_gives_the_verdicts_recorded_before_the_conversion()
    {
        var actual = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, context) in IntuneFoldCases.HandMade().Append(new("demo", await IntuneFoldCases.DemoAsync())))
        {
            foreach (var (key, value) in IntuneFoldCases.Verdicts(name, context))
            {
                actual[key] = value;
            }
        }

        if (Environment.GetEnvironmentVariable("FT_RECORD_INTUNE_FOLDS") == "1")
        {
            File.WriteAllText(IntuneFoldCases.ExpectationsFile,
                JsonSerializer.Serialize(actual, new JsonSerializerOptions(IntuneFoldCases.Json) { WriteIndented = true }) + "\n");
        }

        var expected = IntuneFoldCases.Expectations();
        Assert.Equal(expected.Keys.OrderBy(k => k, StringComparer.Ordinal), actual.Keys);
        foreach (var (key, value) in expected)
        {
            Assert.True(value == actual[key], $"{key}\nexpected {value}\nactual   {actual[key]}");
        }
    }
}
