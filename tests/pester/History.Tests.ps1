#Requires -Modules Pester
# The run history as users drive it, in fresh pwsh processes: Invoke-FastTrackAssessment -HistoryPath to a
# folder and to a blob container in Azurite (real Azure.Storage.Blobs over HTTP, signed with a SAS whose
# signature must never show), Get-FastTrackHistory with provenance, concurrent runs, a corrupt document
# reported and kept, and the per-user default location. Store contracts are in the xunit History tests.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot '../Common/GraphEmulator.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot '../Common/Azurite.psm1') -Force
    $script:Emulator = Start-GraphEmulator -EmulatorPath (Get-TestEmulatorPath) -Arguments @('--tenant-demo')
    $script:TenantId = '7e0a0001-0000-4000-8000-000000000001'   # DemoTenant.TenantId
    $script:Roles = @('Organization.Read.All', 'LicenseAssignment.Read.All', 'Domain.Read.All', 'User.Read.All', 'Directory.Read.All')
    $script:Token = (Invoke-EmulatorControl $Emulator 'tokens' -Method Post -Body @{ tenantId = $TenantId; roles = $Roles; expiresInSeconds = 3600 }).access_token
    $script:Work = Join-Path ([IO.Path]::GetTempPath()) ('ft-history-' + [guid]::NewGuid().ToString('N'))
    $null = New-Item -ItemType Directory $Work
    $script:HaveAzurite = [bool](Get-AzuriteExecutable)
    if (-not $HaveAzurite -and $env:CI -eq 'true') { throw 'CI=true: azurite must be installed (npm install -g azurite).' }
    if ($HaveAzurite) { $script:Azurite = Start-Azurite }
    $script:Environment = @{ FT_GRAPH = $Emulator.HttpUrl; FT_TOKEN = $Token; FT_WORK = $Work; XDG_CONFIG_HOME = (Join-Path $Work 'profile') }
    $script:Prelude = @'
$c = Connect-FastTrackTenant -AccessToken (ConvertTo-SecureString $env:FT_TOKEN -AsPlainText -Force) -GraphEndpoint $env:FT_GRAPH
'@
    function script:Invoke-Child([string] $Script, [hashtable] $Extra = @{}) {
        $environment = $script:Environment.Clone()
        foreach ($key in $Extra.Keys) { $environment[$key] = $Extra[$key] }
        Invoke-FreshPwsh -TimeoutSeconds 240 -Environment $environment -Script ($script:Prelude + "`n" + $Script)
    }
}

AfterAll {
    $script:Emulator | Stop-GraphEmulator
    if ($script:Azurite) { $script:Azurite | Stop-Azurite }
    Remove-Item -Recurse -Force $script:Work -ErrorAction SilentlyContinue
}

