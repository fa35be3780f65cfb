using System.IO.Compression;

namespace FastTrack.Onboarding.Engine.Tests.TestSupport;

/// <summary>A saved snapshot's text as a reader of the file would see it once decompressed (schema 2 is gzip).</summary>
public static class SnapshotFiles
{
    public static string Text(string path)
    {
        using var file = File.OpenRead(path);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        return reader.ReadToEnd();
    }
}
