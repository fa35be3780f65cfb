#Requires -Modules Pester
# Unattended use against the Graph emulator: the Azure Automation runbook in a fresh
# pwsh -NonInteractive with IDENTITY_ENDPOINT/IDENTITY_HEADER (managed identity), and the partner
# script assessing five edge tenants in parallel with no data crossing between them.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot '../Common/GraphEmulator.psm1') -Force

    $script:Root = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    $script:Runbook = Join-Path $Root 'examples/runbooks/Invoke-FastTrackAssessmentRunbook.ps1'
    $script:Partner = Join-Path $Root 'examples/partner/Invoke-PartnerAssessment.ps1'
    $script:ModulesFolder = Split-Path (Split-Path (Get-TestModulePath) -Parent) -Parent
    $script:Work = Join-Path ([IO.Path]::GetTempPath()) ('ft-runbook-' + [guid]::NewGuid().ToString('N'))
    $null = New-Item -ItemType Directory -Force $script:Work

    # The demo tenant (managed identity registered) and five edge tenants of tests/Tenants (TenantCatalog),
    # which share the app registration below (test-only values from tests/Tenants/TenantFixtures/Fixture.cs).
    $script:DemoTenantId = '7e0a0001-0000-4000-8000-000000000001'
    $script:EdgeNames = 'eligible-149-seats', 'eligible-150-seats', 'trial-only', 'suspended-subscription', 'window-open'
    $arguments = @('--tenant-demo') + @($EdgeNames | ForEach-Object { '--tenant-name', $_ })
    $script:Emulator = Start-GraphEmulator -EmulatorPath (Get-TestEmulatorPath) -Arguments $arguments

    # EdgeTenants.TenantId: 7e0a0001-00NN-4000-8000-000000000001, NN = position in the catalog + 1 (hex).
    $script:Edge = for ($i = 0; $i -lt $EdgeNames.Count; $i++) {
        [pscustomobject]@{
            Name          = $EdgeNames[$i]
            TenantId      = '7e0a0001-{0:x4}-4000-8000-000000000001' -f ($i + 1)
            TenantName    = "Edge $($EdgeNames[$i])"
            InitialDomain = "$($EdgeNames[$i] -replace '-', '').onmicrosoft.com"
            ClientId      = '0a770001-0000-4000-8000-000000000001'
            ClientSecret  = 'demo-secret-not-for-production'
            GraphEndpoint = $Emulator.HttpUrl
            AuthorityHost = $Emulator.HttpsUrl
        }
    }
}

BeforeAll {
    function script:Format-StableEvidence([string] $Line) {
        $Line -replace '\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z?', '<time>' -replace '\d+(\.\d+)? ?(seconds?|minutes?|hours?|min|h|s)\b', '<duration>'
    }
}

AfterAll {
    $script:Emulator | Stop-GraphEmulator
    Remove-Item -Recurse -Force $script:Work -ErrorAction SilentlyContinue
}

