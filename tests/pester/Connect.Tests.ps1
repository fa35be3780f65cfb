#Requires -Modules Pester
# Connect-FastTrackTenant in a fresh pwsh for every sign-in method (but the interactive browser),
# through the loopback Graph emulator: real Azure.Identity, real MSAL, real Graph SDK, real HTTP.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot '../Common/GraphEmulator.psm1') -Force

    $script:Emulator = Start-GraphEmulator -EmulatorPath (Get-TestEmulatorPath) -Arguments @('--tenant', (Join-Path $PSScriptRoot 'fixtures/connect-tenant.json'))
    $fixture = Get-Content -Raw (Join-Path $PSScriptRoot 'fixtures/connect-tenant.json') | ConvertFrom-Json
    $script:TenantId = $fixture.tenant.id
    $script:Client = $fixture.auth.clients[0]
    $script:LowClient = $fixture.auth.clients[1]
    $script:UserAssigned = $fixture.auth.managedIdentities | Where-Object { -not $_.systemAssigned }

    # Every secret this suite handles; no output stream of any test may contain one of them.
    $script:Secrets = [Collections.Generic.List[string]]::new()
    $script:Secrets.Add($script:Client.secret)
    $script:Secrets.Add($script:LowClient.secret)
    $script:Secrets.Add('not-the-right-secret-91c')

    $script:Environment = @{
        SSL_CERT_FILE      = $script:Emulator.CaCertificatePath
        FT_GRAPH           = $script:Emulator.HttpUrl
        FT_AUTHORITY       = $script:Emulator.HttpsUrl
        FT_TENANT          = $script:TenantId
        FT_CLIENT          = $script:Client.clientId
        FT_SECRET          = $script:Client.secret
    }

    function script:Assert-NoSecret([string] $Text) {
        foreach ($secret in $script:Secrets) {
            $Text | Should -Not -BeLike "*$secret*" -Because 'no secret may appear in any output stream'
        }
        $Text | Should -Not -Match 'eyJ[A-Za-z0-9_\-]{6,}\.[A-Za-z0-9_\-]{6,}\.' -Because 'no token may appear in any output stream'
    }

    function script:Invoke-Connect([string] $Script, [hashtable] $ExtraEnvironment = @{}, [switch] $Interactive) {
        $environment = $script:Environment.Clone()
        foreach ($key in $ExtraEnvironment.Keys) { $environment[$key] = $ExtraEnvironment[$key] }
        $run = Invoke-FreshPwsh -Script $Script -Environment $environment -Interactive:$Interactive
        Assert-NoSecret $run.Output
        $run
    }

    # The part every successful-connection test prints: what Get-FastTrackConnection says.
    $script:ReportConnection = "`n" + @'
$c = Get-FastTrackConnection
Write-TestResult ([pscustomobject]@{
    TenantId = $c.TenantId; TenantName = $c.TenantName; InitialDomain = $c.InitialDomain; AuthMethod = "$($c.AuthMethod)"
    Account = $c.Account; ClientId = $c.ClientId; TokenType = $c.TokenType; Roles = @($c.Roles); Scopes = @($c.Scopes)
    ExpiresInMinutes = [int]($c.ExpiresOn - [DateTimeOffset]::UtcNow).TotalMinutes; Environment = "$($c.Environment)"
    Formatted = ($c | Format-List | Out-String)
})
'@
}

AfterAll {
    $script:Emulator | Stop-GraphEmulator
}

