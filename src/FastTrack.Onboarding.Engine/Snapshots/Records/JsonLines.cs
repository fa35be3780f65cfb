using System;
using System.Collections.Generic;
using System.IO;

namespace FastTrack.Onboarding.Engine.Snapshots.Records
{
    /// <summary>
    /// Splits a UTF-8 stream into lines without decoding it to strings (a million records, one buffer). A line is only
    /// valid until the next one is asked for: the buffer is reused.
    /// </summary>
    internal static class JsonLines
    {
        public static IEnumerable<ReadOnlyMemory<byte>> Read(Stream stream)
        {
            var buffer = new byte[1 << 16];
            var filled = 0;
            while (true)
            {
                if (filled == buffer.Length)
                {
                    Array.Resize(ref buffer, buffer.Length * 2);
                }

                var read = stream.Read(buffer, filled, buffer.Length - filled);
                filled += read;
                var start = 0;
                int newline;
                while ((newline = Array.IndexOf(buffer, (byte)'\n', start, filled - start)) >= 0)
                {
                    if (newline > start)
                    {
                        yield return new ReadOnlyMemory<byte>(buffer, start, newline - start);
                    }

                    start = newline + 1;
                }

                if (read == 0)
                {
                    if (filled > start)
                    {
                        yield return new ReadOnlyMemory<byte>(buffer, start, filled - start);
                    }

                    yield break;
                }

                // Keep the partial line at the front of the buffer for the next read.
                Buffer.BlockCopy(buffer, start, buffer, 0, filled - start);
                filled -= start;
            }
        }
    }
}