Describe 'History_01 a folder history: two runs recorded with provenance and listed' {
    It 'History_01_TwoRunsRecordedInAFolderAreListedWithProvenance' {
        $folder = Join-Path $Work 'folder-history'
        $run = Invoke-Child -Extra @{ FT_HISTORY = $folder } -Script @'
$first = Invoke-FastTrackAssessment -Phase Initiate -HistoryPath $env:FT_HISTORY
$second = Invoke-FastTrackAssessment -Phase Initiate -HistoryPath $env:FT_HISTORY -HistoryIncludeSnapshot
$runs = @(Get-FastTrackHistory -HistoryPath $env:FT_HISTORY)
$runs | Format-Table | Out-String
Write-TestResult ([pscustomobject]@{
    ClientId = $c.ClientId; Granted = @($c.Roles)
    Open = @($first, $second | ForEach-Object { @($_.Results | Where-Object { "$($_.Status)" -in 'NotConfigured', 'Partial' }).Count })
    Runs = @($runs | ForEach-Object { [pscustomobject]@{ RunId = $_.RunId; TenantId = $_.TenantId; RanBy = $_.RanBy; RanByKind = $_.RanByKind; ModuleVersion = $_.ModuleVersion
        Seconds = $_.Duration.TotalSeconds; Permissions = @($_.PermissionsGranted); Failed = @($_.FailedDatasets); Open = $_.ChecksOpen; HasSnapshot = $_.HasSnapshot; Document = $_.DocumentName; Completed = $_.CompletedOn.UtcDateTime.ToString('o') } })
    Module = (Get-Module FastTrack.Onboarding).Version.ToString()
})
'@
        $run.ExitCode | Should -Be 0 -Because $run.Output
        $r = $run.Result
        $r.Runs.Count | Should -Be 2
        $r.Runs.RunId | Select-Object -Unique | Should -HaveCount 2
        $r.Runs | ForEach-Object {
            $_.TenantId | Should -Be $TenantId
            $_.RanByKind | Should -Be 'Application'
            $_.RanBy | Should -Be $r.ClientId
            $_.ModuleVersion | Should -BeLike "$($r.Module)*"
            $_.Seconds | Should -BeGreaterThan 0
            @($_.Permissions | Sort-Object) | Should -Be @($r.Granted | Sort-Object)
            Test-Path (Join-Path $folder $_.Document) | Should -BeTrue
        }
        $r.Runs.Open | Should -Be $r.Open
        $r.Runs.HasSnapshot | Should -Be @($false, $true)
        # The document with the snapshot holds it; the other does not.
        $docs = $r.Runs | ForEach-Object { Get-Content -Raw (Join-Path $folder $_.Document) | ConvertFrom-Json }
        $docs[0].Snapshot | Should -BeNullOrEmpty
        $docs[1].Snapshot.TenantId | Should -Be $TenantId
        $docs[0].Format | Should -Be 'FastTrack.Onboarding.History'
    }
}

Describe 'History_02 a blob container in Azurite with a SAS: concurrent runs, no signature anywhere' {
    BeforeAll { if ($HaveAzurite) { $script:Sas = New-AzuriteSasUrl $Azurite 'history-concurrent' } }

    It 'History_02_TwoConcurrentRunsInABlobContainerAreBothKeptAndTheSasNeverShows' {
        if (-not $HaveAzurite) { Set-ItResult -Skipped -Because 'azurite is not installed (npm install -g azurite)'; return }
        $script = @'
$a = Invoke-FastTrackAssessment -Phase Initiate -HistoryPath $env:FT_HISTORY -Verbose
Write-TestResult ([pscustomobject]@{ Tenant = $a.TenantId })
'@
        # Two processes, started together, writing to a container that does not exist yet.
        $environment = $Environment.Clone(); $environment.FT_HISTORY = $Sas.Url
        $helpers = Join-Path $PSScriptRoot 'TestHelpers.psm1'; $prelude = $Prelude
        $runs = 1..2 | ForEach-Object -ThrottleLimit 2 -Parallel {
            $env:FASTTRACK_TEST_MODULE = $using:env:FASTTRACK_TEST_MODULE
            Import-Module $using:helpers
            Invoke-FreshPwsh -TimeoutSeconds 240 -Environment $using:environment -Script ($using:prelude + "`n" + $using:script)
        }
        $runs | ForEach-Object { $_.ExitCode | Should -Be 0 -Because $_.Output }
        $list = Invoke-Child -Extra @{ FT_HISTORY = $Sas.Url } -Script @'
$runs = @(Get-FastTrackHistory -HistoryPath $env:FT_HISTORY -Verbose)
$runs | Format-List * | Out-String
Write-TestResult ([pscustomobject]@{ Runs = @($runs | ForEach-Object { [pscustomobject]@{ RunId = $_.RunId; Document = $_.DocumentName } }) })
'@
        $list.ExitCode | Should -Be 0 -Because $list.Output
        $list.Result.Runs.Count | Should -Be 2
        $list.Result.Runs.RunId | Select-Object -Unique | Should -HaveCount 2
        # The blobs themselves, listed through the storage REST API.
        $xml = [xml](Invoke-WebRequest -Uri ($Azurite.BlobEndpoint + '/history-concurrent?restype=container&comp=list&' + $Sas.Query)).Content
        @($xml.EnumerationResults.Blobs.Blob.Name) | Sort-Object | Should -Be @($list.Result.Runs.Document | Sort-Object)
        foreach ($text in @($runs.Output) + $list.Output) {
            $text | Should -Not -Match ([regex]::Escape($Sas.Signature))
            $text | Should -Not -Match ([regex]::Escape([uri]::EscapeDataString($Sas.Signature)))
            $text | Should -Not -Match 'sig='
        }
        foreach ($name in $xml.EnumerationResults.Blobs.Blob.Name) {
            $content = (Invoke-WebRequest -Uri ($Azurite.BlobEndpoint + "/history-concurrent/$name`?" + $Sas.Query)).Content
            $content = if ($content -is [byte[]]) { [Text.Encoding]::UTF8.GetString($content) } else { $content }
            $content | Should -Not -Match ([regex]::Escape([uri]::EscapeDataString($Sas.Signature)))
            $content | Should -Not -Match ([regex]::Escape($Sas.Signature))
        }
    }
}

