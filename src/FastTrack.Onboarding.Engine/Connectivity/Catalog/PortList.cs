using System;
using System.Collections.Generic;
using System.Globalization;

namespace FastTrack.Onboarding.Engine.Connectivity
{
    /// <summary>Parses the service's port strings: "443,80" and ranges such as "3478-3481".</summary>
    internal static class PortList
    {
        // A range wider than this is not something we will probe port by port.
        private const int MaxRangeWidth = 64;

        public static IReadOnlyList<int> Parse(string? text)
        {
            var ports = new List<int>();
            if (string.IsNullOrWhiteSpace(text)) return ports;
            foreach (var raw in text!.Split(new[] { ',' }, StringSplitOptions.RemoveEmptyEntries))
            {
                var part = raw.Trim();
                var dash = part.IndexOf('-');
                if (dash < 0)
                {
                    ports.Add(ParsePort(part));
                    continue;
                }
                int from = ParsePort(part.Substring(0, dash)), to = ParsePort(part.Substring(dash + 1));
                if (to < from || to - from > MaxRangeWidth)
                    throw new FormatException($"Port range '{part}' is reversed or too wide to probe.");
                for (var p = from; p <= to; p++) ports.Add(p);
            }
            return ports;
        }

        private static int ParsePort(string s)
        {
            if (!int.TryParse(s.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port < 1 || port > 65535)
                throw new FormatException($"'{s}' is not a port number.");
            return port;
        }
    }
}
