using System.IO;
using System.Security.Cryptography;
using System.Text;

namespace FastTrack.Onboarding.Engine.Reports
{
    /// <summary>The HTML report's stylesheet and script, embedded in the engine so the page needs no other file.</summary>
    internal static class ReportAssets
    {
        public static string Css { get; } = Read("report.css");

        public static string Script { get; } = Read("report.js");

        /// <summary>The CSP source for an inline block: only these exact bytes may run, so injected markup cannot.</summary>
        public static string CspHash(string content)
        {
            using (var sha = SHA256.Create())
            {
                return "'sha256-" + System.Convert.ToBase64String(sha.ComputeHash(Encoding.UTF8.GetBytes(content))) + "'";
            }
        }

        private static string Read(string name)
        {
            var resource = "FastTrack.Onboarding.Engine.Reports.Assets." + name;
            using (var stream = typeof(ReportAssets).Assembly.GetManifestResourceStream(resource)
                ?? throw new FileNotFoundException("The report asset is missing from the engine assembly.", resource))
            using (var reader = new StreamReader(stream, Encoding.UTF8))
            {
                return reader.ReadToEnd();
            }
        }
    }
}
