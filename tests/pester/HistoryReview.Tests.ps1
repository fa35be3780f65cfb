#Requires -Modules Pester
# The Remediate review as users drive it, in fresh pwsh processes over a folder history of the demo tenant in
# the Graph emulator: the remediation plan, the review agenda (overdue first), the progress view, the plan in
# the checklist and phase status, and risk acceptances (Set-/Get-/Remove-FastTrackException, YAML for CI).

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot '../Common/GraphEmulator.psm1') -Force
    $script:Emulator = Start-GraphEmulator -EmulatorPath (Get-TestEmulatorPath) -Arguments @('--tenant-demo')
    $script:TenantId = '7e0a0001-0000-4000-8000-000000000001'   # DemoTenant.TenantId
    $script:Roles = @('Organization.Read.All', 'LicenseAssignment.Read.All', 'Domain.Read.All', 'User.Read.All', 'Directory.Read.All')
    $script:Token = (Invoke-EmulatorControl $Emulator 'tokens' -Method Post -Body @{ tenantId = $TenantId; roles = $Roles; expiresInSeconds = 3600 }).access_token
    $script:Work = Join-Path ([IO.Path]::GetTempPath()) ('ft-review-' + [guid]::NewGuid().ToString('N'))
    $null = New-Item -ItemType Directory $Work
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
    Remove-Item -Recurse -Force $script:Work -ErrorAction SilentlyContinue
}

