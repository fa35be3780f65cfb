#Requires -Modules Pester
# Connect-FastTrackTenant -Certificate and -CertificateSubjectName (Connect-MgGraph's forms) against the
# emulator's token endpoint: a fresh pwsh signs a real client assertion that the emulator verifies
# against the public key registered for the client. Store certificates are added to the real
# .NET CurrentUser\My store and removed after each test.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot '../Common/GraphEmulator.psm1') -Force

    $script:Emulator = Start-GraphEmulator -EmulatorPath (Get-TestEmulatorPath) -Arguments @('--tenant', (Join-Path $PSScriptRoot 'fixtures/connect-tenant.json'))
    $script:TenantId = (Get-Content -Raw (Join-Path $PSScriptRoot 'fixtures/connect-tenant.json') | ConvertFrom-Json).tenant.id
    $script:Environment = @{
        SSL_CERT_FILE = $script:Emulator.CaCertificatePath
        FT_GRAPH      = $script:Emulator.HttpUrl
        FT_AUTHORITY  = $script:Emulator.HttpsUrl
        FT_TENANT     = $script:TenantId
    }
    $script:Added = [Collections.Generic.List[object]]::new()

    # A self-signed certificate valid from $From to $Until (days from now), with its private key.
    function script:New-Certificate([string] $Subject, [double] $From = -1, [double] $Until = 2) {
        $rsa = [Security.Cryptography.RSA]::Create(2048)
        $request = [Security.Cryptography.X509Certificates.CertificateRequest]::new($Subject, $rsa,
            [Security.Cryptography.HashAlgorithmName]::SHA256, [Security.Cryptography.RSASignaturePadding]::Pkcs1)
        $certificate = $request.CreateSelfSigned([DateTimeOffset]::UtcNow.AddDays($From), [DateTimeOffset]::UtcNow.AddDays($Until))
        [Security.Cryptography.X509Certificates.X509Certificate2]::new($certificate.Export('Pfx'), [string]::Empty, 'PersistKeySet,Exportable')
    }

    # Registers a new app whose only credential is $Certificate's public key; returns its client id.
    function script:Register-Client($Certificate) {
        $clientId = [guid]::NewGuid().ToString()
        $null = Invoke-EmulatorControl $script:Emulator "tenants/$($script:TenantId)/clients" -Method Post -Body @{
            clientId = $clientId; certificates = @($Certificate.ExportCertificatePem()); roles = @('Organization.Read.All')
        }
        $clientId
    }

    function script:Add-ToStore($Certificate) {
        $store = [Security.Cryptography.X509Certificates.X509Store]::new('My', 'CurrentUser')
        $store.Open('ReadWrite'); $store.Add($Certificate); $store.Close()
        $script:Added.Add($Certificate)
    }

    function script:Invoke-Connect([string] $Connect, [hashtable] $Extra) {
        $environment = $script:Environment.Clone()
        foreach ($key in $Extra.Keys) { $environment[$key] = $Extra[$key] }
        $run = Invoke-FreshPwsh -Environment $environment -Script (@'
try {
    CONNECT
    $c = Get-FastTrackConnection
    Write-TestResult ([pscustomobject]@{ Connected = $true; AuthMethod = "$($c.AuthMethod)"; ClientId = $c.ClientId; TenantName = $c.TenantName })
}
catch { Write-TestResult ([pscustomobject]@{ Connected = $false; Id = $_.FullyQualifiedErrorId; Category = "$($_.CategoryInfo.Category)"; Message = $_.ErrorDetails.Message; Action = $_.ErrorDetails.RecommendedAction }) }
'@).Replace('CONNECT', $Connect)
        # Key material (a PEM block), not the words "private key" that the error messages rightly use.
        $run.Output | Should -Not -MatchExactly '-----BEGIN [A-Z ]*PRIVATE KEY-----' -Because 'key material never reaches output'
        $run
    }

    # Every certificate a test put in the store leaves with it.
    function script:Remove-Added {
        $store = [Security.Cryptography.X509Certificates.X509Store]::new('My', 'CurrentUser')
        $store.Open('ReadWrite')
        foreach ($certificate in $script:Added) { $store.Remove($certificate) }
        $store.Close()
        $script:Added.Clear()
    }
}

AfterAll {
    $script:Emulator | Stop-GraphEmulator
}

