using System;
using System.Management.Automation;
using System.Security;
using System.Security.Cryptography.X509Certificates;
using FastTrack.Onboarding.Engine.Connections;
using FastTrack.Onboarding.Infrastructure;
using FastTrack.Onboarding.Model.Connections;

namespace FastTrack.Onboarding.Commands.Connection
{
    /// <summary>
    /// Connect-FastTrackTenant: signs in every way admins sign in (names as Connect-MgGraph),
    /// reads the organization and makes the connection current for this runspace.
    /// </summary>
    [Cmdlet(VerbsCommunications.Connect, "FastTrackTenant", DefaultParameterSetName = InteractiveSet)]
    [OutputType(typeof(FastTrackConnection))]
    public sealed class ConnectFastTrackTenantCommand : FastTrackCmdlet
    {
        private const string InteractiveSet = "Interactive";
        private const string DeviceCodeSet = "DeviceCode";
        private const string ClientSecretSet = "ClientSecret";
        private const string ClientSecretCredentialSet = "ClientSecretCredential";
        private const string CertificateThumbprintSet = "CertificateThumbprint";
        private const string CertificatePathSet = "CertificatePath";
        private const string CertificateSet = "Certificate";
        private const string CertificateSubjectNameSet = "CertificateSubjectName";
        private const string ManagedIdentitySet = "ManagedIdentity";
        private const string AccessTokenSet = "AccessToken";

        [Parameter(ParameterSetName = InteractiveSet, Position = 0)]
        [Parameter(ParameterSetName = DeviceCodeSet, Position = 0)]
        [Parameter(ParameterSetName = ClientSecretSet, Mandatory = true, Position = 0)]
        [Parameter(ParameterSetName = ClientSecretCredentialSet, Mandatory = true, Position = 0)]
        [Parameter(ParameterSetName = CertificateThumbprintSet, Mandatory = true, Position = 0)]
        [Parameter(ParameterSetName = CertificatePathSet, Mandatory = true, Position = 0)]
        [Parameter(ParameterSetName = CertificateSet, Mandatory = true, Position = 0)]
        [Parameter(ParameterSetName = CertificateSubjectNameSet, Mandatory = true, Position = 0)]
        [Alias("Tenant")]
        [ValidateNotNullOrEmpty]
        public string? TenantId { get; set; }

        [Parameter(ParameterSetName = InteractiveSet)]
        [Parameter(ParameterSetName = DeviceCodeSet)]
        [Parameter(ParameterSetName = ClientSecretSet, Mandatory = true)]
        [Parameter(ParameterSetName = CertificateThumbprintSet, Mandatory = true)]
        [Parameter(ParameterSetName = CertificatePathSet, Mandatory = true)]
        [Parameter(ParameterSetName = CertificateSet, Mandatory = true)]
        [Parameter(ParameterSetName = CertificateSubjectNameSet, Mandatory = true)]
        [Parameter(ParameterSetName = ManagedIdentitySet)]
        [Alias("AppId", "ApplicationId")]
        [ValidateNotNullOrEmpty]
        public string? ClientId { get; set; }

        [Parameter(ParameterSetName = InteractiveSet)]
        [Parameter(ParameterSetName = DeviceCodeSet)]
        [ValidateNotNullOrEmpty]
        public string[]? Scopes { get; set; }

        [Parameter(ParameterSetName = DeviceCodeSet, Mandatory = true)]
        [Alias("DeviceCode", "UseDeviceAuthentication")]
        public SwitchParameter UseDeviceCode { get; set; }

        [Parameter(ParameterSetName = ClientSecretSet, Mandatory = true)]
        [ValidateNotNull]
        public SecureString? ClientSecret { get; set; }

        /// <summary>The application id as the user name and the client secret as the password.</summary>
        [Parameter(ParameterSetName = ClientSecretCredentialSet, Mandatory = true)]
        [ValidateNotNull]
        [Credential]
        public PSCredential? ClientSecretCredential { get; set; }

        [Parameter(ParameterSetName = CertificateThumbprintSet, Mandatory = true)]
        [ValidateNotNullOrEmpty]
        public string? CertificateThumbprint { get; set; }

