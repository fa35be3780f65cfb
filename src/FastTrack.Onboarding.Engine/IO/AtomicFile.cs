using System;
using System.IO;

namespace FastTrack.Onboarding.Engine.IO
{
    /// <summary>
    /// Writes a file so that readers see the old content or the new, never half of it: the bytes go
    /// to a temporary file beside the target, which then replaces it in one rename.
    /// </summary>
    public static class AtomicFile
    {
        public static void Write(string path, Action<Stream> write, bool overwrite)
        {
            var full = Path.GetFullPath(path);
            var directory = Path.GetDirectoryName(full) ?? ".";
            if (!Directory.Exists(directory))
            {
                throw new DirectoryNotFoundException($"The folder '{directory}' does not exist.");
            }

            if (!overwrite && File.Exists(full))
            {
                throw new IOException($"'{full}' already exists.");
            }

            var temporary = Path.Combine(directory, "." + Path.GetFileName(full) + "." + Guid.NewGuid().ToString("N").Substring(0, 8) + ".tmp");
            try
            {
                using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
                {
                    write(stream);
                    stream.Flush(true);
                }

                if (File.Exists(full))
                {
                    File.Replace(temporary, full, null);
                }
                else
                {
                    File.Move(temporary, full);
                }
            }
            finally
            {
                if (File.Exists(temporary))
                {
                    File.Delete(temporary);
                }
            }
        }
    }
}
