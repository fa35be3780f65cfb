using System.Reflection;
using System.Text.RegularExpressions;
using FastTrack.Onboarding.Engine.Tests.Reports;
using FastTrack.Onboarding.Model.Errors;
using Xunit;

namespace FastTrack.Onboarding.Engine.Tests.Errors;

/// <summary>
/// Every stable error id lives in ErrorIds, once: scripts match on them, so an id written as a literal
/// somewhere else is one a rename can silently miss, and two ids for one meaning split the scripts.
/// </summary>
public sealed partial class ErrorIdsTests
{
    // An id is what FastTrackException or ErrorRecord is built with, or a constant holding "FastTrack.X"
    // (names of assemblies, resources and formats start with "FastTrack.Onboarding" and are not ids).
    [GeneratedRegex("""new\s+(?:[\w.]+\.)?FastTrackException\s*\(\s*"|"""
        + """new\s+ErrorRecord\s*\([^,]+,\s*"|"""
        + """const\s+string\s+\w+\s*=\s*"FastTrack\.(?!Onboarding)""")]
    private static partial Regex IdLiteral();

    private static IEnumerable<(string File, int Line, string Text)> SourceLines()
    {
        var src = Path.Combine(DemoReportFixture.RepositoryRoot(), "src");
        foreach (var file in Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(src, file).Replace('\\', '/');
            if (relative.Contains("/obj/") || relative.Contains("/bin/"))
            {
                continue;
            }

            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                yield return (relative, i + 1, lines[i]);
            }
        }
    }

    [Fact]
    public void No_error_id_is_written_outside_ErrorIds()
    {
        var strays = SourceLines()
            .Where(l => !l.File.EndsWith("Model/Errors/ErrorIds.cs", StringComparison.Ordinal) && IdLiteral().IsMatch(l.Text))
            .Select(l => $"{l.File}:{l.Line}: {l.Text.Trim()}")
            .ToList();
        Assert.True(
            strays.Count == 0,
            "Error ids written as literals outside ErrorIds (add a constant to ErrorIds and use it):\n" + string.Join("\n", strays));
    }

    [Fact]
    public void The_scan_finds_a_literal_id_where_one_is_written()
    {
        // The pattern itself, on the shapes it must catch and the names it must leave alone.
        Assert.Matches(IdLiteral(), """throw new FastTrackException("FastTrack.Something", FailureKind.InvalidData, "m", "a");""");
        Assert.Matches(IdLiteral(), """new Model.Errors.FastTrackException("FastTrack.Other", Model.Errors.FailureKind.InvalidArgument,""");
        Assert.Matches(IdLiteral(), """public const string WriteFailedId = "FastTrack.Report.WriteFailed";""");
        Assert.Matches(IdLiteral(), """return new ErrorRecord(e, "FastTrack.Bad", ErrorCategory.InvalidData, null);""");
        Assert.DoesNotMatch(IdLiteral(), """public const string FormatName = "FastTrack.Onboarding.Snapshot";""");
        Assert.DoesNotMatch(IdLiteral(), """throw new FastTrackException(ErrorIds.CheckNotFound, FailureKind.ObjectNotFound,""");
    }

    [Fact]
    public void Each_id_is_declared_once_with_one_name()
    {
        var ids = typeof(ErrorIds).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (Name: f.Name, Value: (string)f.GetRawConstantValue()!))
            .ToList();
        Assert.NotEmpty(ids);
        Assert.All(ids, id => Assert.Matches("^FastTrack\\.[A-Z][A-Za-z]+(\\.[A-Z][A-Za-z]+)?$", id.Value));
        var duplicated = ids
            .GroupBy(id => id.Value, StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Count() > 1)
            .Select(g => g.Key)
            .ToList();
        Assert.True(duplicated.Count == 0, "Ids declared twice: " + string.Join(", ", duplicated));
        // "the file exists, pass -Force" is one meaning, so one id for snapshots and reports alike.
        Assert.DoesNotContain(ids, id => id.Value != ErrorIds.FileExists && id.Value.EndsWith(".FileExists", StringComparison.Ordinal));
    }
}
