using System;
using FastTrack.Onboarding.Model.Connections;

namespace FastTrack.Onboarding.Engine.Connections
{
    /// <summary>
    /// The Graph root, sign-in authority and token resource of each Microsoft cloud, as listed on
    /// Microsoft Learn "National cloud deployments". Tokens are always requested for the cloud's
    /// Graph resource even when requests go elsewhere (-GraphEndpoint: a proxy or mirror forwards them).
    /// </summary>
    public sealed record CloudEndpoints(
        CloudEnvironment Environment,
        Uri GraphRoot,
        Uri AuthorityHost,
        string GraphResource,
        string EndpointServiceInstance)
    {
        public static CloudEndpoints For(CloudEnvironment environment)
        {
            switch (environment)
            {
                case CloudEnvironment.Global:
                    return new CloudEndpoints(
                        environment,
                        new Uri("https://graph.microsoft.com/"),
                        new Uri("https://login.microsoftonline.com/"),
                        "https://graph.microsoft.com",
                        "Worldwide");
                case CloudEnvironment.USGov:
                    return new CloudEndpoints(
                        environment,
                        new Uri("https://graph.microsoft.us/"),
                        new Uri("https://login.microsoftonline.us/"),
                        "https://graph.microsoft.us",
                        "USGovGCCHigh");
                case CloudEnvironment.USGovDoD:
                    return new CloudEndpoints(
                        environment,
                        new Uri("https://dod-graph.microsoft.us/"),
                        new Uri("https://login.microsoftonline.us/"),
                        "https://dod-graph.microsoft.us",
                        "USGovDoD");
                case CloudEnvironment.China:
                    return new CloudEndpoints(
                        environment,
                        new Uri("https://microsoftgraph.chinacloudapi.cn/"),
                        new Uri("https://login.chinacloudapi.cn/"),
                        "https://microsoftgraph.chinacloudapi.cn",
                        "China");
                default:
                    throw new ArgumentOutOfRangeException(nameof(environment), environment, "Unknown cloud environment.");
            }
        }

        /// <summary>The scope for client-credential and delegated flows (".default" of the Graph resource).</summary>
        public string DefaultScope => GraphResource + "/.default";
    }
}
