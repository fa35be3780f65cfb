#Requires -Modules Pester
# Issue 12 (hardening, output/IO/connectivity): the cmdlet-level regressions, in a fresh pwsh, against the
# demo tenant in the loopback Graph emulator. Engine-level tests are in tests/FastTrack.Onboarding.Engine.Tests/Hardening.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot '../Common/GraphEmulator.psm1') -Force
    $script:Emulator = Start-GraphEmulator -EmulatorPath (Get-TestEmulatorPath) -Arguments @('--tenant-demo')
    $script:TenantId = '7e0a0001-0000-4000-8000-000000000001'   # DemoTenant.TenantId
    $script:AdminUpn = 'admin@contosodemo.onmicrosoft.com'
    $script:Marker = 'SECRETMARKER-9f2c'

    function script:New-Token([hashtable] $Body) {
        (Invoke-EmulatorControl $script:Emulator 'tokens' -Method Post -Body (@{ tenantId = $script:TenantId; expiresInSeconds = 3600 } + $Body)).access_token
    }

    function script:Set-MdmAuthority([string] $Value) {
        $writer = New-Token @{ scopes = @('Organization.ReadWrite.All'); userPrincipalName = $script:AdminUpn }
        $null = Invoke-RestMethod -Method Patch -Uri "$($script:Emulator.HttpUrl)/v1.0/organization/$($script:TenantId)" -Headers @{ Authorization = "Bearer $writer" } `
            -ContentType 'application/json' -Body (@{ mobileDeviceManagementAuthority = $Value } | ConvertTo-Json)
        $null = Invoke-EmulatorControl $script:Emulator 'requests' -Method Delete
    }

    $script:Connect = 'Connect-FastTrackTenant -AccessToken (ConvertTo-SecureString $env:FT_TOKEN -AsPlainText -Force) -GraphEndpoint $env:FT_GRAPH | Out-Null'
}

AfterAll { $script:Emulator | Stop-GraphEmulator }

Describe 'Hardening_02 Set-MdmAuthorityGuidance -Apply never overwrites another authority' {
    It 'Hardening_02_SccmAuthorityGetsAnErrorAndNoWrite' {
        Set-MdmAuthority 'sccm'
        $token = New-Token @{ scopes = @('Organization.Read.All', 'DeviceManagementServiceConfig.ReadWrite.All'); userPrincipalName = $script:AdminUpn }
        $run = Invoke-FreshPwsh -Environment @{ FT_GRAPH = $script:Emulator.HttpUrl; FT_TOKEN = $token } -Script ($script:Connect + "`n" + @'
$g = Set-MdmAuthorityGuidance -Scenario ConfigurationManager -Apply -Confirm:$false -ErrorVariable problems -ErrorAction SilentlyContinue
Write-TestResult ([pscustomobject]@{ Applied = $g.Applied; Current = $g.CurrentAuthority; Errors = @($problems | ForEach-Object { $_.FullyQualifiedErrorId }); Action = @($problems | ForEach-Object { $_.ErrorDetails.RecommendedAction }) })
'@)
        $run.ExitCode | Should -Be 0 -Because $run.Output
        $run.Result.Current | Should -Be 'sccm'
        $run.Result.Applied | Should -BeFalse
        $run.Result.Errors | Should -HaveCount 1
        $run.Result.Errors[0] | Should -BeLike 'FastTrack.MdmAuthorityAlreadySet,*'
        $run.Result.Action[0] | Should -Match 'hybrid MDM'
        $log = Invoke-EmulatorControl $script:Emulator 'requests'
        $log.writes | Should -Be 0
        @($log.requests | Where-Object { $_.path -like '*setMobileDeviceManagementAuthority' }).Count | Should -Be 0
    }
}

