using System.Collections.Generic;

namespace FastTrack.Onboarding.Engine.Checks
{
    /// <summary>The area of a check within its service (reports group by it).</summary>
    public enum CheckArea
    {
        Administration,
        Applications,
        Authentication,
        Branding,
        Clients,
        Dns,
        Eligibility,
        Groups,
        Identity,
        IdentitySecurity,
        Licensing,
        Mam,
        Mdm,
        Monitoring,
        Network,
        PcManagement,
        Provisioning,
        Services,
        Setup,
        Tenant,
    }

    /// <summary>The words an area is shown with in results and reports.</summary>
    public static class CheckAreaNames
    {
        private static readonly Dictionary<CheckArea, string> Special = new Dictionary<CheckArea, string>
        {
            [CheckArea.Dns] = "DNS",
            [CheckArea.IdentitySecurity] = "Identity security",
            [CheckArea.Mam] = "MAM",
            [CheckArea.Mdm] = "MDM",
            [CheckArea.PcManagement] = "PC management",
        };

        public static string Display(this CheckArea area) => Special.TryGetValue(area, out var text) ? text : area.ToString();
    }
}