Describe 'History_03 a corrupt document is reported, skipped and left in place' {
    It 'History_03_ACorruptBlobIsANonTerminatingErrorAndIsNotDeleted' {
        if (-not $HaveAzurite) { Set-ItResult -Skipped -Because 'azurite is not installed (npm install -g azurite)'; return }
        $sas = New-AzuriteSasUrl $Azurite 'history-corrupt'
        $first = Invoke-Child -Extra @{ FT_HISTORY = $sas.Url } -Script 'Invoke-FastTrackAssessment -Phase Initiate -HistoryPath $env:FT_HISTORY | Out-Null'
        $first.ExitCode | Should -Be 0 -Because $first.Output
        $bad = "runs/$TenantId/20261201T000000000Z-truncated.json"
        $body = '{"Format":"FastTrack.Onboarding.History","SchemaVersion":1,"Run":{"RunId":'
        $null = Invoke-WebRequest -Method Put -Uri ($Azurite.BlobEndpoint + "/history-corrupt/$bad`?" + $sas.Query) -Headers @{ 'x-ms-blob-type' = 'BlockBlob' } -Body $body
        $run = Invoke-Child -Extra @{ FT_HISTORY = $sas.Url } -Script @'
$runs = @(Get-FastTrackHistory -HistoryPath $env:FT_HISTORY -ErrorVariable problems -ErrorAction SilentlyContinue)
Write-TestResult ([pscustomobject]@{ Runs = $runs.Count; Errors = @($problems | ForEach-Object { [pscustomobject]@{ Id = $_.FullyQualifiedErrorId; Category = "$($_.CategoryInfo.Category)"; Target = "$($_.TargetObject)"; Text = "$_" } }) })
'@
        $run.ExitCode | Should -Be 0 -Because $run.Output
        $run.Result.Runs | Should -Be 1
        $run.Result.Errors.Count | Should -Be 1
        $run.Result.Errors[0].Id | Should -BeLike 'FastTrack.HistoryDocumentCorrupt*'
        $run.Result.Errors[0].Category | Should -Be 'InvalidData'
        $run.Result.Errors[0].Target | Should -Be $bad
        $run.Result.Errors[0].Text | Should -Match 'left in place'
        $kept = (Invoke-WebRequest -Uri ($Azurite.BlobEndpoint + "/history-corrupt/$bad`?" + $sas.Query)).Content
        $kept = if ($kept -is [byte[]]) { [Text.Encoding]::UTF8.GetString($kept) } else { $kept }
        $kept | Should -Be $body
    }

    It 'History_03b_ACorruptFileInAFolderHistoryIsReportedAndKept' {
        $folder = Join-Path $Work 'folder-corrupt'
        $bad = Join-Path $folder "runs/$TenantId/20261201T000000000Z-foreign.json"
        $null = New-Item -ItemType Directory -Force (Split-Path $bad)
        Set-Content -Path $bad -Value '{"hello":"world"}' -NoNewline
        $run = Invoke-Child -Extra @{ FT_HISTORY = $folder } -Script @'
Invoke-FastTrackAssessment -Phase Initiate -HistoryPath $env:FT_HISTORY | Out-Null
$runs = @(Get-FastTrackHistory -HistoryPath $env:FT_HISTORY -ErrorVariable problems -ErrorAction SilentlyContinue)
Write-TestResult ([pscustomobject]@{ Runs = $runs.Count; Errors = @($problems | ForEach-Object FullyQualifiedErrorId) })
'@
        $run.ExitCode | Should -Be 0 -Because $run.Output
        $run.Result.Runs | Should -Be 1
        @($run.Result.Errors) | Should -HaveCount 1
        $run.Result.Errors[0] | Should -BeLike 'FastTrack.HistoryDocumentForeign*'
        Get-Content -Raw $bad | Should -Be '{"hello":"world"}'
    }
}

