#Requires -Modules Pester
# Dependency isolation (DESIGN §3): the module's Azure.Core / Graph / MSAL live in a private load
# context, so an older Azure.Core already loaded by another module (Az.Accounts and friends) does
# not break it, and loading one after us does not break that module either.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot '../Common/GraphEmulator.psm1') -Force
    $script:Emulator = Start-GraphEmulator -EmulatorPath (Get-TestEmulatorPath) -Arguments @('--tenant', (Join-Path $PSScriptRoot 'fixtures/connect-tenant.json'))
    $fixture = Get-Content -Raw (Join-Path $PSScriptRoot 'fixtures/connect-tenant.json') | ConvertFrom-Json
    $packages = if ($env:NUGET_PACKAGES) { $env:NUGET_PACKAGES } else { Join-Path $HOME '.nuget/packages' }
    $script:OldAzureCore = Join-Path $packages 'azure.core/1.38.0/lib/net6.0/Azure.Core.dll'
    $script:Environment = @{
        SSL_CERT_FILE = $script:Emulator.CaCertificatePath
        FT_GRAPH      = $script:Emulator.HttpUrl
        FT_AUTHORITY  = $script:Emulator.HttpsUrl
        FT_TENANT     = $fixture.tenant.id
        FT_CLIENT     = $fixture.auth.clients[0].clientId
        FT_SECRET     = $fixture.auth.clients[0].secret
        FT_OLD_CORE   = $script:OldAzureCore
    }
    $script:Connect = @'
$null = Connect-FastTrackTenant -TenantId $env:FT_TENANT -ClientId $env:FT_CLIENT -ClientSecret (ConvertTo-SecureString $env:FT_SECRET -AsPlainText -Force) -GraphEndpoint $env:FT_GRAPH -AuthorityHost $env:FT_AUTHORITY
'@
    $script:Describe = @'
function Get-LoadedCopies([string] $Name) {
    [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq $Name } |
        ForEach-Object { '{0}@{1}' -f $_.GetName().Version, [Runtime.Loader.AssemblyLoadContext]::GetLoadContext($_).Name }
}
'@
}

AfterAll { $script:Emulator | Stop-GraphEmulator }

Describe 'Dependency isolation on PowerShell 7' {
    It 'has the old Azure.Core to load (restored from NuGet by build.ps1)' {
        $script:OldAzureCore | Should -Exist
    }

    It 'works after another module loaded Azure.Core 1.38.0 into the default context first' {
        $run = Invoke-FreshPwsh -Environment $script:Environment -Script ($script:Describe + "`n" + @'
Add-Type -Path $env:FT_OLD_CORE
$context = [Azure.Core.TokenRequestContext]::new([string[]]@('https://graph.microsoft.com/.default'))
'@ + "`n" + $script:Connect + "`n" + @'
$c = Get-FastTrackConnection
Write-TestResult @{ Tenant = $c.TenantName; AzureCore = @(Get-LoadedCopies 'Azure.Core'); Engine = @(Get-LoadedCopies 'FastTrack.Onboarding.Engine'); Model = @(Get-LoadedCopies 'FastTrack.Onboarding.Model'); Scope = $context.Scopes[0] }
'@)
        $run.ExitCode | Should -Be 0 -Because $run.Output
        $run.Result.Tenant | Should -Be 'Fabrikam Connect Test'
        $run.Result.AzureCore | Should -Contain '1.38.0.0@Default'
        @($run.Result.AzureCore | Where-Object { $_ -like '*@FastTrack.Onboarding' }).Count | Should -Be 1 -Because 'our Azure.Core sits in the private context beside the old one'
        @($run.Result.Engine).Count | Should -Be 1 -Because 'the engine loads once'
        $run.Result.Engine[0] | Should -BeLike '*@FastTrack.Onboarding' -Because 'the engine loads only privately'
        @($run.Result.Model).Count | Should -Be 1 -Because 'the shared Model exists once'
        $run.Result.Model[0] | Should -BeLike '*@Default'
    }

    It 'leaves the default context free: an old Azure.Core loads after the module and both keep working' {
        $run = Invoke-FreshPwsh -Environment $script:Environment -Script ($script:Describe + "`n" + $script:Connect + "`n" + @'
Add-Type -Path $env:FT_OLD_CORE
$token = [Azure.Core.AccessToken]::new('x', [DateTimeOffset]::UtcNow.AddHours(1))
Disconnect-FastTrackTenant
'@ + "`n" + $script:Connect + "`n" + @'
Write-TestResult @{ Tenant = (Get-FastTrackConnection).TenantName; AzureCore = @(Get-LoadedCopies 'Azure.Core'); OldWorks = ($token.ExpiresOn -gt [DateTimeOffset]::UtcNow) }
'@)
        $run.ExitCode | Should -Be 0 -Because $run.Output
        $run.Result.Tenant | Should -Be 'Fabrikam Connect Test'
        $run.Result.OldWorks | Should -BeTrue
        $run.Result.AzureCore | Should -Contain '1.38.0.0@Default'
    }
}
