using System.Collections.Generic;
using FastTrack.Onboarding.Model.Assessment;

namespace FastTrack.Onboarding.Engine.Reports
{
    /// <summary>The order statuses are shown in (worst first) and their colours, shared by every chart and legend.</summary>
    internal static class StatusPalette
    {
        public static readonly IReadOnlyList<CheckStatus> Order = new[]
        {
            CheckStatus.NotConfigured,
            CheckStatus.Partial,
            CheckStatus.NotAssessed,
            CheckStatus.Configured,
            CheckStatus.Info,
            CheckStatus.NotApplicable,
        };

        public static string Colour(CheckStatus status)
        {
            switch (status)
            {
                case CheckStatus.Configured: return "#2f855a";
                case CheckStatus.Partial: return "#c27c0e";
                case CheckStatus.NotConfigured: return "#c53030";
                case CheckStatus.NotAssessed: return "#6b7280";
                case CheckStatus.Info: return "#2b6cb0";
                default: return "#b8c0cc";
            }
        }

        /// <summary>Words for people ("Not configured"), the enum name stays in data attributes and exports.</summary>
        public static string Label(CheckStatus status)
        {
            switch (status)
            {
                case CheckStatus.NotConfigured: return "Not configured";
                case CheckStatus.NotAssessed: return "Not assessed";
                case CheckStatus.NotApplicable: return "Not applicable";
                default: return status.ToString();
            }
        }

        public static string DnsColour(string status)
        {
            switch (status)
            {
                case "Match": return "#2f855a";
                case "Missing": return "#c53030";
                case "Mismatch": return "#c27c0e";
                case "Error": return "#9b2c2c";
                default: return "#6b7280";
            }
        }

        public static string ConnectivityColour(string status) =>
            status == "Reachable" ? "#2f855a" : status == "NotTestable" || status == "NotTested" ? "#6b7280" : "#c53030";
    }
}