Describe 'Azure Automation runbook (managed identity, non-interactive)' {
    BeforeAll {
        $script:RunbookOut = Join-Path $Work 'runbook'
        $script:RunbookEnvironment = @{
            IDENTITY_ENDPOINT = "$($Emulator.HttpUrl)/msi/$DemoTenantId/token"
            IDENTITY_HEADER   = 'fasttrack-emulator-identity'
            # As in Azure Automation: the module is found by name, not by path.
            PSModulePath      = $ModulesFolder + [IO.Path]::PathSeparator + $env:PSModulePath
            FT_RUNBOOK        = $Runbook
            FT_GRAPH          = $Emulator.HttpUrl
            FT_OUT            = $RunbookOut
        }
        $script:Run = Invoke-FreshPwsh -TimeoutSeconds 300 -Environment $RunbookEnvironment -Script @'
$results = @(& $env:FT_RUNBOOK -GraphEndpoint $env:FT_GRAPH -OutputPath $env:FT_OUT)
Write-TestResult ([pscustomobject]@{
    Count    = $results.Count
    Types    = @($results | ForEach-Object { $_.GetType().FullName } | Select-Object -Unique)
    CheckIds = @($results.CheckId)
    Statuses = @($results | ForEach-Object { "$($_.Status)" })
    Catalog  = @(Get-FastTrackCheck).Count
})
'@
    }

    It 'finishes without a prompt or an error' {
        $Run.ExitCode | Should -Be 0 -Because $Run.Output
        $Run.Output | Should -Not -Match 'fasttrack-emulator-identity' -Because 'the identity header is a secret'
    }

    It 'writes one CheckResult per check to the output stream' {
        $Run.Result.Types | Should -Be @('FastTrack.Onboarding.Model.Assessment.CheckResult')
        $Run.Result.Count | Should -Be $Run.Result.Catalog
        $Run.Result.Count | Should -BeGreaterThan 0
        $Run.Result.Statuses | Should -Not -BeNullOrEmpty
    }

    It 'writes the report file for the tenant of the managed identity' {
        $report = Get-ChildItem $RunbookOut -Filter 'FastTrack-*.json' | Where-Object Name -notlike '*.snapshot.json' | Select-Object -First 1
        $report | Should -Not -BeNullOrEmpty -Because "files: $((Get-ChildItem $RunbookOut).Name -join ', ')"
        $report.Name | Should -BeLike "FastTrack-$DemoTenantId-*"
        $content = Get-Content -Raw $report.FullName | ConvertFrom-Json
        # Export-FastTrackReport's schema-versioned JSON, or the fallback's plain assessment.
        $tenantId = if ($content.assessment) { $content.assessment.tenant.id } else { $content.TenantId }
        $results = if ($content.assessment) { @($content.assessment.results) } else { @($content.Results) }
        $tenantId | Should -Be $DemoTenantId
        $results.Count | Should -Be $Run.Result.Count
        # The report may group results by phase and service: compare check by check, statuses as words.
        $written = @($results | ForEach-Object { "$($_.checkId)=$($_.status)" } | Sort-Object)
        $streamed = @(0..($Run.Result.CheckIds.Count - 1) | ForEach-Object { "$($Run.Result.CheckIds[$_])=$($Run.Result.Statuses[$_])" } | Sort-Object)
        $written | Should -Be $streamed
        # Until Export-FastTrackReport is merged, the runbook saves the snapshot instead and says so.
        if ($Run.Output -match 'no Export-FastTrackReport') {
            Get-ChildItem $RunbookOut -Filter "FastTrack-$DemoTenantId-*.snapshot.json" | Should -Not -BeNullOrEmpty
        }
        else {
            Get-ChildItem $RunbookOut -Filter "FastTrack-$DemoTenantId-*.html" | Should -Not -BeNullOrEmpty
        }
    }

    It 'runs as Azure Automation starts it: pwsh -NonInteractive -File, module imported by name' {
        $out = Join-Path $Work 'runbook-file'
        $psi = [Diagnostics.ProcessStartInfo]::new([Environment]::ProcessPath)
        foreach ($a in @((Join-Path $PSHOME 'pwsh.dll'), '-NoProfile', '-NonInteractive', '-File', $Runbook, '-GraphEndpoint', $Emulator.HttpUrl, '-OutputPath', $out)) { $psi.ArgumentList.Add($a) }
        foreach ($key in 'IDENTITY_ENDPOINT', 'IDENTITY_HEADER', 'PSModulePath') { $psi.Environment[$key] = $RunbookEnvironment[$key] }
        $psi.Environment['NO_COLOR'] = '1'
        $psi.RedirectStandardOutput = $true; $psi.RedirectStandardError = $true; $psi.RedirectStandardInput = $true
        $process = [Diagnostics.Process]::Start($psi)
        $process.StandardInput.Close()
        $stdout = $process.StandardOutput.ReadToEndAsync(); $stderr = $process.StandardError.ReadToEndAsync()
        $process.WaitForExit(300000) | Should -BeTrue
        $process.ExitCode | Should -Be 0 -Because ($stdout.Result + $stderr.Result)
        $stdout.Result | Should -Match 'FT-ASSESS-' -Because 'the results reach the output stream'
        Get-ChildItem $out -Filter "FastTrack-$DemoTenantId-*.json" | Should -Not -BeNullOrEmpty
    }
}

