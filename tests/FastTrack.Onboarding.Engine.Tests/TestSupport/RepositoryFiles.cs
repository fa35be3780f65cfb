namespace FastTrack.Onboarding.Engine.Tests.TestSupport;

/// <summary>Files of this repository, found from the test binaries by walking up to the solution.</summary>
internal static class RepositoryFiles
{
    public static string Root
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            {
                if (File.Exists(System.IO.Path.Combine(dir.FullName, "FastTrack.Onboarding.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new DirectoryNotFoundException("FastTrack.Onboarding.sln was not found above " + AppContext.BaseDirectory);
        }
    }

    public static string Path(params string[] parts) => System.IO.Path.Combine(new[] { Root }.Concat(parts).ToArray());

    /// <summary>
    /// Every file below <paramref name="root"/> but the build's own output (bin/, obj/), with its path relative
    /// to the repository in '/' form: what the architecture tests read.
    /// </summary>
    public static IEnumerable<(string Full, string Relative)> SourceFiles(string root, string pattern = "*")
    {
        foreach (var file in Directory.EnumerateFiles(root, pattern, SearchOption.AllDirectories))
        {
            var relative = System.IO.Path.GetRelativePath(Root, file).Replace('\\', '/');
            if (!relative.Contains("/bin/", StringComparison.Ordinal) && !relative.Contains("/obj/", StringComparison.Ordinal))
            {
                yield return (file, relative);
            }
        }
    }

    public static string ChecksFolder => Path("src", "FastTrack.Onboarding.Engine", "Checks");
}
