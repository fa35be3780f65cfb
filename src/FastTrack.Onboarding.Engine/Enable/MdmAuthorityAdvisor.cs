using System.Collections.Generic;
using FastTrack.Onboarding.Model.Enable;

namespace FastTrack.Onboarding.Engine.Enable
{
    /// <summary>
    /// The FastTrack MDM-authority guidance, brought up to date: the guidance still says "set
    /// Configuration Manager" for ConfigMgr customers, but hybrid MDM is retired, so every MDM
    /// scenario now lands on Intune (with co-management for ConfigMgr), and MAM-only needs none.
    /// </summary>
    public static class MdmAuthorityAdvisor
    {
        public const string Intune = "intune";
        public const string NoneRequired = "none required";

        public static MdmAuthorityGuidance Advise(MdmScenario scenario, string? current, string tenantId)
        {
            var authority = string.IsNullOrEmpty(current) ? "unknown" : current!;
            var notes = new List<string>();
            string reason;
            string recommended = Intune;
            switch (scenario)
            {
                case MdmScenario.IntuneWithOffice365Mdm:
                    reason = "With Intune alongside Basic Mobility and Security (MDM for Office 365), "
                        + "the guidance is to set Intune as the MDM authority; "
                        + "devices managed by Basic Mobility and Security keep working and can be moved to Intune policies.";
                    notes.Add("Setting the authority to Intune does not remove Basic Mobility and Security policies; "
                        + "plan to move its users to Intune policies.");
                    break;
                case MdmScenario.ConfigurationManager:
                    reason = "The FastTrack guidance once said to set Configuration Manager as the authority (hybrid MDM). "
                        + "Hybrid MDM is retired: the current path is Intune as the MDM authority "
                        + "with Configuration Manager co-management, which keeps ConfigMgr for the workloads you choose.";
                    notes.Add("Enable co-management in the Configuration Manager console (Cloud Services > Co-management) "
                        + "after setting Intune as the authority.");
                    if (authority == "sccm")
                    {
                        notes.Add("The tenant still has the retired hybrid MDM authority (sccm): "
                            + "migrate users and devices to Intune standalone, then change the authority.");
                    }

                    break;
                case MdmScenario.MamOnly:
                    recommended = NoneRequired;
                    reason = "App protection (MAM) without enrollment works on personal, shared and kiosk devices "
                        + "without any MDM authority.";
                    notes.Add("If device management is added later, set Intune as the authority then.");
                    break;
                default:
                    reason = "Intune is your only MDM solution, so Intune is the MDM authority.";
                    break;
            }

            var matches = scenario == MdmScenario.MamOnly || authority == Intune;
            var action = matches
                ? (scenario == MdmScenario.MamOnly
                    ? "Nothing to set: create app protection policies (and Conditional Access for managed apps)."
                    : "Nothing to change.")
                : authority == "sccm"
                    ? "Migrate from hybrid MDM to Intune standalone, "
                        + "then set Intune as the authority (Set-MdmAuthorityGuidance -Apply, delegated sign-in)."
                    : "Set Intune as the MDM authority: Set-MdmAuthorityGuidance -Scenario " + scenario
                        + " -Apply (needs a delegated sign-in with DeviceManagementServiceConfig.ReadWrite.All; "
                        + "the action is not available app-only).";
            return new MdmAuthorityGuidance
            {
                TenantId = tenantId,
                Scenario = scenario,
                CurrentAuthority = authority,
                RecommendedAuthority = recommended,
                Matches = matches,
                Reason = reason,
                Action = action,
                Notes = notes,
            };
        }

        /// <summary>True when -Apply has something to write.</summary>
        public static bool NeedsWrite(MdmAuthorityGuidance guidance) => !guidance.Matches && guidance.RecommendedAuthority == Intune;
    }
}
