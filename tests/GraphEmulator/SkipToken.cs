using System.Text;

namespace FastTrack.Onboarding.GraphEmulator;

/// <summary>
/// Opaque $skiptoken: the position in the (filtered/ordered) source where the next page starts,
/// so a page never re-scans from zero. Clients must not parse it; they only follow nextLink.
/// </summary>
public static class SkipToken
{
    private const string Prefix = "ftemu1:";

    public static string Encode(int index) =>
        TokenSigner.Base64Url(Encoding.UTF8.GetBytes(Prefix + index.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    public static int Decode(string token)
    {
        try
        {
            var text = Encoding.UTF8.GetString(TokenSigner.FromBase64Url(token));
            if (text.StartsWith(Prefix, StringComparison.Ordinal) && int.TryParse(text.AsSpan(Prefix.Length), out var i) && i >= 0)
                return i;
        }
        catch (FormatException)
        {
        }
        throw new GraphErrorException(new GraphError(
            400,
            "Directory_ExpiredPageToken",
            "The specified page token value has expired and can no longer be included in your request."));
    }
}