Describe 'Partner script: five tenants in parallel, one connection each' {
    BeforeAll {
        $script:PartnerOut = Join-Path $Work 'partner'
        $csv = Join-Path $Work 'tenants.csv'
        $Edge | Export-Csv -Path $csv -NoTypeInformation
        $script:PartnerRun = Invoke-FreshPwsh -TimeoutSeconds 600 -Environment @{
            SSL_CERT_FILE = $Emulator.CaCertificatePath; FT_PARTNER = $Partner; FT_CSV = $csv; FT_OUT = $PartnerOut
        } -Script @'
$summary = & $env:FT_PARTNER -TenantListPath $env:FT_CSV -OutputPath $env:FT_OUT -ThrottleLimit 5 -ModulePath $env:FASTTRACK_TEST_MODULE
Write-TestResult @($summary | Select-Object Name, TenantId, TenantName, Succeeded, Checks, Configured, Partial, NotConfigured, NotAssessed, OutputFolder, Error,
    @{ n = 'Started'; e = { $_.StartedUtc.ToString('o') } }, @{ n = 'Completed'; e = { $_.CompletedUtc.ToString('o') } })
'@

        # The baseline: each tenant assessed alone, one after another, in another process.
        $script:Baseline = (Invoke-FreshPwsh -TimeoutSeconds 600 -Environment @{ SSL_CERT_FILE = $Emulator.CaCertificatePath; FT_CSV = $csv } -Script @'
$byTenant = [ordered]@{}
foreach ($row in Import-Csv $env:FT_CSV) {
    $secret = ConvertTo-SecureString $row.ClientSecret -AsPlainText -Force
    $connection = Connect-FastTrackTenant -TenantId $row.TenantId -ClientId $row.ClientId -ClientSecret $secret -GraphEndpoint $row.GraphEndpoint -AuthorityHost $row.AuthorityHost
    $assessment = Invoke-FastTrackAssessment -Connection $connection
    $byTenant[$row.Name] = @($assessment.Results | ForEach-Object { '{0}|{1}|{2}' -f $_.CheckId, $_.Status, $_.Evidence })
}
Write-TestResult ([pscustomobject]$byTenant)
'@).Result
    }

    It 'assesses every tenant successfully' {
        $PartnerRun.ExitCode | Should -Be 0 -Because $PartnerRun.Output
        @($PartnerRun.Result).Count | Should -Be 5
        foreach ($row in $PartnerRun.Result) { $row.Succeeded | Should -BeTrue -Because "$($row.Name): $($row.Error)" }
    }

    It 'runs the tenants at the same time' {
        $latestStart = ($PartnerRun.Result | ForEach-Object { [DateTimeOffset]::Parse($_.Started) } | Measure-Object -Maximum).Maximum
        $earliestEnd = ($PartnerRun.Result | ForEach-Object { [DateTimeOffset]::Parse($_.Completed) } | Measure-Object -Minimum).Minimum
        $latestStart | Should -BeLessThan $earliestEnd -Because 'with -ThrottleLimit 5 every tenant starts before the first one finishes'
    }

    It 'gives each tenant its own identity in the summary and in its files' {
        foreach ($tenant in $Edge) {
            $row = $PartnerRun.Result | Where-Object Name -eq $tenant.Name
            $row.TenantId | Should -Be $tenant.TenantId
            $row.TenantName | Should -Be $tenant.TenantName
            $saved = Get-Content -Raw (Join-Path $row.OutputFolder 'assessment.json') | ConvertFrom-Json
            $saved.TenantId | Should -Be $tenant.TenantId
            $saved.TenantName | Should -Be $tenant.TenantName
            $saved.InitialDomain | Should -Be $tenant.InitialDomain
            Test-Path (Join-Path $row.OutputFolder 'results.csv') | Should -BeTrue
            Test-Path (Join-Path $row.OutputFolder 'snapshot.json') | Should -BeTrue
        }
        Test-Path (Join-Path $PartnerOut 'summary.csv') | Should -BeTrue
    }

    It 'lets no tenant''s data reach another tenant''s files' {
        foreach ($tenant in $Edge) {
            $folder = ($PartnerRun.Result | Where-Object Name -eq $tenant.Name).OutputFolder
            $text = (Get-ChildItem $folder -File | ForEach-Object { Get-Content -Raw $_.FullName }) -join "`n"
            foreach ($other in $Edge | Where-Object Name -ne $tenant.Name) {
                $text | Should -Not -Match ([regex]::Escape($other.TenantId)) -Because "$($tenant.Name)'s files must not hold $($other.Name)'s tenant id"
                $text | Should -Not -Match ([regex]::Escape($other.InitialDomain)) -Because "$($tenant.Name)'s files must not hold $($other.Name)'s domain"
            }
        }
    }

    It 'gives each tenant the same results and counts as assessing it alone' {
        $Baseline | Should -Not -BeNullOrEmpty
        foreach ($tenant in $Edge) {
            $row = $PartnerRun.Result | Where-Object Name -eq $tenant.Name
            $saved = Get-Content -Raw (Join-Path $row.OutputFolder 'assessment.json') | ConvertFrom-Json
            # Times relative to each run (last sync, check-ins, "N minutes ago") differ between two runs of
            # one tenant; everything else must be identical.
            $parallel = @($saved.Results | ForEach-Object { Format-StableEvidence ('{0}|{1}|{2}' -f $_.CheckId, $_.Status, $_.Evidence) })
            $alone = @($Baseline.($tenant.Name) | ForEach-Object { Format-StableEvidence $_ })
            $firstDifference = @(0..([Math]::Min($parallel.Count, $alone.Count) - 1) | Where-Object { $parallel[$_] -ne $alone[$_] } | Select-Object -First 1 | ForEach-Object { "parallel: $($parallel[$_]) | alone: $($alone[$_])" })
            $parallel | Should -Be $alone -Because "$($tenant.Name) assessed in parallel must match $($tenant.Name) assessed alone ($firstDifference)"
            $row.Checks | Should -Be $parallel.Count
            $row.NotConfigured | Should -Be @($saved.Results | Where-Object Status -eq 'NotConfigured').Count
        }
        # The tenants differ, so identical results everywhere would mean one tenant's data was used for all.
        @($Edge | ForEach-Object { ($Baseline.($_.Name)) -join "`n" } | Select-Object -Unique).Count | Should -BeGreaterThan 1
    }

    It 'reports a failing tenant in the summary without stopping the others' {
        $csv = Join-Path $Work 'tenants-with-failure.csv'
        $bad = $Edge[0].PSObject.Copy(); $bad.Name = 'wrong-secret'; $bad.ClientSecret = 'not-the-secret'
        @($bad, $Edge[1]) | Export-Csv -Path $csv -NoTypeInformation
        $run = Invoke-FreshPwsh -TimeoutSeconds 300 -Environment @{
            SSL_CERT_FILE = $Emulator.CaCertificatePath; FT_PARTNER = $Partner; FT_CSV = $csv; FT_OUT = (Join-Path $Work 'partner-failure')
        } -Script @'
$summary = & $env:FT_PARTNER -TenantListPath $env:FT_CSV -OutputPath $env:FT_OUT -ThrottleLimit 2 -ModulePath $env:FASTTRACK_TEST_MODULE
Write-TestResult @($summary | Select-Object Name, Succeeded, TenantName, Error, @{ n = 'Exit'; e = { $global:LASTEXITCODE } })
'@
        $failed = $run.Result | Where-Object Name -eq 'wrong-secret'
        $failed.Succeeded | Should -BeFalse
        $failed.Error | Should -Match 'FastTrack\.' -Because 'the error keeps its stable id'
        $ok = $run.Result | Where-Object Name -eq $Edge[1].Name
        $ok.Succeeded | Should -BeTrue -Because $ok.Error
        $ok.TenantName | Should -Be $Edge[1].TenantName
        @($run.Result)[0].Exit | Should -Be 1 -Because 'a run with a failed tenant ends with exit code 1'
        $run.Output | Should -Not -Match 'not-the-secret|demo-secret-not-for-production' -Because 'secrets never reach output'
    }
}