Describe 'Hardening_04 Invoke-FastTrackAssessment -SnapshotPath in a missing folder' {
    It 'Hardening_04_MissingSnapshotFolderFailsBeforeCollecting' {
        $token = New-Token @{ roles = @('Organization.Read.All', 'User.Read.All') }
        $null = Invoke-EmulatorControl $script:Emulator 'requests' -Method Delete
        $path = Join-Path $TestDrive 'no-such-folder/s.json'
        $run = Invoke-FreshPwsh -Environment @{ FT_GRAPH = $script:Emulator.HttpUrl; FT_TOKEN = $token; FT_SNAPSHOT = $path } -Script ($script:Connect + "`n" + @'
$before = 0
try { $a = Invoke-FastTrackAssessment -Phase Initiate -SnapshotPath $env:FT_SNAPSHOT; Write-TestResult @{ Id = 'none' } }
catch { Write-TestResult ([pscustomobject]@{ Id = $_.FullyQualifiedErrorId; Category = "$($_.CategoryInfo.Category)"; Message = $_.Exception.Message }) }
'@)
        $run.Result.Id | Should -BeLike 'FastTrack.SnapshotWriteFailed,*'
        $run.Result.Category | Should -Be 'ObjectNotFound'
        $run.Result.Message | Should -Match 'nothing was collected'
        $log = Invoke-EmulatorControl $script:Emulator 'requests'
        # Connecting reads the organization once; the assessment itself sent nothing.
        @($log.requests | Where-Object { $_.path -notlike '*/organization*' }).Count | Should -Be 0
    }
}

Describe 'Hardening_04 Invoke-FastTrackAssessment when the snapshot save fails after collecting' {
    It 'Hardening_04_SaveFailingAfterCollectionStillOutputsTheAssessment' {
        # The folder exists and is writable, so the check before collecting passes; the file name is too long for the
        # file system (the save's temporary file beside it even more so), so the save itself fails after collection.
        $token = New-Token @{ roles = @('Organization.Read.All', 'User.Read.All') }
        $path = Join-Path $TestDrive (('s' * 240) + '.json')
        $run = Invoke-FreshPwsh -Environment @{ FT_GRAPH = $script:Emulator.HttpUrl; FT_TOKEN = $token; FT_SNAPSHOT = $path } -Script ($script:Connect + "`n" + @'
$errs = $null
try {
    $a = Invoke-FastTrackAssessment -Phase Initiate -SnapshotPath $env:FT_SNAPSHOT -ErrorVariable errs -ErrorAction SilentlyContinue
    Write-TestResult ([pscustomobject]@{ Terminated = $false; Type = "$(@($a)[0].GetType().Name)"; Results = @($a)[0].Results.Count
        Ids = @($errs | ForEach-Object { $_.FullyQualifiedErrorId }); Category = @($errs | ForEach-Object { "$($_.CategoryInfo.Category)" })
        Message = @($errs | ForEach-Object { $_.Exception.Message }); Saved = (Test-Path -LiteralPath $env:FT_SNAPSHOT) })
}
catch { Write-TestResult ([pscustomobject]@{ Terminated = $true; Ids = @($_.FullyQualifiedErrorId); Message = @($_.Exception.Message) }) }
'@)
        $run.Result.Terminated | Should -BeFalse
        $run.Result.Type | Should -Be 'AssessmentReport'
        $run.Result.Results | Should -BeGreaterThan 0
        $run.Result.Ids | Should -HaveCount 1
        $run.Result.Ids[0] | Should -BeLike 'FastTrack.SnapshotWriteFailed,*'
        $run.Result.Category[0] | Should -Be 'InvalidOperation'
        $run.Result.Message[0] | Should -Match 'could not be written'
        $run.Result.Saved | Should -BeFalse
    }
}

Describe 'Hardening_09 verbose, debug and warning text passes one redactor' {
    It 'Hardening_09_SecretMarkerInPathsAndNamesNeverReachesAStream' {
        # Secrets planted where the cmdlets echo user input: a snapshot path (a 'code=' value and a JWT-shaped name) in
        # verbose (-Verbose) and debug (-Debug alone), a bearer value and a URL's user-info as user names in warnings.
        $token = New-Token @{ roles = @('Organization.Read.All', 'User.ReadWrite.All') }
        $folder = Join-Path $TestDrive "code=$($script:Marker)"
        $null = New-Item -ItemType Directory -Path $folder
        $path = Join-Path $folder "eyJhbGciOiJSUzI1NiJ9.$($script:Marker).c2lnbmF0dXJl.json"
        $run = Invoke-FreshPwsh -Environment @{ FT_GRAPH = $script:Emulator.HttpUrl; FT_TOKEN = $token; FT_SNAPSHOT = $path; FT_MARKER = $script:Marker } -Script ($script:Connect + "`n" + @'
$null = Invoke-FastTrackAssessment -Phase Initiate -SnapshotPath $env:FT_SNAPSHOT -Verbose
$null = Invoke-FastTrackAssessment -FromSnapshot $env:FT_SNAPSHOT -Debug
Repair-FastTrackUsageLocation GB -UserPrincipalName "Bearer $env:FT_MARKER", "https://bob:$($env:FT_MARKER)@host.example/x" -WhatIf
Write-TestResult ([pscustomobject]@{ Saved = (Test-Path -LiteralPath $env:FT_SNAPSHOT) })
'@)
        $run.Result.Saved | Should -BeTrue
        $text = $run.Output -join "`n"
        # The messages are there, with the readable parts of paths and URLs kept ...
        $text | Should -Match 'Snapshot saved to .*/code=\[redacted'
        $text | Should -Match 'Re-evaluating the snapshot .*/code=\[redacted'
        $text | Should -Match 'Bearer \[redacted\] is not a licensed user'
        $text | Should -Match 'https://host\.example/x is not a licensed user'
        # ... and the marker is in none of them.
        $text | Should -Not -Match $script:Marker
    }
}

Describe 'Hardening_11 Test-FastTrackConnectivity -DnsServer' {
    It 'Hardening_11_BadDnsServerIsAFastTrackErrorRecord (<Server>)' -ForEach @(@{ Server = 'abc:xyz' }, @{ Server = '1.2.3.4:99999' }) {
        $run = Invoke-FreshPwsh -Environment @{ FT_DNS = $Server } -Script @'
try { Test-FastTrackConnectivity -DnsServer $env:FT_DNS -NoProxy -EndpointServiceUri http://127.0.0.1:9/; Write-TestResult @{ Id = 'none' } }
catch { Write-TestResult ([pscustomobject]@{ Id = $_.FullyQualifiedErrorId; Category = "$($_.CategoryInfo.Category)"; Type = $_.Exception.GetType().Name }) }
'@
        $run.Result.Id | Should -BeLike 'FastTrack.InvalidDnsServer,*'
        $run.Result.Category | Should -Be 'InvalidArgument'
    }
}

Describe 'Hardening_01 proxy credentials are never shown' {
    It 'Hardening_01_SecretMarkerNowhereInAnyStream (<Name>)' -ForEach @(
        @{ Name = '-Proxy'; Environment = @{}; Proxy = 'http://ft-user:SECRETMARKER-9f2c@127.0.0.1:9/' }
        @{ Name = 'HTTPS_PROXY'; Environment = @{ HTTPS_PROXY = 'http://ft-user:SECRETMARKER-9f2c@127.0.0.1:9'; HTTP_PROXY = 'http://ft-user:SECRETMARKER-9f2c@127.0.0.1:9'; NO_PROXY = '' }; Proxy = '' }
    ) {
        $folder = Join-Path $TestDrive ([guid]::NewGuid().ToString('N'))
        $null = New-Item -ItemType Directory $folder
        $run = Invoke-FreshPwsh -TimeoutSeconds 180 -Environment ($Environment + @{ FT_PROXY = $Proxy; FT_OUT = $folder }) -Script @'
$p = @{ ServiceArea = 'Exchange'; TimeoutSeconds = 1; DeadlineSeconds = 20; EndpointServiceUri = 'http://127.0.0.1:9/'; AsReport = $true; Verbose = $true }
if ($env:FT_PROXY) { $p.Proxy = $env:FT_PROXY }
$report = Test-FastTrackConnectivity @p -ErrorVariable problems
$report | ConvertTo-Json -Depth 8
$report.Results | Format-List * | Out-String -Width 400
foreach ($format in 'Html', 'Markdown', 'Json', 'Csv', 'JUnit') {
    $file = $report | Export-FastTrackReport -Format $format -Path (Join-Path $env:FT_OUT "r.$format")
    Get-Content -Raw $file.FullName
}
$problems | Format-List * -Force | Out-String
Write-TestResult ([pscustomobject]@{ Proxy = $report.Proxy; Probes = $report.ProbeCount })
'@
        $run.Output | Should -Not -Match 'SECRETMARKER' -Because 'the proxy password must not appear in any output, report or error'
        $run.Output | Should -Not -Match 'ft-user'
        $run.Result.Probes | Should -BeGreaterThan 0 -Because $run.Output
        if ($run.Result.Proxy) { $run.Result.Proxy | Should -Be 'http://127.0.0.1:9' }
    }
}
