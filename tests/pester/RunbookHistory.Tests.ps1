#Requires -Modules Pester
# The unattended weekly review: the Azure Automation runbook run twice (managed identity against the
# Graph emulator) with its history in an Azurite blob container (SAS from an encrypted Automation
# variable) and the summary sent to the emulator's Teams webhook stand-in. The webhook URL and the
# SAS signature must appear in no output, report file or history document.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot '../Common/GraphEmulator.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot '../Common/Azurite.psm1') -Force

    $script:Root = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    $script:Runbook = Join-Path $Root 'examples/runbooks/Invoke-FastTrackAssessmentRunbook.ps1'
    $script:ModulesFolder = Split-Path (Split-Path (Get-TestModulePath) -Parent) -Parent
    $script:Work = Join-Path ([IO.Path]::GetTempPath()) ('ft-runbook-history-' + [guid]::NewGuid().ToString('N'))
    $null = New-Item -ItemType Directory -Force $script:Work
    $script:DemoTenantId = '7e0a0001-0000-4000-8000-000000000001'
    $script:Marker = 'SECRETMARKER-runbook-7c1d'
    $script:HaveAzurite = [bool](Get-AzuriteExecutable)
    if (-not $HaveAzurite -and $env:CI -eq 'true') { throw 'CI=true: azurite must be installed (npm install -g azurite).' }
    if ($HaveAzurite) {
        $script:Azurite = Start-Azurite
        $script:Sas = New-AzuriteSasUrl $Azurite 'fasttrack-history'
        $null = Invoke-WebRequest -Method Put -Uri ($Azurite.BlobEndpoint + '/fasttrack-history?restype=container&' + $Sas.Query)
    }
    $script:Emulator = Start-GraphEmulator -EmulatorPath (Get-TestEmulatorPath) -Arguments @('--tenant-demo', '--teams-webhook', $Marker)

    # One runbook job as Azure Automation runs it: a fresh non-interactive pwsh, the managed identity's
    # endpoint in the environment, the module found by name, and Get-AutomationVariable (which only
    # exists inside Automation jobs) answering from the account's encrypted variables.
    function script:Invoke-RunbookJob([string] $Name) {
        Invoke-FreshPwsh -TimeoutSeconds 300 -Environment @{
            IDENTITY_ENDPOINT = "$($Emulator.HttpUrl)/msi/$DemoTenantId/token"
            IDENTITY_HEADER   = 'fasttrack-emulator-identity'
            PSModulePath      = $ModulesFolder + [IO.Path]::PathSeparator + $env:PSModulePath
            FT_RUNBOOK        = $Runbook
            FT_GRAPH          = $Emulator.HttpUrl
            FT_OUT            = (Join-Path $Work $Name)
            FT_CONTAINER      = $Azurite.BlobEndpoint + '/fasttrack-history'
            FT_VAR_HistorySas = $Sas.Query
            FT_VAR_TeamsHook  = $Emulator.TeamsWebhookUrl
        } -Script @'
function Get-AutomationVariable([Parameter(Mandatory)][string] $Name) { [Environment]::GetEnvironmentVariable("FT_VAR_$Name") }
$results = @(& $env:FT_RUNBOOK -GraphEndpoint $env:FT_GRAPH -OutputPath $env:FT_OUT -HistoryContainerUrl $env:FT_CONTAINER -HistorySasVariable HistorySas -TeamsWebhookVariable TeamsHook -Phase Initiate, Assess)
Write-TestResult ([pscustomobject]@{ Count = $results.Count })
'@
    }

    # Every FactSet fact of an Adaptive Card, as "title=value".
    function script:Get-CardFacts([string] $Body) {
        $found = [Collections.Generic.List[string]]::new()
        $walk = {
            param($node)
            if ($node -is [array]) { foreach ($n in $node) { & $walk $n } }
            elseif ($node -is [pscustomobject]) {
                if ($node.PSObject.Properties['type'] -and $node.type -eq 'FactSet') { foreach ($f in $node.facts) { $found.Add("$($f.title)=$($f.value)") } }
                foreach ($p in $node.PSObject.Properties) { & $walk $p.Value }
            }
        }
        & $walk ($Body | ConvertFrom-Json -Depth 64)
        , $found.ToArray()
    }
}

AfterAll {
    if ($script:Emulator) { $script:Emulator | Stop-GraphEmulator }
    if ($script:Azurite) { $script:Azurite | Stop-Azurite }
    Remove-Item -Recurse -Force $script:Work -ErrorAction SilentlyContinue
}

