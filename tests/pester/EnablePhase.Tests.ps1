#Requires -Modules Pester
# Get-EnablePhaseStatus and Set-MdmAuthorityGuidance as users run them, in a fresh pwsh, against the
# demo tenant ("Contoso Demo") in the loopback Graph emulator.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot '../Common/GraphEmulator.psm1') -Force

    $script:Emulator = Start-GraphEmulator -EmulatorPath (Get-TestEmulatorPath) -Arguments @('--tenant-demo')
    $script:TenantId = '7e0a0001-0000-4000-8000-000000000001'   # DemoTenant.TenantId
    $script:AdminUpn = 'admin@contosodemo.onmicrosoft.com'
    # The read-only application permissions of docs/graph-notes.md, 'Permissions' (tests/Tenants/TenantFixtures/Permissions.cs).
    $script:ReadOnlyRoles = @(
        'Organization.Read.All', 'LicenseAssignment.Read.All', 'Domain.Read.All', 'Domain-InternalFederation.Read.All',
        'User.Read.All', 'Group.Read.All', 'GroupSettings.Read.All', 'Application.Read.All',
        'RoleManagement.Read.Directory', 'RoleEligibilitySchedule.Read.Directory', 'RoleAssignmentSchedule.Read.Directory',
        'RoleManagement.Read.All', 'OrganizationalBranding.Read.All', 'Policy.Read.All', 'Policy.Read.AuthenticationMethod',
        'IdentityRiskyUser.Read.All', 'IdentityRiskEvent.Read.All', 'AuditLog.Read.All', 'Reports.Read.All', 'ReportSettings.Read.All',
        'ServiceHealth.Read.All', 'ServiceMessage.Read.All', 'SecurityAlert.Read.All', 'DeviceManagementServiceConfig.Read.All',
        'DeviceManagementConfiguration.Read.All', 'DeviceManagementManagedDevices.Read.All', 'DeviceManagementApps.Read.All', 'DeviceManagementRBAC.Read.All')

    function script:New-Token([hashtable] $Body) {
        (Invoke-EmulatorControl $script:Emulator 'tokens' -Method Post -Body (@{ tenantId = $script:TenantId; expiresInSeconds = 3600 } + $Body)).access_token
    }

    function script:Invoke-Enable([string] $Script, [string] $Token) {
        $run = Invoke-FreshPwsh -Script $Script -Environment @{ FT_GRAPH = $script:Emulator.HttpUrl; FT_TOKEN = $Token }
        $run.Output | Should -Not -BeLike "*$Token*" -Because 'no token may appear in any output stream'
        $run
    }

    # The demo already has Intune as its authority; put it back to "unknown" so -Apply has work to do.
    function script:Reset-MdmAuthority {
        $writer = New-Token @{ scopes = @('Organization.ReadWrite.All'); userPrincipalName = $script:AdminUpn }
        $null = Invoke-RestMethod -Method Patch -Uri "$($script:Emulator.HttpUrl)/v1.0/organization/$($script:TenantId)" -Headers @{ Authorization = "Bearer $writer" } `
            -ContentType 'application/json' -Body '{"mobileDeviceManagementAuthority":"unknown"}'
        $null = Invoke-EmulatorControl $script:Emulator 'requests' -Method Delete
    }

    $script:Connect = 'Connect-FastTrackTenant -AccessToken (ConvertTo-SecureString $env:FT_TOKEN -AsPlainText -Force) -GraphEndpoint $env:FT_GRAPH | Out-Null'
}

AfterAll {
    $script:Emulator | Stop-GraphEmulator
}

Describe 'Get-EnablePhaseStatus' {
    It 'returns every Enable item of the demo tenant with a realistic mix of statuses' {
        $token = New-Token @{ roles = $script:ReadOnlyRoles }
        $run = Invoke-Enable ($script:Connect + "`n" + @'
$results = @(Get-EnablePhaseStatus -Verbose)
$catalog = @(Get-FastTrackCheck -Phase Enable)
$table = $results | Format-Table -AutoSize | Out-String -Width 400
Write-TestResult ([pscustomobject]@{
    Count = $results.Count
    Expected = $catalog.Count
    Ids = (@($results.CheckId | Sort-Object) -join ',') -eq (@($catalog.CheckId | Sort-Object) -join ',')
    Types = @($results | ForEach-Object { $_.GetType().FullName } | Select-Object -Unique)
    ByStatus = @($results | Group-Object Status | ForEach-Object { "$($_.Name)=$($_.Count)" })
    Phs = ($results | Where-Object CheckId -eq 'FT-ENABLE-TENANT-06' | Select-Object @{ n = 'Status'; e = { "$($_.Status)" } }, IsPreview, Evidence)
    ProxyPermission = ($results | Where-Object CheckId -eq 'FT-ENABLE-AADH-08').MissingPermission
    Table = $table
})
'@) $token
        $run.ExitCode | Should -Be 0 -Because $run.Output
        Write-Host $run.Result.Table
        $run.Result.Expected | Should -BeGreaterThan 0
        $run.Result.Count | Should -Be $run.Result.Expected -Because 'every Enable check of the catalog is reported once'
        $run.Result.Ids | Should -BeTrue
        $run.Result.Types | Should -Be @('FastTrack.Onboarding.Model.Assessment.CheckResult')
        foreach ($status in 'Configured', 'Partial', 'NotConfigured', 'Info', 'NotAssessed') {
            ($run.Result.ByStatus -join ' ') | Should -Match "$status=\d+"
        }
        $run.Result.Phs.Status | Should -Be 'Configured'
        $run.Result.Phs.IsPreview | Should -BeTrue
        $run.Result.ProxyPermission | Should -Be 'Directory.ReadWrite.All'
        $run.Result.Table | Should -Match 'FT-ENABLE-INTUNE-21'
        $run.Result.Table | Should -Match 'InputRequired'
        $run.Output | Should -Match 'Enable items assessed' -Because '-Verbose tells what it did'
    }

    It '-Service Intune -NoPreview covers only Intune and marks beta-only items as PreviewApiDisabled' {
        $token = New-Token @{ roles = $script:ReadOnlyRoles }
        $run = Invoke-Enable ($script:Connect + "`n" + @'
$results = @(Get-EnablePhaseStatus -Service Intune -NoPreview)
Write-TestResult ([pscustomobject]@{
    Count = $results.Count
    Expected = @(Get-FastTrackCheck -Phase Enable | Where-Object { "$($_.Service)" -eq 'Intune' }).Count
    Services = @($results.Service | ForEach-Object { "$_" } | Select-Object -Unique)
    Email = "$(($results | Where-Object CheckId -eq 'FT-ENABLE-INTUNE-09').Reason)"
    Preview = @($results | Where-Object IsPreview).Count
})
'@) $token
        $run.ExitCode | Should -Be 0 -Because $run.Output
        $run.Result.Expected | Should -BeGreaterThan 0
        $run.Result.Count | Should -Be $run.Result.Expected
        $run.Result.Services | Should -Be @('Intune')
        $run.Result.Email | Should -Be 'PreviewApiDisabled'
        $run.Result.Preview | Should -Be 0
    }

    It '-FromSnapshot re-evaluates a saved Enable snapshot offline with the same answers' {
        $token = New-Token @{ roles = $script:ReadOnlyRoles }
        $path = Join-Path $TestDrive 'enable-snapshot.json'
        $run = Invoke-Enable ($script:Connect + "`n" + @"
`$live = @(Invoke-FastTrackAssessment -Phase Enable -SnapshotPath '$path').Results
Disconnect-FastTrackTenant
`$offline = @(Get-EnablePhaseStatus -FromSnapshot '$path')
Write-TestResult ([pscustomobject]@{
    Offline = `$offline.Count
    Expected = @(Get-FastTrackCheck -Phase Enable).Count
    Same = @(`$offline | Where-Object { `$o = `$_; (`$live | Where-Object CheckId -eq `$o.CheckId).Status -eq `$o.Status }).Count
})
"@) $token
        $run.ExitCode | Should -Be 0 -Because $run.Output
        $run.Result.Expected | Should -BeGreaterThan 0
        $run.Result.Offline | Should -Be $run.Result.Expected
        $run.Result.Same | Should -Be $run.Result.Expected
    }

    It 'Get-EnablePhaseStatus -SnapshotPath records what it read; -FromSnapshot reads it back to the same results' {
        $token = New-Token @{ roles = $script:ReadOnlyRoles }
        $path = Join-Path $TestDrive 'enable-own-snapshot.json'
        $run = Invoke-Enable ($script:Connect + "`n" + @"
`$live = @(Get-EnablePhaseStatus -SnapshotPath '$path')
`$exists = Test-Path '$path'
try { `$null = Get-EnablePhaseStatus -Service Tenant -SnapshotPath '$path'; `$again = 'written' } catch { `$again = `$_.FullyQualifiedErrorId + '/' + `$_.CategoryInfo.Category }
Disconnect-FastTrackTenant
`$offline = @(Get-EnablePhaseStatus -FromSnapshot '$path')
Write-TestResult ([pscustomobject]@{
    Exists = `$exists
    Again = `$again
    Live = @(`$live | ForEach-Object { "`$(`$_.CheckId)=`$(`$_.Status)/`$(`$_.Reason)|`$(`$_.Evidence)" })
    Offline = @(`$offline | ForEach-Object { "`$(`$_.CheckId)=`$(`$_.Status)/`$(`$_.Reason)|`$(`$_.Evidence)" })
})
"@) $token
        $run.ExitCode | Should -Be 0 -Because $run.Output
        $run.Result.Exists | Should -BeTrue
        $run.Result.Again | Should -Be 'FastTrack.FileExists,FastTrack.Onboarding.Commands.Enable.GetEnablePhaseStatusCommand/ResourceExists' -Because 'an existing snapshot is replaced only with -Force'
        $run.Result.Live.Count | Should -Be 52
        $run.Result.Offline | Should -Be $run.Result.Live -Because 'the recorded snapshot holds exactly what the live run judged'
    }

    It 'takes connectivity and DNS results by property name' {
        $token = New-Token @{ roles = $script:ReadOnlyRoles }
        $run = Invoke-Enable ($script:Connect + "`n" + @'
$connectivity = [pscustomobject]@{ TestedOn = [DateTimeOffset]::UtcNow; EndpointsTested = 12; EndpointsReachable = 12; PortsTested = 20; PortsOpen = 18; TlsIntercepted = 0; Failures = @('outlook.office365.com:587 closed', 'smtp.office365.com:587 closed') }
$dns = [pscustomobject]@{ Domains = @([pscustomobject]@{ Domain = 'contosodemo.com'; RequiredRecords = 6; MatchingRecords = 6 }, [pscustomobject]@{ Domain = 'fabrikamdemo.com'; RequiredRecords = 6; MatchingRecords = 4; Mismatches = @('CNAME enterpriseenrollment', 'CNAME enterpriseregistration') }) }
$results = @(Get-EnablePhaseStatus -Service Tenant -ConnectivityResult $connectivity -DnsResult $dns)
Write-TestResult ([pscustomobject]@{
    Ports = "$(($results | Where-Object CheckId -eq 'FT-ENABLE-TENANT-02').Status)"
    Dns = ($results | Where-Object CheckId -eq 'FT-ENABLE-TENANT-03' | Select-Object @{ n = 'Status'; e = { "$($_.Status)" } }, Evidence)
    Connectivity = "$(($results | Where-Object CheckId -eq 'FT-ENABLE-TENANT-04').Status)"
})
'@) $token
        $run.ExitCode | Should -Be 0 -Because $run.Output
        $run.Result.Ports | Should -Be 'Partial'
        $run.Result.Dns.Status | Should -Be 'Partial'
        $run.Result.Dns.Evidence | Should -Match 'fabrikamdemo.com 4/6'
        $run.Result.Connectivity | Should -Be 'Configured'
    }
}

Describe 'The registration report sample (-FullRegistrationReport)' {
    BeforeAll {
        # A tenant with more registration rows than the default sample (two pages of 999), served in
        # pages of 999. The first rows are half SSPR-enabled, the rest all enabled, so the sample's
        # share and the exact share differ.
        $script:RegTenantId = [guid]::NewGuid().ToString()
        $script:RegRows = 2100
        $rows = foreach ($n in 1..$script:RegRows) {
            [ordered]@{ id = [guid]::NewGuid().ToString(); userPrincipalName = "user$n@regsample.onmicrosoft.com"; userType = 'member'; isAdmin = $n -le 2
                isSsprEnabled = ($n -gt 1997 -or $n % 2 -eq 0); isSsprRegistered = $false; isMfaRegistered = $false; methodsRegistered = @() }
        }
        $script:SsprEnabled = { param([int] $Take) @($rows | Select-Object -First $Take | Where-Object { -not $_.isAdmin -and $_.isSsprEnabled }).Count }.GetNewClosure()
        $reportPath = 'v1.0/reports/authenticationMethods/userRegistrationDetails'
        $fixture = @{
            schemaVersion = 1
            tenant = @{ id = $script:RegTenantId; displayName = 'Registration Sample'; initialDomain = 'regsample.onmicrosoft.com' }
            auth = @{ clients = @(); managedIdentities = @(); users = @() }
            pageCaps = @{ $reportPath = 999 }
            resources = @{
                'v1.0/organization' = @(@{ id = $script:RegTenantId; displayName = 'Registration Sample'; verifiedDomains = @(@{ name = 'regsample.onmicrosoft.com'; isDefault = $true; isInitial = $true; type = 'Managed' }) })
                # Entra ID P1 (AAD_PREMIUM): without it Graph refuses the report.
                'v1.0/subscribedSkus' = @(@{ id = 'sku1'; skuId = '078d2b04-f1bd-4111-bbd4-b4b1b354cef4'; skuPartNumber = 'AAD_PREMIUM'; capabilityStatus = 'Enabled'
                    servicePlans = @(@{ servicePlanId = '41781fb2-bc02-4b7c-bd55-b576c07bb09d'; servicePlanName = 'AAD_PREMIUM' }) })
                $reportPath = @($rows)
            }
            errors = @{}
        }
        $null = Invoke-EmulatorControl $script:Emulator 'tenants' -Method Post -Body $fixture
        $script:RegToken = (Invoke-EmulatorControl $script:Emulator 'tokens' -Method Post -Body @{ tenantId = $script:RegTenantId; roles = $script:ReadOnlyRoles; expiresInSeconds = 3600 }).access_token
        # Graph's own report limit is not the subject here; the module still paces itself.
        $null = Invoke-EmulatorControl $script:Emulator 'limits' -Method Post -Body @{ enabled = $false }

        $script:ReportPath = $reportPath
        function script:Get-ReportRequests {
            @((Invoke-EmulatorControl $script:Emulator 'requests').requests | Where-Object { $_.tenantId -eq $script:RegTenantId -and $_.path -eq "/$script:ReportPath" }).Count
        }
    }

    AfterAll {
        $null = Invoke-EmulatorControl $script:Emulator 'limits' -Method Post -Body @{ enabled = $true; reset = $true }
    }

    BeforeEach { $null = Invoke-EmulatorControl $script:Emulator 'requests' -Method Delete }

    It 'Invoke-FastTrackAssessment reads two pages by default and the SSPR item says its share is estimated' {
        $run = Invoke-Enable ($script:Connect + "`n" + @'
$r = (Invoke-FastTrackAssessment -CheckId FT-ENABLE-AADH-03).Results[0]
Write-TestResult ([pscustomobject]@{ Status = "$($r.Status)"; Evidence = $r.Evidence; Sampled = $r.Figures['Sampled']; RowsRead = $r.Figures['RowsRead']; Enabled = $r.Figures['SsprEnabled'] })
'@) $script:RegToken
        $run.ExitCode | Should -Be 0 -Because $run.Output
        Get-ReportRequests | Should -Be 2
        $run.Result.Sampled | Should -BeTrue
        $run.Result.RowsRead | Should -Be 1997
        $run.Result.Enabled | Should -Be (& $script:SsprEnabled 1997)
        $run.Result.Status | Should -Be 'Partial'
        $run.Result.Evidence | Should -Match 'estimated from the first 1,997 rows'
        $run.Result.Evidence | Should -Match '-FullRegistrationReport'
    }

    It 'Get-EnablePhaseStatus -FullRegistrationReport reads every row and the share is exact' {
        $run = Invoke-Enable ($script:Connect + "`n" + @'
$r = Get-EnablePhaseStatus -Service AzureADPremiumHybrid -FullRegistrationReport | Where-Object CheckId -eq 'FT-ENABLE-AADH-03'
Write-TestResult ([pscustomobject]@{ Evidence = $r.Evidence; Sampled = $r.Figures['Sampled']; RowsRead = $r.Figures['RowsRead']; Enabled = $r.Figures['SsprEnabled'] })
'@) $script:RegToken
        $run.ExitCode | Should -Be 0 -Because $run.Output
        Get-ReportRequests | Should -Be 3
        $run.Result.Sampled | Should -BeFalse
        $run.Result.RowsRead | Should -Be $script:RegRows
        $run.Result.Enabled | Should -Be (& $script:SsprEnabled $script:RegRows)
        $run.Result.Evidence | Should -Not -Match 'estimated'
    }
}

Describe 'Set-MdmAuthorityGuidance' {
    BeforeEach { Reset-MdmAuthority }

    It 'explains the recommendation without -Apply and sends no write' {
        $token = New-Token @{ roles = $script:ReadOnlyRoles }
        $run = Invoke-Enable ($script:Connect + "`n" + @'
$g = Set-MdmAuthorityGuidance -Scenario ConfigurationManager
Write-TestResult ([pscustomobject]@{ Current = $g.CurrentAuthority; Recommended = $g.RecommendedAuthority; Matches = $g.Matches; Reason = $g.Reason; Table = ($g | Format-Table | Out-String -Width 300) })
'@) $token
        $run.ExitCode | Should -Be 0 -Because $run.Output
        $run.Result.Current | Should -Be 'unknown'
        $run.Result.Recommended | Should -Be 'intune'
        $run.Result.Matches | Should -BeFalse
        $run.Result.Reason | Should -Match 'retired'
        $run.Result.Reason | Should -Match 'co-management'
        $run.Result.Table | Should -Match 'ConfigurationManager'
        (Invoke-EmulatorControl $script:Emulator 'requests').writes | Should -Be 0
    }

    It '-Apply -WhatIf sends no write request' {
        $token = New-Token @{ scopes = @('Organization.Read.All', 'DeviceManagementServiceConfig.ReadWrite.All'); userPrincipalName = $script:AdminUpn }
        $run = Invoke-Enable ($script:Connect + "`n" + @'
$g = Set-MdmAuthorityGuidance -Scenario IntuneOnly -Apply -WhatIf
Write-TestResult ([pscustomobject]@{ Applied = $g.Applied; Current = $g.CurrentAuthority })
'@) $token
        $run.ExitCode | Should -Be 0 -Because $run.Output
        $run.Output | Should -Match 'What if:.*MDM authority to Intune'
        $run.Result.Applied | Should -BeFalse
        (Invoke-EmulatorControl $script:Emulator 'requests').writes | Should -Be 0
    }

    It '-Apply -Confirm:$false with a delegated token writes once and re-reads the tenant' {
        $token = New-Token @{ scopes = @('Organization.Read.All', 'DeviceManagementServiceConfig.ReadWrite.All'); userPrincipalName = $script:AdminUpn }
        $run = Invoke-Enable ($script:Connect + "`n" + @'
$g = Set-MdmAuthorityGuidance -Scenario IntuneWithOffice365Mdm -Apply -Confirm:$false -Verbose
Write-TestResult ([pscustomobject]@{ Applied = $g.Applied; Before = $g.CurrentAuthority; After = $g.AuthorityAfter; Matches = $g.Matches; Action = $g.Action })
'@) $token
        $run.ExitCode | Should -Be 0 -Because $run.Output
        $run.Result.Applied | Should -BeTrue
        $run.Result.Before | Should -Be 'unknown'
        $run.Result.After | Should -Be 'intune'
        $run.Result.Matches | Should -BeTrue
        $log = Invoke-EmulatorControl $script:Emulator 'requests'
        $log.writes | Should -Be 1
        @($log.requests | Where-Object { $_.method -eq 'POST' -and $_.path -like '*setMobileDeviceManagementAuthority' }).Count | Should -Be 1
        $last = @($log.requests | Where-Object { $_.method -eq 'GET' -and $_.path -like "*/organization/*" })[-1]
        $last.seq | Should -BeGreaterThan (@($log.requests | Where-Object method -eq 'POST')[0].seq) -Because 'the tenant is re-read after the write'
    }

    It '-Apply with an app-only token explains the action is delegated-only and sends nothing' {
        $token = New-Token @{ roles = @('Organization.Read.All', 'DeviceManagementServiceConfig.ReadWrite.All') }
        $run = Invoke-Enable ($script:Connect + "`n" + @'
try { Set-MdmAuthorityGuidance -Scenario IntuneOnly -Apply -Confirm:$false; Write-TestResult @{ Id = 'none' } }
catch { Write-TestResult ([pscustomobject]@{ Id = $_.FullyQualifiedErrorId; Category = "$($_.CategoryInfo.Category)"; Message = $_.ErrorDetails.Message; Action = $_.ErrorDetails.RecommendedAction }) }
'@) $token
        $run.Result.Id | Should -BeLike 'FastTrack.PermissionDenied,*'
        $run.Result.Message | Should -Match 'delegated-only'
        $run.Result.Action | Should -Match 'UseDeviceCode'
        (Invoke-EmulatorControl $script:Emulator 'requests').writes | Should -Be 0
    }

    It '-Scenario MamOnly needs no authority and -Apply writes nothing' {
        $token = New-Token @{ scopes = @('Organization.Read.All', 'DeviceManagementServiceConfig.ReadWrite.All'); userPrincipalName = $script:AdminUpn }
        $run = Invoke-Enable ($script:Connect + "`n" + @'
$g = Set-MdmAuthorityGuidance -Scenario MamOnly -Apply -Confirm:$false
Write-TestResult ([pscustomobject]@{ Recommended = $g.RecommendedAuthority; Matches = $g.Matches; Applied = $g.Applied })
'@) $token
        $run.ExitCode | Should -Be 0 -Because $run.Output
        $run.Result.Recommended | Should -Be 'none required'
        $run.Result.Matches | Should -BeTrue
        $run.Result.Applied | Should -BeFalse
        (Invoke-EmulatorControl $script:Emulator 'requests').writes | Should -Be 0
    }
}
