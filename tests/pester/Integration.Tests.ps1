#Requires -Modules Pester
# The cmdlets as one workflow: the output of one is the input of the next, in a fresh pwsh against
# the demo tenant; and the session rules that hold for every cmdlet (no prompt when non-interactive).

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot '../Common/GraphEmulator.psm1') -Force
    $script:Emulator = Start-GraphEmulator -EmulatorPath (Get-TestEmulatorPath) -Arguments @('--tenant-demo')
    $script:Environment = @{
        SSL_CERT_FILE = $script:Emulator.CaCertificatePath
        FT_GRAPH      = $script:Emulator.HttpUrl
        FT_AUTHORITY  = $script:Emulator.HttpsUrl
    }
    # The demo tenant's app registration (tests/Tenants/TenantFixtures/Fixture.cs), test-only values.
    $script:Connect = @'
$null = Connect-FastTrackTenant -TenantId 7e0a0001-0000-4000-8000-000000000001 -ClientId 0a770001-0000-4000-8000-000000000001 -ClientSecret (ConvertTo-SecureString 'demo-secret-not-for-production' -AsPlainText -Force) -GraphEndpoint $env:FT_GRAPH -AuthorityHost $env:FT_AUTHORITY
'@
}

AfterAll { $script:Emulator | Stop-GraphEmulator }