Describe 'Connect-FastTrackTenant -Certificate' {
    AfterEach { Remove-Added }

    It 'signs in with a certificate object taken from the CurrentUser\My store' {
        # What Get-Item Cert:\CurrentUser\My\<thumbprint> returns on Windows; the Cert: drive is Windows-only,
        # so the child reads the same X509Certificate2 from the .NET store.
        $certificate = New-Certificate 'CN=Pester Object'
        $clientId = Register-Client $certificate
        Add-ToStore $certificate
        $run = Invoke-Connect '$s = [Security.Cryptography.X509Certificates.X509Store]::new("My", "CurrentUser"); $s.Open("ReadOnly"); $cert = $s.Certificates.Find("FindByThumbprint", $env:FT_THUMBPRINT, $false)[0]; Connect-FastTrackTenant -TenantId $env:FT_TENANT -ClientId $env:FT_CERT_CLIENT -Certificate $cert -GraphEndpoint $env:FT_GRAPH -AuthorityHost $env:FT_AUTHORITY' `
            @{ FT_CERT_CLIENT = $clientId; FT_THUMBPRINT = $certificate.Thumbprint }
        $run.Result.Connected | Should -BeTrue -Because $run.Output
        $run.Result.AuthMethod | Should -Be 'Certificate'
        $run.Result.ClientId | Should -Be $clientId
        $run.Result.TenantName | Should -Be 'Fabrikam Connect Test'
    }

    It 'a certificate object without its private key fails with FastTrack.CertificateWithoutPrivateKey' {
        $certificate = New-Certificate 'CN=Pester Public Only'
        $clientId = Register-Client $certificate
        $run = Invoke-Connect '$public = [Security.Cryptography.X509Certificates.X509Certificate2]::CreateFromPem($env:FT_PUBLIC_PEM); Connect-FastTrackTenant -TenantId $env:FT_TENANT -ClientId $env:FT_CERT_CLIENT -Certificate $public -GraphEndpoint $env:FT_GRAPH -AuthorityHost $env:FT_AUTHORITY' `
            @{ FT_CERT_CLIENT = $clientId; FT_PUBLIC_PEM = $certificate.ExportCertificatePem() }
        $run.Result.Connected | Should -BeFalse -Because $run.Output
        $run.Result.Id | Should -BeLike 'FastTrack.CertificateWithoutPrivateKey,*'
        $run.Result.Category | Should -Be 'SecurityError'
        $run.Result.Message | Should -Match $certificate.Thumbprint
        $run.Result.Action | Should -Match 'private key'
    }

    It 'a certificate the app does not know is refused by the token endpoint' {
        $registered = New-Certificate 'CN=Pester Registered'
        $other = New-Certificate 'CN=Pester Stranger'
        $clientId = Register-Client $registered
        Add-ToStore $other
        $run = Invoke-Connect '$s = [Security.Cryptography.X509Certificates.X509Store]::new("My", "CurrentUser"); $s.Open("ReadOnly"); $cert = $s.Certificates.Find("FindByThumbprint", $env:FT_THUMBPRINT, $false)[0]; Connect-FastTrackTenant -TenantId $env:FT_TENANT -ClientId $env:FT_CERT_CLIENT -Certificate $cert -GraphEndpoint $env:FT_GRAPH -AuthorityHost $env:FT_AUTHORITY' `
            @{ FT_CERT_CLIENT = $clientId; FT_THUMBPRINT = $other.Thumbprint }
        $run.Result.Connected | Should -BeFalse -Because $run.Output
        $run.Result.Id | Should -BeLike 'FastTrack.InvalidClientAssertion,*'
    }
}

Describe 'Connect-FastTrackTenant -CertificateSubjectName' {
    AfterEach { Remove-Added }

    It 'picks the newest valid certificate with that subject (a renewal beside the old one)' {
        $subject = "CN=Pester Renewed $([guid]::NewGuid().ToString('N').Substring(0, 8))"
        $old = New-Certificate $subject -From -30 -Until 5
        $new = New-Certificate $subject -From -1 -Until 60
        $expired = New-Certificate $subject -From -20 -Until -2
        $clientId = Register-Client $new      # only the newest is registered: any other choice fails to sign in
        Add-ToStore $old; Add-ToStore $expired; Add-ToStore $new
        $run = Invoke-Connect 'Connect-FastTrackTenant -TenantId $env:FT_TENANT -ClientId $env:FT_CERT_CLIENT -CertificateSubjectName $env:FT_SUBJECT -GraphEndpoint $env:FT_GRAPH -AuthorityHost $env:FT_AUTHORITY -Verbose' `
            @{ FT_CERT_CLIENT = $clientId; FT_SUBJECT = $subject }
        $run.Result.Connected | Should -BeTrue -Because $run.Output
        $run.Result.AuthMethod | Should -Be 'Certificate'
        $run.Output | Should -Match $new.Thumbprint -Because '-Verbose names the certificate chosen'
    }

    It 'matches the common name alone, case-insensitively' {
        $name = "Pester Common $([guid]::NewGuid().ToString('N').Substring(0, 8))"
        $certificate = New-Certificate "CN=$name"
        $clientId = Register-Client $certificate
        Add-ToStore $certificate
        $run = Invoke-Connect 'Connect-FastTrackTenant -TenantId $env:FT_TENANT -ClientId $env:FT_CERT_CLIENT -CertificateSubjectName $env:FT_SUBJECT -GraphEndpoint $env:FT_GRAPH -AuthorityHost $env:FT_AUTHORITY' `
            @{ FT_CERT_CLIENT = $clientId; FT_SUBJECT = $name.ToUpperInvariant() }
        $run.Result.Connected | Should -BeTrue -Because $run.Output
    }

    It 'only expired certificates with that subject give FastTrack.CertificateExpired' {
        $subject = "CN=Pester Expired $([guid]::NewGuid().ToString('N').Substring(0, 8))"
        $expired = New-Certificate $subject -From -20 -Until -1
        $clientId = Register-Client $expired
        Add-ToStore $expired
        $run = Invoke-Connect 'Connect-FastTrackTenant -TenantId $env:FT_TENANT -ClientId $env:FT_CERT_CLIENT -CertificateSubjectName $env:FT_SUBJECT -GraphEndpoint $env:FT_GRAPH -AuthorityHost $env:FT_AUTHORITY' `
            @{ FT_CERT_CLIENT = $clientId; FT_SUBJECT = $subject }
        $run.Result.Connected | Should -BeFalse -Because $run.Output
        $run.Result.Id | Should -BeLike 'FastTrack.CertificateExpired,*'
        $run.Result.Category | Should -Be 'SecurityError'
        $run.Result.Message | Should -Match 'expired'
        $run.Result.Action | Should -Match 'renew'
    }

    It 'a valid certificate with that subject but without its private key gives FastTrack.CertificateWithoutPrivateKey' {
        $subject = "CN=Pester Public $([guid]::NewGuid().ToString('N').Substring(0, 8))"
        $full = New-Certificate $subject
        $public = [Security.Cryptography.X509Certificates.X509Certificate2]::CreateFromPem($full.ExportCertificatePem())
        $clientId = Register-Client $full
        Add-ToStore $public
        $run = Invoke-Connect 'Connect-FastTrackTenant -TenantId $env:FT_TENANT -ClientId $env:FT_CERT_CLIENT -CertificateSubjectName $env:FT_SUBJECT -GraphEndpoint $env:FT_GRAPH -AuthorityHost $env:FT_AUTHORITY' `
            @{ FT_CERT_CLIENT = $clientId; FT_SUBJECT = $subject }
        $run.Result.Connected | Should -BeFalse -Because $run.Output
        $run.Result.Id | Should -BeLike 'FastTrack.CertificateWithoutPrivateKey,*'
        $run.Result.Category | Should -Be 'SecurityError'
        $run.Result.Message | Should -Match $full.Thumbprint
        $run.Result.Action | Should -Match '\.pfx'
    }

    It 'no certificate with that subject gives FastTrack.CertificateNotFound, at once and without a prompt' {
        $run = Invoke-Connect 'Connect-FastTrackTenant -TenantId $env:FT_TENANT -ClientId 11111111-2222-3333-4444-555555555555 -CertificateSubjectName "CN=Nobody Has This 7f3e" -GraphEndpoint $env:FT_GRAPH -AuthorityHost $env:FT_AUTHORITY' @{}
        $run.Result.Connected | Should -BeFalse -Because $run.Output
        $run.Result.Id | Should -BeLike 'FastTrack.CertificateNotFound,*'
        $run.Result.Category | Should -Be 'ObjectNotFound'
        $run.Result.Message | Should -Match 'CurrentUser\\My'
    }
}
