#Requires -Modules Pester
# Issue 15 part 7 (connect as people paste it) and issue 12 (the replaced connection on reconnect):
# Connect-FastTrackTenant in a fresh pwsh against the loopback Graph emulator.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot '../Common/GraphEmulator.psm1') -Force

    $script:Emulator = Start-GraphEmulator -EmulatorPath (Get-TestEmulatorPath) -Arguments @('--tenant', (Join-Path $PSScriptRoot 'fixtures/connect-tenant.json'))
    $fixture = Get-Content -Raw (Join-Path $PSScriptRoot 'fixtures/connect-tenant.json') | ConvertFrom-Json
    $script:TenantId = $fixture.tenant.id

    function script:New-Token {
        (Invoke-EmulatorControl $script:Emulator 'tokens' -Method Post -Body @{ tenantId = $script:TenantId; roles = @('Organization.Read.All', 'Directory.Read.All'); expiresInSeconds = 3600 }).access_token
    }
}

AfterAll {
    $script:Emulator | Stop-GraphEmulator
}

Describe 'Connect-FastTrackTenant -GraphEndpoint as people paste it' {
    It 'accepts a Graph endpoint ending in /<Version> and says it dropped it' -TestCases @(@{ Version = 'v1.0' }, @{ Version = 'beta' }) {
        param($Version)
        $token = New-Token
        $run = Invoke-FreshPwsh -Script @'
$c = Connect-FastTrackTenant -AccessToken (ConvertTo-SecureString $env:FT_TOKEN -AsPlainText -Force) -GraphEndpoint ($env:FT_GRAPH.TrimEnd('/') + '/' + $env:FT_VERSION) -Verbose
Write-TestResult @{ TenantName = $c.TenantName; GraphEndpoint = "$($c.GraphEndpoint)" }
'@ -Environment @{ FT_TOKEN = $token; FT_GRAPH = $script:Emulator.HttpUrl; FT_VERSION = $Version }
        $run.ExitCode | Should -Be 0 -Because $run.Output
        $run.Result.TenantName | Should -Be 'Fabrikam Connect Test'
        $run.Result.GraphEndpoint | Should -Be ($script:Emulator.HttpUrl.TrimEnd('/') + '/')
        $run.Output | Should -Match "ended in the API version '/$([regex]::Escape($Version))'"
        $run.Output | Should -Not -Match 'v1\.0/v1\.0'
    }
}

Describe 'Tenant-reading cmdlets without a connection' {
    It 'every cmdlet that needs a connection names Connect-FastTrackTenant (and -FromSnapshot where it has it) in the message itself' {
        $run = Invoke-FreshPwsh -Script @'
$results = foreach ($command in Get-Command -Module FastTrack.Onboarding | Where-Object { $_.Parameters.ContainsKey('Connection') -and $_.Verb -ne 'Disconnect' } | Sort-Object Name) {
    $default = $command.ParameterSets | Where-Object { $_.IsDefault -or $command.ParameterSets.Count -eq 1 } | Select-Object -First 1
    if ($default.Parameters | Where-Object IsMandatory) { continue }
    $extra = @{}
    if ($command.Parameters.ContainsKey('Confirm')) { $extra.Confirm = $false }
    try { & $command.Name @extra -ErrorAction Stop | Out-Null; [pscustomobject]@{ Name = $command.Name; Id = 'none' } }
    catch {
        [pscustomobject]@{ Name = $command.Name; Id = $_.FullyQualifiedErrorId; Message = $_.Exception.Message; Shown = "$_"; Offline = $command.Parameters.ContainsKey('FromSnapshot') }
    }
}
Write-TestResult @($results)
'@
        $run.ExitCode | Should -Be 0 -Because $run.Output
        $notConnected = @($run.Result | Where-Object { $_.Id -like 'FastTrack.NotConnected,*' })
        $notConnected.Name | Should -Contain 'Invoke-FastTrackAssessment'
        $notConnected.Count | Should -BeGreaterThan 3 -Because ($run.Result | Out-String)
        foreach ($result in $notConnected) {
            $result.Message | Should -Match 'Connect-FastTrackTenant' -Because "$($result.Name) must say what to do"
            $result.Shown | Should -Match 'Connect-FastTrackTenant'
            if ($result.Offline) { $result.Message | Should -Match '-FromSnapshot' -Because "$($result.Name) can work from a snapshot" }
            else { $result.Message | Should -Not -Match '-FromSnapshot' }
        }
    }
}

Describe 'Connecting again in the same runspace' {
    BeforeAll {
        # The demo tenant: the first connection must really read data after it was replaced.
        $script:Demo = Start-GraphEmulator -EmulatorPath (Get-TestEmulatorPath) -Arguments @('--tenant-demo')
    }
    AfterAll { $script:Demo | Stop-GraphEmulator }

    It 'the new connection becomes current and the one it replaced still works when passed with -Connection' {
        # The replaced session is deliberately not disposed: a script may hold it ($a) to work on
        # several tenants at once with -Connection. It is released when nothing references it.
        $token = (Invoke-EmulatorControl $script:Demo 'tokens' -Method Post -Body @{ tenantId = '7e0a0001-0000-4000-8000-000000000001'; roles = @('Organization.Read.All', 'LicenseAssignment.Read.All', 'Directory.Read.All') }).access_token
        $run = Invoke-FreshPwsh -Script @'
$secure = ConvertTo-SecureString $env:FT_TOKEN -AsPlainText -Force
$first = Connect-FastTrackTenant -AccessToken $secure -GraphEndpoint $env:FT_GRAPH
$second = Connect-FastTrackTenant -AccessToken $secure -GraphEndpoint $env:FT_GRAPH
$current = Get-FastTrackConnection
$viaFirst = Get-FastTrackEligibility -Connection $first
Write-TestResult @{ CurrentIsSecond = [object]::ReferenceEquals($current, $second); FirstDisconnected = $first.IsDisconnected; FirstRead = [bool]$viaFirst }
'@ -Environment @{ FT_TOKEN = $token; FT_GRAPH = $script:Demo.HttpUrl }
        $run.ExitCode | Should -Be 0 -Because $run.Output
        $run.Result.CurrentIsSecond | Should -BeTrue
        $run.Result.FirstDisconnected | Should -BeFalse
        $run.Result.FirstRead | Should -BeTrue
    }
}
