namespace FastTrack.Onboarding.Model.Enable
{
    /// <summary>How the customer wants to manage devices and apps (the FastTrack MDM authority guidance).</summary>
    public enum MdmScenario
    {
        /// <summary>Intune is the only MDM solution.</summary>
        IntuneOnly,

        /// <summary>Intune alongside Basic Mobility and Security (MDM for Office 365).</summary>
        IntuneWithOffice365Mdm,

        /// <summary>An existing Configuration Manager deployment extended with Intune.</summary>
        ConfigurationManager,

        /// <summary>App protection (MAM) only, on personal, shared or kiosk devices: no MDM authority is needed.</summary>
        MamOnly,
    }
}
