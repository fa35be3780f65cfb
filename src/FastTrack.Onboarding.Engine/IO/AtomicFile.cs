using System;
using System.IO;

namespace FastTrack.Onboarding.Engine.IO
{
    /// <summary>
    /// Writes a file so that readers see the old content or the new, never half of it: the bytes go
    /// to a temporary file beside the target, which then replaces it in one rename. The new file keeps the
    /// permissions of the one it replaces (a 600 report stays 600); a private new file is created owner-only.
    /// Without overwrite, a file that appears while writing is never replaced: the final step is a move that
    /// fails when the target exists, not an exists-check followed by a replace.
    /// </summary>
    public static class AtomicFile
    {
        /// <param name="privateFile">Create a new file readable by its owner only (snapshots hold user names).</param>
        public static void Write(string path, Action<Stream> write, bool overwrite, bool privateFile = false)
        {
            var full = Path.GetFullPath(path);
            var directory = Path.GetDirectoryName(full) ?? ".";
            if (!Directory.Exists(directory))
            {
                throw new DirectoryNotFoundException($"The folder '{directory}' does not exist.");
            }

            if (!overwrite && File.Exists(full))
            {
                throw Exists(full);
            }

            var temporary = Path.Combine(
                directory,
                "." + Path.GetFileName(full) + "." + Guid.NewGuid().ToString("N").Substring(0, 8) + ".tmp");
            try
            {
                using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
                {
                    // Before any content is written: the mode of the file being replaced, else owner-only when private.
                    var mode = FileModeBits.Get(full) ?? (privateFile ? FileModeBits.OwnerOnly : (int?)null);
                    if (mode != null)
                    {
                        FileModeBits.Set(temporary, mode.Value);
                    }

                    write(stream);
                    stream.Flush(true);
                }

                if (!overwrite)
                {
                    MoveNoClobber(temporary, full);
                }
                else
                {
                    Replace(temporary, full);
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

        private static void MoveNoClobber(string temporary, string full)
        {
            try
            {
                File.Move(temporary, full); // fails when the target exists: nobody else's file is replaced
            }
            catch (IOException) when (File.Exists(full))
            {
                throw Exists(full);
            }
        }

        private static void Replace(string temporary, string full)
        {
            if (File.Exists(full))
            {
                try
                {
                    File.Replace(temporary, full, null);
                    return;
                }
                catch (FileNotFoundException) when (!File.Exists(full))
                {
                    // deleted between the check and the replace: a plain move below
                }
            }

            try
            {
                File.Move(temporary, full);
            }
            catch (IOException) when (File.Exists(full))
            {
                File.Replace(temporary, full, null); // created by another writer meanwhile; the last writer wins, whole
            }
        }

        private static IOException Exists(string full) => new IOException($"'{full}' already exists.");
    }
}