        [Parameter(ParameterSetName = CertificatePathSet, Mandatory = true)]
        [ValidateNotNullOrEmpty]
        public string? CertificatePath { get; set; }

        [Parameter(ParameterSetName = CertificatePathSet)]
        [ValidateNotNull]
        public SecureString? CertificatePassword { get; set; }

        /// <summary>A certificate object with its private key, e.g. (Get-Item Cert:\CurrentUser\My\&lt;thumbprint&gt;).</summary>
        [Parameter(ParameterSetName = CertificateSet, Mandatory = true)]
        [ValidateNotNull]
        public X509Certificate2? Certificate { get; set; }

        /// <summary>Subject ("CN=…") or common name looked up in CurrentUser\My then LocalMachine\My; newest valid first.</summary>
        [Parameter(ParameterSetName = CertificateSubjectNameSet, Mandatory = true)]
        [Alias("CertificateName")]
        [ValidateNotNullOrEmpty]
        public string? CertificateSubjectName { get; set; }

        [Parameter(ParameterSetName = ManagedIdentitySet, Mandatory = true)]
        [Alias("ManagedIdentity")]
        public SwitchParameter Identity { get; set; }

        [Parameter(ParameterSetName = AccessTokenSet, Mandatory = true)]
        [ValidateNotNull]
        public SecureString? AccessToken { get; set; }

        [Parameter]
        public CloudEnvironment Environment { get; set; } = CloudEnvironment.Global;

        [Parameter]
        [ValidateNotNull]
        public Uri? GraphEndpoint { get; set; }

        [Parameter]
        [ValidateNotNull]
        public Uri? AuthorityHost { get; set; }

        [Parameter]
        [ValidateRange(5, 3600)]
        public int TimeoutSeconds { get; set; } = 120;

        protected override void ProcessRecord()
        {
            var request = BuildRequest();
            var session = RunEngine((log, ct) => TenantConnector.ConnectAsync(request, log, ct));
            var connection = new FastTrackConnection(session);
            ConnectionRegistry.Replace(connection);
            WriteObject(connection);
        }

        private ConnectionRequest BuildRequest()
        {
            var request = new ConnectionRequest
            {
                TenantId = TenantId,
                ClientId = ClientId,
                Environment = Environment,
                GraphEndpoint = GraphEndpoint,
                AuthorityHost = AuthorityHost,
                Timeout = TimeSpan.FromSeconds(TimeoutSeconds),
                Scopes = Scopes ?? Array.Empty<string>(),
                InteractionAllowed = InteractionPolicy.CanPrompt(Host),
            };

            switch (ParameterSetName)
            {
                case DeviceCodeSet:
                    return request with { Method = AuthenticationMethod.DeviceCode };
                case ClientSecretSet:
                    return request with { Method = AuthenticationMethod.ClientSecret, ClientSecret = ClientSecret };
                case ClientSecretCredentialSet:
                    return request with
                    {
                        Method = AuthenticationMethod.ClientSecret,
                        ClientId = ClientSecretCredential!.UserName,
                        ClientSecret = ClientSecretCredential.Password,
                    };
                case CertificateThumbprintSet:
                    return request with { Method = AuthenticationMethod.Certificate, CertificateThumbprint = CertificateThumbprint };
                case CertificatePathSet:
                    return request with
                    {
                        Method = AuthenticationMethod.Certificate,
                        CertificatePath = SessionState.Path.GetUnresolvedProviderPathFromPSPath(CertificatePath),
                        CertificatePassword = CertificatePassword,
                    };
                case CertificateSet:
                    return request with { Method = AuthenticationMethod.Certificate, Certificate = Certificate };
                case CertificateSubjectNameSet:
                    return request with { Method = AuthenticationMethod.Certificate, CertificateSubjectName = CertificateSubjectName };
                case ManagedIdentitySet:
                    return request with { Method = AuthenticationMethod.ManagedIdentity };
                case AccessTokenSet:
                    return request with { Method = AuthenticationMethod.AccessToken, AccessToken = AccessToken };
                default:
                    return request with { Method = AuthenticationMethod.InteractiveBrowser };
            }
        }
    }
}