Describe 'History_04 the per-user default location and bad locations' {
    It 'History_04_TheDefaultIsUsedWhenNoPathIsGivenAndASasIsNeverSaved' {
        $folder = Join-Path $Work 'default-history'
        $profileDir = Join-Path $Work 'profile-default'
        $run = Invoke-Child -Extra @{ FT_HISTORY = $folder; XDG_CONFIG_HOME = $profileDir; FT_SAS = 'https://contoso.blob.core.windows.net/history?sv=2021-08-06&sig=SECRETMARKERhist42' } -Script @'
Set-FastTrackHistoryDefault -HistoryPath $env:FT_HISTORY | Out-Null
Invoke-FastTrackAssessment -Phase Initiate | Out-Null
Invoke-FastTrackAssessment -Phase Initiate -NoHistory | Out-Null
$listed = @(Get-FastTrackHistory).Count
try { Set-FastTrackHistoryDefault -HistoryPath $env:FT_SAS; $sasError = 'none' } catch { $sasError = $_.FullyQualifiedErrorId; "$_" }
Set-FastTrackHistoryDefault -Clear
try { Get-FastTrackHistory | Out-Null; $cleared = 'none' } catch { $cleared = $_.FullyQualifiedErrorId }
Write-TestResult ([pscustomobject]@{ Listed = $listed; SasError = $sasError; Cleared = $cleared })
'@
        $run.ExitCode | Should -Be 0 -Because $run.Output
        $run.Result.Listed | Should -Be 1 -Because '-NoHistory must not record'
        @(Get-ChildItem -Recurse -File (Join-Path $folder 'runs')) | Should -HaveCount 1
        $run.Result.SasError | Should -BeLike 'FastTrack.HistoryDefaultInvalid*'
        $run.Result.Cleared | Should -BeLike 'FastTrack.HistoryNotConfigured*'
        $run.Output | Should -Not -Match 'SECRETMARKERhist42'
        Get-ChildItem -Recurse -File $profileDir -ErrorAction SilentlyContinue | ForEach-Object { Get-Content -Raw $_.FullName | Should -Not -Match 'SECRETMARKERhist42' }
    }

    It 'History_04b_APlainHttpRemoteUrlIsRefusedBeforeAnyGraphRequest' {
        $null = Invoke-EmulatorControl $Emulator 'requests' -Method Delete
        $run = Invoke-Child -Script @'
try { Invoke-FastTrackAssessment -Phase Initiate -HistoryPath 'http://contoso.blob.core.windows.net/history'; $id = 'none' } catch { $id = $_.FullyQualifiedErrorId }
Write-TestResult ([pscustomobject]@{ Id = $id })
'@
        $run.Result.Id | Should -BeLike 'FastTrack.HistoryLocationInvalid*'
        $log = Invoke-EmulatorControl $Emulator 'requests'
        @($log.requests | Where-Object { $_.path -like '*subscribedSkus*' -or $_.path -like '*domains*' }) | Should -HaveCount 0
    }
}

