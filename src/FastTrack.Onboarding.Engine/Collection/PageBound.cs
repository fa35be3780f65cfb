using System;
using System.Globalization;

namespace FastTrack.Onboarding.Engine.Collection
{
    /// <summary>
    /// How many items one page may hold: the $top its URL asked for, or <see cref="Unasked"/> when it
    /// asked none. A few Graph endpoints ignore a small $top and answer their own page size (at most
    /// 999-1,000 items), so a $top below <see cref="ServicePageSize"/> is raised to it. A page with more
    /// is a server defect; reading it stops at the first item past the bound instead of taking in
    /// whatever the server sends (an audit saw a 60 MB first page that ignored $top).
    /// </summary>
    internal sealed class PageBound
    {
        /// <summary>Ten times Graph's largest page size: generous for any endpoint's default.</summary>
        public const int Unasked = 10000;

        /// <summary>The largest page size any Graph endpoint uses on its own.</summary>
        public const int ServicePageSize = 1000;

        private readonly Uri _url;
        private readonly int _max;
        private int _items;

        public PageBound(Uri url)
        {
            _url = url;
            _max = TopOf(url) is int top ? Math.Max(top, ServicePageSize) : Unasked;
        }

        public int Max => _max;

        /// <summary>Counts one item; throws once the page holds more than it may.</summary>
        public void Count()
        {
            if (++_items > _max)
            {
                throw new ResponseTooLargeException($"A page of {GraphHttp.Describe(_url)} held more than {_max} items, "
                    + "more than $top asked and more than any Graph page holds; reading stopped there.");
            }
        }

        /// <summary>The $top of a URL's query, if it has a valid one.</summary>
        public static int? TopOf(Uri url)
        {
            var query = url.IsAbsoluteUri ? url.Query : string.Empty;
            foreach (var pair in query.TrimStart('?').Split('&'))
            {
                var equals = pair.IndexOf('=');
                if (equals <= 0)
                {
                    continue;
                }

                var name = Uri.UnescapeDataString(pair.Substring(0, equals));
                if ((name == "$top" || name == "top")
                    && int.TryParse(Uri.UnescapeDataString(pair.Substring(equals + 1)), NumberStyles.None, CultureInfo.InvariantCulture,
                        out var top)
                    && top > 0)
                {
                    return top;
                }
            }

            return null;
        }
    }
}
