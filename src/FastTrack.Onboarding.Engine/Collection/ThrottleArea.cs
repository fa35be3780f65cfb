namespace FastTrack.Onboarding.Engine.Collection
{
    /// <summary>
    /// Graph's throttling scopes that matter to a single assessment pass (docs/graph-notes.md, 'Throttling scopes'). The
    /// collector paces each so that a default run never draws a 429 of its own making.
    /// </summary>
    public enum ThrottleArea
    {
        /// <summary>Directory objects: resource-unit buckets far above what one pass spends.</summary>
        Directory,

        /// <summary>Conditional Access and Identity Protection: 1 request/s per tenant, no Retry-After.</summary>
        ConditionalAccess,

        /// <summary>Identity and access reports (signIns, audit, registration details): 5 requests per 10 s.</summary>
        IdentityReports,

        /// <summary>Intune configuration, apps, MAM, RBAC: 1,000 requests per 20 s per app and tenant.</summary>
        Intune,

        /// <summary>Intune devices and inventory: 2,000 requests per 20 s per app and tenant.</summary>
        IntuneDevices,

        /// <summary>
        /// Microsoft 365 usage reports (/reports/get*): counted per report API, JSON 100 requests per
        /// 10 minutes (CSV 14). One run asks each report once, so these ride in $batch unpaced.
        /// </summary>
        UsageReports,

        /// <summary>Everything else (service health, security alerts).</summary>
        Other,
    }
}
