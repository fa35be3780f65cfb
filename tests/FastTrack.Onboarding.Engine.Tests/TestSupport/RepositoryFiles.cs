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

    public static string ChecksFolder => Path("src", "FastTrack.Onboarding.Engine", "Checks");
}