Describe 'Cmdlet outputs feed the assessment' {
    It 'Test-FastTrackConnectivity output turns the firewall and connectivity items from InputRequired into verdicts' {
        # The endpoint service and every Microsoft host are unreachable here: the bundled catalog is
        # probed and nothing answers, which is exactly what the items must then report.
        $run = Invoke-FreshPwsh -Environment $script:Environment -Script ($script:Connect + "`n" + @'
$without = Get-EnablePhaseStatus -Service Tenant | Where-Object CheckId -in 'FT-ENABLE-TENANT-02', 'FT-ENABLE-TENANT-04'
$report = Test-FastTrackConnectivity -EndpointServiceUri http://127.0.0.1:9/ -ServiceArea Exchange -TimeoutSeconds 1 -DeadlineSeconds 30 -AsReport -WarningAction SilentlyContinue
$with = Get-EnablePhaseStatus -Service Tenant -ConnectivityResult $report | Where-Object CheckId -in 'FT-ENABLE-TENANT-02', 'FT-ENABLE-TENANT-04'
$assess = Get-AssessPhaseStatus -ConnectivityResult $report | Where-Object CheckId -eq 'FT-ASSESS-NET-01'
Write-TestResult @{
    Without = @($without | ForEach-Object { "$($_.Status)/$($_.Reason)" })
    With = @($with | ForEach-Object { "$($_.Status)/$($_.Reason)" })
    Evidence = @($with | ForEach-Object Evidence)
    Assess = "$($assess.Status)/$($assess.Reason)"
    Probes = $report.ProbeCount
}
'@)
        $run.ExitCode | Should -Be 0 -Because $run.Output
        $run.Result.Without | Should -Be @('NotAssessed/InputRequired', 'NotAssessed/InputRequired')
        $run.Result.Probes | Should -BeGreaterThan 0
        foreach ($verdict in $run.Result.With) {
            $verdict | Should -Not -BeLike 'NotAssessed/*' -Because 'a connectivity result was given'
            $verdict | Should -Not -BeLike 'Configured/*' -Because 'no endpoint answered'
        }
        $run.Result.Assess | Should -Not -BeLike 'NotAssessed/*'
        $run.Result.Assess | Should -Not -BeLike 'Configured/*'
    }

    It '-ConnectivityResult takes the report and its rows live, from Import-Clixml, from ConvertFrom-Json and as hashtables, with one answer' {
        $work = Join-Path $TestDrive 'connectivity'
        $null = New-Item -ItemType Directory -Force $work
        $run = Invoke-FreshPwsh -Environment ($script:Environment + @{ FT_WORK = $work }) -Script ($script:Connect + "`n" + @'
$report = Test-FastTrackConnectivity -EndpointServiceUri http://127.0.0.1:9/ -ServiceArea Exchange -TimeoutSeconds 1 -DeadlineSeconds 30 -AsReport -WarningAction SilentlyContinue
$report | Export-Clixml (Join-Path $env:FT_WORK 'report.xml')
$report.Results | Export-Clixml (Join-Path $env:FT_WORK 'rows.xml')
$forms = [ordered]@{
    LiveReport = $report
    LiveRows = $report.Results
    ClixmlReport = Import-Clixml (Join-Path $env:FT_WORK 'report.xml')
    ClixmlRows = @(Import-Clixml (Join-Path $env:FT_WORK 'rows.xml'))
    JsonReport = $report | ConvertTo-Json -Depth 6 | ConvertFrom-Json
    JsonRows = @($report.Results | ConvertTo-Json -Depth 4 | ConvertFrom-Json)
    Hashtable = @($report.Results | ForEach-Object { @{ Host = $_.Host; Port = $_.Port; Status = "$($_.Status)"; Detail = $_.Detail; Required = $_.Required } })
}
$answers = foreach ($form in $forms.Keys) {
    $item = Get-AssessPhaseStatus -ConnectivityResult $forms[$form] | Where-Object CheckId -eq 'FT-ASSESS-NET-01'
    $enable = Get-EnablePhaseStatus -Service Tenant -Connectivity $forms[$form] | Where-Object CheckId -eq 'FT-ENABLE-TENANT-04'
    [pscustomobject]@{ Form = $form; Answer = "$($item.Status)/$($item.Reason)|$($item.Evidence)"; Enable = "$($enable.Status)/$($enable.Reason)" }
}
try { Get-AssessPhaseStatus -ConnectivityResult ([pscustomobject]@{ Name = 'not a probe' }); $refused = 'accepted' }
catch { $refused = [pscustomobject]@{ Id = $_.FullyQualifiedErrorId; Category = "$($_.CategoryInfo.Category)"; Action = $_.ErrorDetails.RecommendedAction } }
Write-TestResult ([pscustomobject]@{ Answers = @($answers); Refused = $refused })
'@) -TimeoutSeconds 240
        $run.ExitCode | Should -Be 0 -Because $run.Output
        $live = $run.Result.Answers | Where-Object Form -eq 'LiveReport'
        $live.Answer | Should -Not -BeLike 'NotAssessed/*' -Because 'a connectivity result was given'
        foreach ($answer in $run.Result.Answers) {
            $answer.Answer | Should -Be $live.Answer -Because "the $($answer.Form) form carries the same probes"
            $answer.Enable | Should -Be $live.Enable -Because "the $($answer.Form) form carries the same probes"
        }
        $run.Result.Refused.Id | Should -BeLike 'FastTrack.InputNotRecognized,*'
        $run.Result.Refused.Category | Should -Be 'InvalidArgument'
        $run.Result.Refused.Action | Should -Match 'Test-FastTrackConnectivity'
    }
}

Describe 'Session rules' {
    It '-Debug in a non-interactive session writes debug text and never prompts' {
        $run = Invoke-FreshPwsh -Environment $script:Environment -Script ($script:Connect + "`n" + @'
$a = Invoke-FastTrackAssessment -Phase Assess -Debug
Write-TestResult @{ Results = $a.Results.Count }
'@)
        $run.ExitCode | Should -Be 0 -Because $run.Output
        $run.Output | Should -Not -Match 'NonInteractive mode'
        # Each Graph request is a debug line; the demo's Assess data now comes in $batch POSTs alone.
        $run.Output | Should -Match '(GET|POST) /v1\.0/\S+ -> 200'
        $run.Result.Results | Should -BeGreaterThan 0
    }

    It 'a snapshot saved by one session re-evaluates offline in another with no connection and no request' {
        $path = Join-Path $TestDrive 'demo.json'
        $null = Invoke-EmulatorControl $script:Emulator 'requests' -Method Delete
        $first = Invoke-FreshPwsh -Environment ($script:Environment + @{ FT_SNAPSHOT = $path }) -Script ($script:Connect + "`n" + @'
$a = Invoke-FastTrackAssessment -SnapshotPath $env:FT_SNAPSHOT
Write-TestResult @{ Verdicts = @($a.Results | ForEach-Object { "$($_.CheckId)=$($_.Status)" }) }
'@)
        $first.ExitCode | Should -Be 0 -Because $first.Output
        $before = (Invoke-EmulatorControl $script:Emulator 'requests').total
        $second = Invoke-FreshPwsh -Environment @{ FT_SNAPSHOT = $path } -Script @'
$a = Invoke-FastTrackAssessment -FromSnapshot $env:FT_SNAPSHOT
Write-TestResult @{ Verdicts = @($a.Results | ForEach-Object { "$($_.CheckId)=$($_.Status)" }); Source = $a.Source }
'@
        $second.ExitCode | Should -Be 0 -Because $second.Output
        (Invoke-EmulatorControl $script:Emulator 'requests').total | Should -Be $before
        $second.Result.Source | Should -Be 'Snapshot'
        $second.Result.Verdicts | Should -Be $first.Result.Verdicts
    }

    It 'a corrupt snapshot is an ErrorRecord with a stable id, not a wrong result' {
        $path = Join-Path $TestDrive 'corrupt.json'
        Set-Content $path '{ "Format": "FastTrack.Onboarding.Snapshot", "SchemaVersion": 1, '
        $run = Invoke-FreshPwsh -Environment @{ FT_SNAPSHOT = $path } -Script @'
try { Invoke-FastTrackAssessment -FromSnapshot $env:FT_SNAPSHOT; Write-TestResult @{ Id = 'none' } }
catch { Write-TestResult @{ Id = $_.FullyQualifiedErrorId; Category = "$($_.CategoryInfo.Category)"; Message = $_.ErrorDetails.Message } }
'@
        $run.Result.Id | Should -BeLike 'FastTrack.SnapshotCorrupt,*'
        $run.Result.Category | Should -Be 'InvalidData'
        $run.Result.Message | Should -Match 'collect a new one'
    }

    It 'an existing snapshot file is replaced only with -Force' {
        $path = Join-Path $TestDrive 'exists.json'
        Set-Content $path 'keep me'
        $run = Invoke-FreshPwsh -Environment ($script:Environment + @{ FT_SNAPSHOT = $path }) -Script ($script:Connect + "`n" + @'
try { $null = Invoke-FastTrackAssessment -Phase Initiate -SnapshotPath $env:FT_SNAPSHOT; $first = 'written' } catch { $first = $_.FullyQualifiedErrorId }
$null = Invoke-FastTrackAssessment -Phase Initiate -SnapshotPath $env:FT_SNAPSHOT -Force
# Schema 2 is gzip-compressed JSON lines; its first line names the format.
$gzip = [IO.Compression.GZipStream]::new([IO.File]::OpenRead($env:FT_SNAPSHOT), [IO.Compression.CompressionMode]::Decompress)
$header = try { [IO.StreamReader]::new($gzip).ReadLine() } finally { $gzip.Dispose() }
Write-TestResult @{ First = $first; After = $header.Substring(0, 40) }
'@)
        $run.Result.First | Should -BeLike 'FastTrack.FileExists,*'
        $run.Result.After | Should -Match 'FastTrack.Onboarding.Snapshot'
    }
}