Describe 'History_05 the plan, the review agenda and the progress view through the cmdlets' {
    It 'History_05_AnOverdueItemIsFirstOnTheAgendaAndThePlanReachesTheChecklist' {
        $folder = Join-Path $Work 'plan-history'
        $run = Invoke-Child -Extra @{ FT_HISTORY = $folder } -Script @'
$first = Invoke-FastTrackAssessment -Phase Assess -HistoryPath $env:FT_HISTORY
$second = Invoke-FastTrackAssessment -Phase Assess -HistoryPath $env:FT_HISTORY
$open = @($second.Results | Where-Object { "$($_.Status)" -in 'NotConfigured', 'Partial' } | Sort-Object CheckId)
$late = $open[-1]
try { Set-FastTrackRemediationPlan -HistoryPath $env:FT_HISTORY -StartOn (Get-Date).AddDays(-30) -TargetDate (Get-Date).AddDays(-31); $bad = 'none' } catch { $bad = $_.FullyQualifiedErrorId }
try { Get-FastTrackHistory -HistoryPath $env:FT_HISTORY -Review | Out-Null; $missing = 'none' } catch { $missing = $_.FullyQualifiedErrorId }
$plan = Set-FastTrackRemediationPlan -HistoryPath $env:FT_HISTORY -StartOn ([datetimeoffset]::UtcNow.AddDays(-14)) -TargetDate ([datetimeoffset]::UtcNow.AddDays(60)) -Cadence Weekly `
    -AreaOwner @{ Identity = 'Alex (identity)'; Administration = 'Megan (admin)' } -DueDate @{ $late.CheckId = [datetime]::UtcNow.AddDays(-3).ToString('yyyy-MM-dd') }
$review = Get-FastTrackHistory -HistoryPath $env:FT_HISTORY -Review
$review | Format-List | Out-String
$progress = Get-FastTrackHistory -HistoryPath $env:FT_HISTORY -Progress
$progress | Format-List | Out-String
$tasks = @($second | Get-RemediationChecklist -HistoryPath $env:FT_HISTORY)
$issues = @(Get-RemediatePhaseStatus -HistoryPath $env:FT_HISTORY)
Write-TestResult ([pscustomobject]@{
    Late = $late.CheckId; LateArea = $late.Area; OpenIds = @($open.CheckId); Bad = $bad; Missing = $missing
    Agenda = @($review.Items | ForEach-Object { [pscustomobject]@{ Rank = $_.Rank; Reason = "$($_.Reason)"; CheckId = $_.CheckId; Owner = $_.Owner; DaysOverdue = $_.DaysOverdue } })
    Slipped = @($review.Slipped.CheckId)
    Points = @($progress.Points | ForEach-Object Open); Target = $progress.TargetDate.ToString('o'); PlanTarget = $plan.TargetDate.ToString('o')
    Tasks = @($tasks | ForEach-Object { [pscustomobject]@{ CheckId = $_.CheckId; AssignedTo = $_.AssignedTo; Due = if ($_.PlanDueOn) { $_.PlanDueOn.ToString('o') } } })
    IssueOwners = @($issues | ForEach-Object AssignedTo | Select-Object -Unique)
})
'@
        $run.ExitCode | Should -Be 0 -Because $run.Output
        $r = $run.Result
        $r.Bad | Should -BeLike 'FastTrack.RemediationPlanInvalid*'
        $r.Missing | Should -BeLike 'FastTrack.RemediationPlanMissing*'
        $r.OpenIds.Count | Should -BeGreaterThan 1
        $r.Agenda[0].CheckId | Should -Be $r.Late
        $r.Agenda[0].Reason | Should -Be 'Overdue'
        $r.Agenda[0].DaysOverdue | Should -BeGreaterOrEqual 2
        @($r.Agenda | Select-Object -Skip 1 | Where-Object Reason -eq 'Overdue') | Should -HaveCount 0
        @($r.Agenda.CheckId | Sort-Object) | Should -Be @($r.OpenIds | Sort-Object)
        $r.Slipped | Should -Be @($r.Late)
        $r.Points.Count | Should -Be 2
        $r.Points[1] | Should -Be $r.OpenIds.Count
        $r.Target | Should -Be $r.PlanTarget
        $identityTask = $r.Tasks | Where-Object { $_.CheckId -like 'FT-ASSESS-ID-*' } | Select-Object -First 1
        $identityTask.AssignedTo | Should -Be 'Alex (identity)'
        ($r.Tasks | Where-Object CheckId -eq $r.Late).Due | Should -Not -BeNullOrEmpty
        $r.IssueOwners | Should -Be @('Alex (identity)')
        Test-Path (Join-Path $folder "plans/$TenantId.json") | Should -BeTrue
    }
}

Describe 'History_06 exceptions through the cmdlets: accepted, passing JUnit, off the checklist, back when removed or expired' {
    It 'History_06_AnAcceptedItemPassesJUnitAndLeavesTheChecklistUntilRemoved' {
        $folder = Join-Path $Work 'exceptions-history'
        $yaml = Join-Path $Work 'exceptions.yml'
        Set-Content -Path $yaml -Value @"
exceptions:
  - checkId: FT-ASSESS-ID-01
    reason: Expired already
    owner: Megan Bowen
    expires: 2020-01-31
"@
        $run = Invoke-Child -Extra @{ FT_HISTORY = $folder; FT_YAML = $yaml; FT_JUNIT = (Join-Path $Work 'accepted.junit.xml') } -Script @'
$null = Invoke-FastTrackAssessment -Phase Assess -HistoryPath $env:FT_HISTORY
try { Set-FastTrackException -CheckId FT-ASSESS-ADMIN-03 -Reason x -Owner y -Expires (Get-Date).AddDays(9) -HistoryPath $env:FT_HISTORY; $notOpen = 'none' } catch { $notOpen = $_.FullyQualifiedErrorId }
$set = Set-FastTrackException -CheckId FT-ASSESS-ID-04 -Reason 'Legacy UPNs until the AD migration' -Owner 'Alex Wilber' -Expires (Get-Date).AddDays(30) -HistoryPath $env:FT_HISTORY
$accepted = Invoke-FastTrackAssessment -Phase Assess -HistoryPath $env:FT_HISTORY -ExceptionPath $env:FT_YAML -WarningVariable warned -WarningAction SilentlyContinue
$accepted | Export-FastTrackReport -Format JUnit -Path $env:FT_JUNIT -Force | Out-Null
$checklist = @($accepted | Get-RemediationChecklist)
$listed = @(Get-FastTrackException -HistoryPath $env:FT_HISTORY)
$fromYaml = @(Get-FastTrackException -Path $env:FT_YAML)
$removed = Remove-FastTrackException -CheckId FT-ASSESS-ID-04 -HistoryPath $env:FT_HISTORY
Remove-FastTrackException -CheckId FT-ASSESS-ID-04 -HistoryPath $env:FT_HISTORY -ErrorVariable again -ErrorAction SilentlyContinue
$back = Invoke-FastTrackAssessment -Phase Assess -HistoryPath $env:FT_HISTORY
$runs = @(Get-FastTrackHistory -HistoryPath $env:FT_HISTORY)
Write-TestResult ([pscustomobject]@{
    NotOpen = $notOpen; Set = $set.CheckId
    AcceptedReason = ($accepted.Results | Where-Object CheckId -eq 'FT-ASSESS-ID-04').Acceptance.Reason
    UsageAccepted = [bool]($accepted.Results | Where-Object CheckId -eq 'FT-ASSESS-ID-01').Acceptance
    Warnings = @($warned | ForEach-Object { "$_" })
    ChecklistIds = @($checklist.CheckId)
    Listed = @($listed.CheckId); FromYaml = @($fromYaml | ForEach-Object { "$($_.CheckId)|$($_.Owner)|$($_.Source)" })
    Removed = $removed.CheckId; Again = @($again | ForEach-Object FullyQualifiedErrorId)
    BackAccepted = [bool]($back.Results | Where-Object CheckId -eq 'FT-ASSESS-ID-04').Acceptance
    BackChecklist = @($back | Get-RemediationChecklist | ForEach-Object CheckId)
    OpenPerRun = @($runs.ChecksOpen)
})
'@
        $run.ExitCode | Should -Be 0 -Because $run.Output
        $r = $run.Result
        $r.NotOpen | Should -BeLike 'FastTrack.ExceptionInvalid*'
        $r.AcceptedReason | Should -Be 'Legacy UPNs until the AD migration'
        $r.UsageAccepted | Should -BeFalse
        ($r.Warnings -join "`n") | Should -Match 'FT-ASSESS-ID-01.*expired'
        $r.ChecklistIds | Should -Not -Contain 'FT-ASSESS-ID-04'
        $r.BackChecklist | Should -Contain 'FT-ASSESS-ID-04'
        $r.Listed | Should -Be @('FT-ASSESS-ID-04')
        $r.FromYaml | Should -Be @('FT-ASSESS-ID-01|Megan Bowen|exceptions.yml')
        $r.Removed | Should -Be 'FT-ASSESS-ID-04'
        $r.Again[0] | Should -BeLike 'FastTrack.ExceptionNotFound*'
        $r.BackAccepted | Should -BeFalse
        # The accepted run counts one open item fewer than the runs around it.
        $r.OpenPerRun.Count | Should -Be 3
        $r.OpenPerRun[1] | Should -Be ($r.OpenPerRun[0] - 1)
        $r.OpenPerRun[2] | Should -Be $r.OpenPerRun[0]
        $junit = [xml](Get-Content -Raw (Join-Path $Work 'accepted.junit.xml'))
        $case = @($junit.SelectNodes('//testcase') | Where-Object { $_.name -like 'FT-ASSESS-ID-04 *' })
        $case | Should -HaveCount 1
        $case[0].SelectSingleNode('failure') | Should -BeNullOrEmpty
        $case[0].'system-out' | Should -Match 'Accepted .*Legacy UPNs until the AD migration'
    }
}