Describe 'RunbookHistory_01 two weekly runbook jobs: history in a blob container, summary to Teams' {
    BeforeAll {
        if (-not $HaveAzurite) { return }
        $null = Invoke-RestMethod -Method Delete -Uri "$($Emulator.TeamsControlUrl)_standin/received"
        $script:First = Invoke-RunbookJob 'week1'
        $script:CardsAfterFirst = @(Invoke-RestMethod -Uri "$($Emulator.TeamsControlUrl)_standin/received" | ForEach-Object { $_ })
        $script:Second = Invoke-RunbookJob 'week2'
        $script:Cards = @(Invoke-RestMethod -Uri "$($Emulator.TeamsControlUrl)_standin/received" | ForEach-Object { $_ })
        $xml = [xml](Invoke-WebRequest -Uri ($Azurite.BlobEndpoint + '/fasttrack-history?restype=container&comp=list&' + $Sas.Query)).Content
        $script:Blobs = @($xml.EnumerationResults.Blobs.Blob.Name)
    }

    It 'RunbookHistory_01_BothJobsSucceedAndTheHistoryHoldsBothRuns' {
        if (-not $HaveAzurite) { Set-ItResult -Skipped -Because 'azurite is not installed (npm install -g azurite)'; return }
        $First.ExitCode | Should -Be 0 -Because $First.Output
        $Second.ExitCode | Should -Be 0 -Because $Second.Output
        $First.Result.Count | Should -BeGreaterThan 0
        $runs = @($Blobs | Where-Object { $_ -like "runs/$DemoTenantId/*.json" })
        $runs | Should -HaveCount 2 -Because "blobs: $($Blobs -join ', ')"

        # Read back through the module, as the next review would: two runs by the managed identity.
        $read = Invoke-FreshPwsh -Environment @{ FT_HISTORY = $Sas.Url; FT_TENANT = $DemoTenantId } -Script @'
$runs = @(Get-FastTrackHistory -HistoryPath $env:FT_HISTORY -TenantId $env:FT_TENANT)
$progress = Get-FastTrackHistory -HistoryPath $env:FT_HISTORY -TenantId $env:FT_TENANT -Progress
Write-TestResult ([pscustomobject]@{ Kinds = @($runs.RanByKind); Documents = @($runs.DocumentName); Points = @($progress.Points | ForEach-Object Open) })
'@
        $read.ExitCode | Should -Be 0 -Because $read.Output
        $read.Result.Kinds | Should -Be @('Application', 'Application')
        @($read.Result.Documents | Sort-Object) | Should -Be @($runs | Sort-Object)
        $read.Result.Points | Should -HaveCount 2
    }

    It 'RunbookHistory_02_TheSecondJobSendsTheSummaryWithTheProgressOfBothRuns' {
        if (-not $HaveAzurite) { Set-ItResult -Skipped -Because 'azurite is not installed (npm install -g azurite)'; return }
        $CardsAfterFirst | Should -HaveCount 1
        $Cards | Should -HaveCount 2
        foreach ($card in $Cards) { $card.status | Should -Be 202 -Because 'the stand-in validates the Adaptive Card' }
        $firstFacts = Get-CardFacts $Cards[0].body
        $secondFacts = Get-CardFacts $Cards[1].body
        $firstFacts | Should -Contain 'Runs recorded=1'
        $secondFacts | Should -Contain 'Runs recorded=2'
        @($secondFacts | Where-Object { $_ -like 'Open now=* (previous run *)' }) | Should -HaveCount 1 -Because ($secondFacts -join '; ')
        $Second.Output | Should -Match 'Summary Sent via Teams \(webhook at 127\.0\.0\.1\)'

        # The week-2 report carries the Progress section over both runs.
        $html = Get-ChildItem (Join-Path $Work 'week2') -Filter "FastTrack-$DemoTenantId-*.html" | Select-Object -First 1
        $html | Should -Not -BeNullOrEmpty
        $json = Get-Content -Raw ((Get-ChildItem (Join-Path $Work 'week2') -Filter "FastTrack-$DemoTenantId-*.json")[0].FullName) | ConvertFrom-Json
        $json.history.progress.runs | Should -Be 2
        $json.history.provenance.ranByKind | Should -Be 'Application'
        (Get-Content -Raw $html.FullName) | Should -Match 'id="progress"'
    }

    It 'RunbookHistory_03_NeitherTheWebhookUrlNorTheSasIsInAnyOutputReportOrHistoryDocument' {
        if (-not $HaveAzurite) { Set-ItResult -Skipped -Because 'azurite is not installed (npm install -g azurite)'; return }
        $Emulator.TeamsWebhookUrl | Should -Match ([regex]::Escape($Marker))
        $secrets = @($Marker, $Sas.Signature, [uri]::EscapeDataString($Sas.Signature), 'fasttrack-emulator-identity')
        $texts = @($First.Output, $Second.Output) + @(Get-ChildItem -Recurse -File (Join-Path $Work 'week1'), (Join-Path $Work 'week2') | ForEach-Object { Get-Content -Raw $_.FullName })
        $texts += @($Blobs | ForEach-Object { (Invoke-WebRequest -Uri ($Azurite.BlobEndpoint + "/fasttrack-history/$_`?" + $Sas.Query)).Content })
        $texts += @($Cards | ForEach-Object { $_.body })
        $texts.Count | Should -BeGreaterThan 6
        foreach ($text in $texts) {
            foreach ($secret in $secrets) { $text | Should -Not -Match ([regex]::Escape($secret)) }
        }
    }
}