Describe 'Connect-FastTrackTenant sign-in methods' {
    It 'connects with a client secret (SecureString) and reads the organization' {
        $run = Invoke-Connect (@'
$secret = ConvertTo-SecureString $env:FT_SECRET -AsPlainText -Force
$null = Connect-FastTrackTenant -TenantId $env:FT_TENANT -ClientId $env:FT_CLIENT -ClientSecret $secret -GraphEndpoint $env:FT_GRAPH -AuthorityHost $env:FT_AUTHORITY -Verbose -Debug
'@ + $script:ReportConnection)
        $run.ExitCode | Should -Be 0 -Because $run.Output
        $run.Result.TenantId | Should -Be $script:TenantId
        $run.Result.TenantName | Should -Be 'Fabrikam Connect Test'
        $run.Result.InitialDomain | Should -Be 'fabrikamtest.onmicrosoft.com'
        $run.Result.AuthMethod | Should -Be 'ClientSecret'
        $run.Result.TokenType | Should -Be 'Application'
        $run.Result.ClientId | Should -Be $script:Client.clientId
        $run.Result.Roles | Should -Contain 'Organization.Read.All'
        $run.Result.ExpiresInMinutes | Should -BeGreaterThan 30
        $run.Result.Formatted | Should -Match 'TenantName\s+:\s+Fabrikam Connect Test'
        $run.Output | Should -Match 'Signing in with ClientSecret' -Because '-Verbose tells what it is doing'
    }

    It 'connects with -ClientSecretCredential (application id as user name)' {
        $run = Invoke-Connect (@'
$credential = [pscredential]::new($env:FT_CLIENT, (ConvertTo-SecureString $env:FT_SECRET -AsPlainText -Force))
$null = Connect-FastTrackTenant -TenantId $env:FT_TENANT -ClientSecretCredential $credential -GraphEndpoint $env:FT_GRAPH -AuthorityHost $env:FT_AUTHORITY -Verbose
'@ + $script:ReportConnection)
        $run.ExitCode | Should -Be 0 -Because $run.Output
        $run.Result.AuthMethod | Should -Be 'ClientSecret'
        $run.Result.TenantName | Should -Be 'Fabrikam Connect Test'
    }

    It 'connects with a certificate from the CurrentUser\My store by thumbprint' {
        $certificate = New-TestCertificate -Subject 'CN=Pester Thumbprint'
        $clientId = [guid]::NewGuid().ToString()
        $null = Invoke-EmulatorControl $script:Emulator "tenants/$($script:TenantId)/clients" -Method Post -Body @{ clientId = $clientId; certificates = @($certificate.PublicPem); roles = @('Organization.Read.All') }
        $store = [Security.Cryptography.X509Certificates.X509Store]::new('My', 'CurrentUser')
        $store.Open('ReadWrite')
        $pfx = [Security.Cryptography.X509Certificates.X509Certificate2]::new($certificate.Certificate.Export('Pfx'), [string]::Empty, 'PersistKeySet,Exportable')
        $store.Add($pfx)
        try {
            $run = Invoke-Connect (@'
$null = Connect-FastTrackTenant -TenantId $env:FT_TENANT -ClientId $env:FT_CERT_CLIENT -CertificateThumbprint $env:FT_THUMBPRINT -GraphEndpoint $env:FT_GRAPH -AuthorityHost $env:FT_AUTHORITY -Verbose
'@ + $script:ReportConnection) -ExtraEnvironment @{ FT_CERT_CLIENT = $clientId; FT_THUMBPRINT = $certificate.Thumbprint }
            $run.ExitCode | Should -Be 0 -Because $run.Output
            $run.Result.AuthMethod | Should -Be 'Certificate'
            $run.Result.ClientId | Should -Be $clientId
            $run.Result.TenantName | Should -Be 'Fabrikam Connect Test'
        }
        finally {
            $store.Remove($pfx)
            $store.Close()
        }
    }

    It 'connects with a password-protected .pfx file' {
        $certificate = New-TestCertificate -Subject 'CN=Pester Pfx'
        $clientId = [guid]::NewGuid().ToString()
        $null = Invoke-EmulatorControl $script:Emulator "tenants/$($script:TenantId)/clients" -Method Post -Body @{ clientId = $clientId; certificates = @($certificate.PublicPem); roles = @('Organization.Read.All') }
        $path = Join-Path $TestDrive 'signin.pfx'
        [IO.File]::WriteAllBytes($path, $certificate.Certificate.Export('Pfx', 'pfx-password-81d'))
        $script:Secrets.Add('pfx-password-81d')
        $run = Invoke-Connect (@'
$password = ConvertTo-SecureString $env:FT_PFX_PASSWORD -AsPlainText -Force
$null = Connect-FastTrackTenant -TenantId $env:FT_TENANT -ClientId $env:FT_CERT_CLIENT -CertificatePath $env:FT_PFX -CertificatePassword $password -GraphEndpoint $env:FT_GRAPH -AuthorityHost $env:FT_AUTHORITY
'@ + $script:ReportConnection) -ExtraEnvironment @{ FT_CERT_CLIENT = $clientId; FT_PFX = $path; FT_PFX_PASSWORD = 'pfx-password-81d' }
        $run.ExitCode | Should -Be 0 -Because $run.Output
        $run.Result.AuthMethod | Should -Be 'Certificate'
    }

    It 'connects with a .pem file holding the certificate and its private key' {
        $certificate = New-TestCertificate -Subject 'CN=Pester Pem'
        $clientId = [guid]::NewGuid().ToString()
        $null = Invoke-EmulatorControl $script:Emulator "tenants/$($script:TenantId)/clients" -Method Post -Body @{ clientId = $clientId; certificates = @($certificate.PublicPem); roles = @('Organization.Read.All') }
        $path = Join-Path $TestDrive 'signin.pem'
        Set-Content -Path $path -Value ($certificate.PublicPem + "`n" + $certificate.PrivateKeyPem)
        $run = Invoke-Connect (@'
$null = Connect-FastTrackTenant -TenantId $env:FT_TENANT -ClientId $env:FT_CERT_CLIENT -CertificatePath $env:FT_PEM -GraphEndpoint $env:FT_GRAPH -AuthorityHost $env:FT_AUTHORITY
'@ + $script:ReportConnection) -ExtraEnvironment @{ FT_CERT_CLIENT = $clientId; FT_PEM = $path }
        $run.ExitCode | Should -Be 0 -Because $run.Output
        $run.Result.AuthMethod | Should -Be 'Certificate'
        $run.Output | Should -Not -Match 'PRIVATE KEY' -Because 'key material never reaches output'
    }

    It 'connects with a system-assigned managed identity (IDENTITY_ENDPOINT / IDENTITY_HEADER, as Azure Automation)' {
        $run = Invoke-Connect (@'
$null = Connect-FastTrackTenant -Identity -GraphEndpoint $env:FT_GRAPH -Verbose
'@ + $script:ReportConnection) -ExtraEnvironment @{
            IDENTITY_ENDPOINT = "$($script:Emulator.HttpUrl)/msi/$($script:TenantId)/token"
            IDENTITY_HEADER   = 'fasttrack-emulator-identity'
        }
        $run.ExitCode | Should -Be 0 -Because $run.Output
        $run.Result.AuthMethod | Should -Be 'ManagedIdentity'
        $run.Result.TenantId | Should -Be $script:TenantId
        $run.Result.TenantName | Should -Be 'Fabrikam Connect Test'
        $run.Output | Should -Not -Match 'fasttrack-emulator-identity' -Because 'the identity header is a secret'
    }

    It 'connects with a user-assigned managed identity chosen by -ClientId' {
        $run = Invoke-Connect (@'
$null = Connect-FastTrackTenant -Identity -ClientId $env:FT_MI_CLIENT -GraphEndpoint $env:FT_GRAPH
'@ + $script:ReportConnection) -ExtraEnvironment @{
            IDENTITY_ENDPOINT = "$($script:Emulator.HttpUrl)/msi/$($script:TenantId)/token"
            IDENTITY_HEADER   = 'fasttrack-emulator-identity'
            FT_MI_CLIENT      = $script:UserAssigned.clientId
        }
        $run.ExitCode | Should -Be 0 -Because $run.Output
        $run.Result.ClientId | Should -Be $script:UserAssigned.clientId
        $run.Result.Roles | Should -Contain 'User.Read.All'
    }

    It 'connects with device code, showing the sign-in instruction, as the signed-in user' {
        $run = Invoke-Connect (@'
$null = Connect-FastTrackTenant -UseDeviceCode -TenantId $env:FT_TENANT -GraphEndpoint $env:FT_GRAPH -AuthorityHost $env:FT_AUTHORITY
'@ + $script:ReportConnection) -Interactive
        $run.ExitCode | Should -Be 0 -Because $run.Output
        $run.Result.AuthMethod | Should -Be 'DeviceCode'
        $run.Result.TokenType | Should -Be 'Delegated'
        $run.Result.Account | Should -Be 'admin@fabrikamtest.onmicrosoft.com'
        $run.Result.Scopes | Should -Contain 'Organization.Read.All'
        $run.Output | Should -Match 'code' -Because 'the device-code instruction is shown to the user'
    }

    It 'connects with an existing access token (SecureString)' {
        $token = (Invoke-EmulatorControl $script:Emulator 'tokens' -Method Post -Body @{ tenantId = $script:TenantId; roles = @('Organization.Read.All'); expiresInSeconds = 3600 }).access_token
        $script:Secrets.Add($token)
        $run = Invoke-Connect (@'
$null = Connect-FastTrackTenant -AccessToken (ConvertTo-SecureString $env:FT_TOKEN -AsPlainText -Force) -GraphEndpoint $env:FT_GRAPH -Verbose -Debug
'@ + $script:ReportConnection) -ExtraEnvironment @{ FT_TOKEN = $token }
        $run.ExitCode | Should -Be 0 -Because $run.Output
        $run.Result.AuthMethod | Should -Be 'AccessToken'
        $run.Result.TenantName | Should -Be 'Fabrikam Connect Test'
        $run.Result.Roles | Should -Contain 'Organization.Read.All'
    }

    It 'connects without Organization.Read.All, with a warning naming the permission' {
        $run = Invoke-Connect (@'
$secret = ConvertTo-SecureString $env:FT_LOW_SECRET -AsPlainText -Force
$null = Connect-FastTrackTenant -TenantId $env:FT_TENANT -ClientId $env:FT_LOW_CLIENT -ClientSecret $secret -GraphEndpoint $env:FT_GRAPH -AuthorityHost $env:FT_AUTHORITY
'@ + $script:ReportConnection) -ExtraEnvironment @{ FT_LOW_CLIENT = $script:LowClient.clientId; FT_LOW_SECRET = $script:LowClient.secret }
        $run.ExitCode | Should -Be 0 -Because $run.Output
        $run.Output | Should -Match 'Organization\.Read\.All'
        $run.Result.TenantName | Should -BeNullOrEmpty
    }
}

Describe 'Connect-FastTrackTenant failures' {
    BeforeAll {
        # Prints the error's stable id, category, message and how long the attempt took.
        $script:ReportError = @'
$sw = [Diagnostics.Stopwatch]::StartNew()
try { CONNECT; Write-TestResult @{ Connected = $true } }
catch { Write-TestResult ([pscustomobject]@{ Id = $_.FullyQualifiedErrorId; Category = "$($_.CategoryInfo.Category)"; Message = $_.ErrorDetails.Message; Action = $_.ErrorDetails.RecommendedAction; Seconds = $sw.Elapsed.TotalSeconds }) }
'@
    }

    It 'a wrong client secret gives FastTrack.InvalidClientSecret / AuthenticationError with what to do' {
        $run = Invoke-Connect ($script:ReportError.Replace('CONNECT', 'Connect-FastTrackTenant -TenantId $env:FT_TENANT -ClientId $env:FT_CLIENT -ClientSecret (ConvertTo-SecureString "not-the-right-secret-91c" -AsPlainText -Force) -GraphEndpoint $env:FT_GRAPH -AuthorityHost $env:FT_AUTHORITY -Verbose -Debug'))
        $run.Result.Id | Should -BeLike 'FastTrack.InvalidClientSecret,*'
        $run.Result.Category | Should -Be 'AuthenticationError'
        $run.Result.Action | Should -Match 'client secret'
        $run.Result.Seconds | Should -BeLessThan 60
    }

    It 'an unknown tenant gives FastTrack.TenantNotFound / ObjectNotFound' {
        $run = Invoke-Connect ($script:ReportError.Replace('CONNECT', 'Connect-FastTrackTenant -TenantId 99999999-9999-4999-8999-999999999999 -ClientId $env:FT_CLIENT -ClientSecret (ConvertTo-SecureString $env:FT_SECRET -AsPlainText -Force) -GraphEndpoint $env:FT_GRAPH -AuthorityHost $env:FT_AUTHORITY'))
        $run.Result.Id | Should -BeLike 'FastTrack.TenantNotFound,*'
        $run.Result.Category | Should -Be 'ObjectNotFound'
        $run.Result.Action | Should -Match 'TenantId'
    }

    It 'an unreachable sign-in endpoint gives FastTrack.EndpointUnreachable / ConnectionError within the timeout' {
        $listener = [Net.Sockets.TcpListener]::new([Net.IPAddress]::Loopback, 0); $listener.Start(); $port = $listener.LocalEndpoint.Port; $listener.Stop()
        $run = Invoke-Connect ($script:ReportError.Replace('CONNECT', "Connect-FastTrackTenant -TenantId `$env:FT_TENANT -ClientId `$env:FT_CLIENT -ClientSecret (ConvertTo-SecureString `$env:FT_SECRET -AsPlainText -Force) -GraphEndpoint `$env:FT_GRAPH -AuthorityHost https://127.0.0.1:$port -TimeoutSeconds 20"))
        $run.Result.Id | Should -BeLike 'FastTrack.EndpointUnreachable,*'
        $run.Result.Category | Should -Be 'ConnectionError'
        $run.Result.Seconds | Should -BeLessThan 20
    }

    It 'an unreachable Graph endpoint gives FastTrack.EndpointUnreachable / ConnectionError' {
        $listener = [Net.Sockets.TcpListener]::new([Net.IPAddress]::Loopback, 0); $listener.Start(); $port = $listener.LocalEndpoint.Port; $listener.Stop()
        $run = Invoke-Connect ($script:ReportError.Replace('CONNECT', "Connect-FastTrackTenant -TenantId `$env:FT_TENANT -ClientId `$env:FT_CLIENT -ClientSecret (ConvertTo-SecureString `$env:FT_SECRET -AsPlainText -Force) -GraphEndpoint http://127.0.0.1:$port -AuthorityHost `$env:FT_AUTHORITY -TimeoutSeconds 20"))
        $run.Result.Id | Should -BeLike 'FastTrack.EndpointUnreachable,*'
        $run.Result.Message | Should -Match 'Graph'
    }

    It 'an expired access token gives FastTrack.AccessTokenExpired / AuthenticationError' {
        $token = (Invoke-EmulatorControl $script:Emulator 'tokens' -Method Post -Body @{ tenantId = $script:TenantId; roles = @('Organization.Read.All'); expiresInSeconds = -600 }).access_token
        $script:Secrets.Add($token)
        $run = Invoke-Connect ($script:ReportError.Replace('CONNECT', 'Connect-FastTrackTenant -AccessToken (ConvertTo-SecureString $env:FT_TOKEN -AsPlainText -Force) -GraphEndpoint $env:FT_GRAPH -Verbose -Debug')) -ExtraEnvironment @{ FT_TOKEN = $token }
        $run.Result.Id | Should -BeLike 'FastTrack.AccessTokenExpired,*'
        $run.Result.Category | Should -Be 'AuthenticationError'
    }

    It 'a garbled access token gives FastTrack.AccessTokenMalformed / InvalidArgument' {
        $run = Invoke-Connect ($script:ReportError.Replace('CONNECT', 'Connect-FastTrackTenant -AccessToken (ConvertTo-SecureString "garbled%%token" -AsPlainText -Force) -GraphEndpoint $env:FT_GRAPH'))
        $run.Result.Id | Should -BeLike 'FastTrack.AccessTokenMalformed,*'
        $run.Result.Category | Should -Be 'InvalidArgument'
    }

    It 'a well-formed token with a forged signature is rejected by Graph: FastTrack.AccessTokenRejected' {
        $token = (Invoke-EmulatorControl $script:Emulator 'tokens' -Method Post -Body @{ tenantId = $script:TenantId; roles = @('Organization.Read.All'); expiresInSeconds = 3600 }).access_token
        $parts = $token.Split('.')
        $forged = $parts[0] + '.' + $parts[1] + '.' + 'AAAA' + $parts[2].Substring(4)
        $script:Secrets.Add($token); $script:Secrets.Add($forged)
        $run = Invoke-Connect ($script:ReportError.Replace('CONNECT', 'Connect-FastTrackTenant -AccessToken (ConvertTo-SecureString $env:FT_TOKEN -AsPlainText -Force) -GraphEndpoint $env:FT_GRAPH')) -ExtraEnvironment @{ FT_TOKEN = $forged }
        $run.Result.Id | Should -BeLike 'FastTrack.AccessTokenRejected,*'
        $run.Result.Category | Should -Be 'AuthenticationError'
    }

    It 'a malformed tenant id gives FastTrack.InvalidTenantId before any request' {
        $run = Invoke-Connect ($script:ReportError.Replace('CONNECT', 'Connect-FastTrackTenant -TenantId "not a tenant!" -ClientId $env:FT_CLIENT -ClientSecret (ConvertTo-SecureString $env:FT_SECRET -AsPlainText -Force)'))
        $run.Result.Id | Should -BeLike 'FastTrack.InvalidTenantId,*'
        $run.Result.Category | Should -Be 'InvalidArgument'
    }

    It 'plain http to a non-loopback Graph endpoint is refused (tokens never travel in clear text)' {
        $run = Invoke-Connect ($script:ReportError.Replace('CONNECT', 'Connect-FastTrackTenant -TenantId $env:FT_TENANT -ClientId $env:FT_CLIENT -ClientSecret (ConvertTo-SecureString $env:FT_SECRET -AsPlainText -Force) -GraphEndpoint http://graph.example.com'))
        $run.Result.Id | Should -BeLike 'FastTrack.InsecureEndpoint,*'
        $run.Result.Category | Should -Be 'SecurityError'
    }

    It 'interactive sign-in in a non-interactive session fails at once with what to use instead' {
        $run = Invoke-Connect ($script:ReportError.Replace('CONNECT', 'Connect-FastTrackTenant -TenantId $env:FT_TENANT -AuthorityHost $env:FT_AUTHORITY'))
        $run.Result.Id | Should -BeLike 'FastTrack.InteractiveAuthenticationNotAllowed,*'
        $run.Result.Action | Should -Match '-Identity'
        $run.Result.Seconds | Should -BeLessThan 5
        $device = Invoke-Connect ($script:ReportError.Replace('CONNECT', 'Connect-FastTrackTenant -UseDeviceCode -TenantId $env:FT_TENANT -AuthorityHost $env:FT_AUTHORITY'))
        $device.Result.Id | Should -BeLike 'FastTrack.InteractiveAuthenticationNotAllowed,*'
    }
}

Describe 'Connections per runspace' {
    It 'Disconnect-FastTrackTenant forgets the connection; later calls say how to connect' {
        $run = Invoke-Connect @'
$secret = ConvertTo-SecureString $env:FT_SECRET -AsPlainText -Force
$c = Connect-FastTrackTenant -TenantId $env:FT_TENANT -ClientId $env:FT_CLIENT -ClientSecret $secret -GraphEndpoint $env:FT_GRAPH -AuthorityHost $env:FT_AUTHORITY
$before = [bool](Get-FastTrackConnection)
Disconnect-FastTrackTenant
$after = [bool](Get-FastTrackConnection)
$err = $null
Disconnect-FastTrackTenant -ErrorVariable err -ErrorAction SilentlyContinue
Write-TestResult @{ Before = $before; After = $after; SecondDisconnect = "$($err[0].FullyQualifiedErrorId)"; Returned = $c.TenantId }
'@
        $run.Result.Before | Should -BeTrue
        $run.Result.After | Should -BeFalse
        $run.Result.SecondDisconnect | Should -BeLike 'FastTrack.NotConnected,*'
        $run.Result.Returned | Should -Be $script:TenantId
    }

    It 'a connection made in one runspace is not visible in another' {
        $run = Invoke-Connect @'
$secret = ConvertTo-SecureString $env:FT_SECRET -AsPlainText -Force
$null = Connect-FastTrackTenant -TenantId $env:FT_TENANT -ClientId $env:FT_CLIENT -ClientSecret $secret -GraphEndpoint $env:FT_GRAPH -AuthorityHost $env:FT_AUTHORITY
$other = 1 | ForEach-Object -Parallel { Import-Module $env:FASTTRACK_TEST_MODULE; [bool](Get-FastTrackConnection) }
Write-TestResult @{ Here = [bool](Get-FastTrackConnection); Other = $other }
'@
        $run.Result.Here | Should -BeTrue
        $run.Result.Other | Should -BeFalse
    }
}
