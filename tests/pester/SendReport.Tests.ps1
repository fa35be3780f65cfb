#Requires -Modules Pester
# Send-FastTrackReport in a fresh pwsh, as users run it: the demo tenant in the loopback Graph emulator and
# the emulator's Teams webhook stand-in (--teams-webhook, which validates the Adaptive Card). Engine-level
# tests (card content, every failure path, inline vs upload session) are in tests/FastTrack.Onboarding.Engine.Tests/Notifications.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot '../Common/GraphEmulator.psm1') -Force
    $script:Marker = 'SECRETMARKER-send-4b9e'
    $script:Emulator = Start-GraphEmulator -EmulatorPath (Get-TestEmulatorPath) -Arguments @('--tenant-demo', '--teams-webhook', $script:Marker)
    $script:TenantId = '7e0a0001-0000-4000-8000-000000000001'   # DemoTenant.TenantId
    $script:From = 'admin@contosodemo.onmicrosoft.com'          # DemoTenant.AdminUpn, a mailbox of the demo tenant
    $script:ReadRoles = @('Organization.Read.All', 'LicenseAssignment.Read.All', 'Domain.Read.All', 'User.Read.All', 'Directory.Read.All')

    function script:New-Token([string[]] $Roles) {
        (Invoke-EmulatorControl $script:Emulator 'tokens' -Method Post -Body @{ tenantId = $script:TenantId; roles = $Roles; expiresInSeconds = 3600 }).access_token
    }
    function script:Reset-Receivers {
        $null = Invoke-RestMethod -Method Delete -Uri "$($script:Emulator.TeamsControlUrl)_standin/received"
        $null = Invoke-EmulatorControl $script:Emulator 'mail' -Method Delete
    }
    # Piped so that an empty JSON array is no item rather than one empty array.
    function script:Get-Cards { @(Invoke-RestMethod -Uri "$($script:Emulator.TeamsControlUrl)_standin/received" | ForEach-Object { $_ }) }

    # Connect, assess the Initiate phase (quick), and keep the assessment in $a.
    $script:Prelude = @'
Connect-FastTrackTenant -AccessToken (ConvertTo-SecureString $env:FT_TOKEN -AsPlainText -Force) -GraphEndpoint $env:FT_GRAPH | Out-Null
$a = Invoke-FastTrackAssessment -Phase Initiate
'@
}

AfterAll { $script:Emulator | Stop-GraphEmulator }

Describe 'SendReport_01 both channels, and the webhook URL in no stream, error, result or file' {
    It 'SendReport_01_TeamsAndMailSentWithoutTheWebhookUrlAnywhere' {
        Reset-Receivers
        $script:Emulator.TeamsWebhookUrl | Should -Match ([regex]::Escape($script:Marker))
        $work = Join-Path ([IO.Path]::GetTempPath()) ('ft-send-' + [guid]::NewGuid().ToString('N'))
        $null = New-Item -ItemType Directory $work
        $token = New-Token ($script:ReadRoles + 'Mail.Send')
        $run = Invoke-FreshPwsh -Environment @{ FT_GRAPH = $script:Emulator.HttpUrl; FT_TOKEN = $token; FT_WEBHOOK = $script:Emulator.TeamsWebhookUrl; FT_WORK = $work; FT_FROM = $script:From } -Script ($script:Prelude + "`n" + @'
Start-Transcript -Path (Join-Path $env:FT_WORK 'transcript.txt') | Out-Null
# A plain string on purpose: it must work, warn, and still never be shown.
$results = $a | Send-FastTrackReport -TeamsWebhookUrl $env:FT_WEBHOOK -From $env:FT_FROM -To 'it-team@contosodemo.com' -Top 3 -Verbose -Debug -ErrorVariable problems -ErrorAction SilentlyContinue
$results | Format-Table | Out-String
$results | Format-List * | Out-String
$results | Export-Clixml (Join-Path $env:FT_WORK 'results.xml')
$a | Export-FastTrackReport -Format Json -Path (Join-Path $env:FT_WORK 'report.json')
Stop-Transcript | Out-Null
Write-TestResult ([pscustomobject]@{
    Results = @($results | ForEach-Object { [pscustomobject]@{ Channel = "$($_.Channel)"; Status = "$($_.Status)"; Destination = $_.Destination; Recipients = @($_.Recipients); Attachment = "$($_.Attachment)"; AttachmentBytes = $_.AttachmentBytes; PayloadBytes = $_.PayloadBytes } })
    Errors = @($problems | ForEach-Object { "$_" })
    Tenant = $a.TenantName
})
'@)
        $run.ExitCode | Should -Be 0 -Because $run.Output
        # Verbose and debug text were written (the capture shows record text without its prefix).
        $run.Output | Should -Match 'Posting the summary card \(\d+ bytes\) to the Teams webhook at 127\.0\.0\.1'
        $run.Output | Should -Match 'Teams webhook at 127\.0\.0\.1 answered 202'
        # Under -Debug the warning goes to the debug stream (a warning would prompt there), marked WARNING.
        $run.Output | Should -Match 'WARNING: -TeamsWebhookUrl was given as plain text'
        $run.Result.Errors | Should -HaveCount 0
        $teams = $run.Result.Results | Where-Object Channel -eq 'Teams'
        $mail = $run.Result.Results | Where-Object Channel -eq 'Mail'
        $teams.Status | Should -Be 'Sent'
        $teams.Destination | Should -Be 'webhook at 127.0.0.1'
        $mail.Status | Should -Be 'Sent'
        $mail.Attachment | Should -Be 'Inline'
        $mail.Recipients | Should -Be @('it-team@contosodemo.com')

        # What the receivers got: a valid card (the stand-in answered 202) and the mail with the HTML report.
        $cards = Get-Cards
        $cards | Should -HaveCount 1
        $cards[0].status | Should -Be 202
        $cards[0].hadAuthorization | Should -BeFalse
        $cards[0].body | Should -Match ([regex]::Escape($run.Result.Tenant))
        $sent = (Invoke-EmulatorControl $script:Emulator 'mail').sent
        $sent | Should -HaveCount 1
        $sent[0].from | Should -Be $script:From
        $sent[0].attachments[0].size | Should -Be $mail.AttachmentBytes
        $html = [Text.Encoding]::UTF8.GetString([Convert]::FromBase64String($sent[0].attachments[0].contentBase64))
        $html | Should -Match '^<!DOCTYPE html>'
        $html | Should -Match ([regex]::Escape($run.Result.Tenant))

        # The secret: not in any stream (verbose and debug included), result, error or file written.
        $run.Output | Should -Not -Match ([regex]::Escape($script:Marker))
        ($run.Result | ConvertTo-Json -Depth 6) | Should -Not -Match ([regex]::Escape($script:Marker))
        $files = Get-ChildItem $work -File
        $files.Name | Should -Contain 'transcript.txt'
        foreach ($file in $files) { Get-Content -Raw $file.FullName | Should -Not -Match ([regex]::Escape($script:Marker)) -Because $file.Name }
        Remove-Item -Recurse -Force $work
    }
}

Describe 'SendReport_02 -WhatIf sends nothing' {
    It 'SendReport_02_WhatIfNamesTheWebhookHostOnlyAndSendsNothing' {
        Reset-Receivers
        $token = New-Token ($script:ReadRoles + 'Mail.Send')
        $run = Invoke-FreshPwsh -Environment @{ FT_GRAPH = $script:Emulator.HttpUrl; FT_TOKEN = $token; FT_WEBHOOK = $script:Emulator.TeamsWebhookUrl; FT_FROM = $script:From } -Script ($script:Prelude + "`n" + @'
$secure = ConvertTo-SecureString $env:FT_WEBHOOK -AsPlainText -Force
$results = $a | Send-FastTrackReport -TeamsWebhookUrl $secure -From $env:FT_FROM -To 'it-team@contosodemo.com' -WhatIf
Write-TestResult ([pscustomobject]@{ Count = @($results).Count })
'@)
        $run.ExitCode | Should -Be 0 -Because $run.Output
        $run.Output | Should -Match 'What if: .*Teams webhook at 127\.0\.0\.1'
        $run.Output | Should -Match 'What if: .*mail from admin@contosodemo\.onmicrosoft\.com to it-team@contosodemo\.com'
        $run.Output | Should -Not -Match ([regex]::Escape($script:Marker))
        $run.Output | Should -Not -Match 'plain text'
        $run.Result.Count | Should -Be 0
        Get-Cards | Should -HaveCount 0
        (Invoke-EmulatorControl $script:Emulator 'mail').sent | Should -HaveCount 0
    }
}

Describe 'SendReport_03 one channel failing keeps the other result' {
    It 'SendReport_03_TeamsFails500MailStillSentWithANonTerminatingError' {
        Reset-Receivers
        $null = Invoke-RestMethod -Method Post -Uri "$($script:Emulator.TeamsControlUrl)_standin/responses" -ContentType 'application/json' -Body '[{"status":500,"body":"boom"}]'
        $token = New-Token ($script:ReadRoles + 'Mail.Send')
        $run = Invoke-FreshPwsh -Environment @{ FT_GRAPH = $script:Emulator.HttpUrl; FT_TOKEN = $token; FT_WEBHOOK = $script:Emulator.TeamsWebhookUrl; FT_FROM = $script:From } -Script ($script:Prelude + "`n" + @'
$secure = ConvertTo-SecureString $env:FT_WEBHOOK -AsPlainText -Force
$results = $a | Send-FastTrackReport -TeamsWebhookUrl $secure -From $env:FT_FROM -To 'it-team@contosodemo.com' -ErrorVariable problems -ErrorAction SilentlyContinue
Write-TestResult ([pscustomobject]@{
    Results = @($results | ForEach-Object { [pscustomobject]@{ Channel = "$($_.Channel)"; Status = "$($_.Status)"; ErrorId = $_.ErrorId } })
    Errors = @($problems | ForEach-Object { [pscustomobject]@{ Id = $_.FullyQualifiedErrorId; Category = "$($_.CategoryInfo.Category)"; Action = $_.ErrorDetails.RecommendedAction; Text = "$_" } })
})
'@)
        $run.ExitCode | Should -Be 0 -Because $run.Output
        $run.Result.Results | Should -HaveCount 2
        ($run.Result.Results | Where-Object Channel -eq 'Teams').Status | Should -Be 'Failed'
        ($run.Result.Results | Where-Object Channel -eq 'Teams').ErrorId | Should -Be 'FastTrack.ReportSend.WebhookFailed'
        ($run.Result.Results | Where-Object Channel -eq 'Mail').Status | Should -Be 'Sent'
        $run.Result.Errors | Should -HaveCount 1
        $run.Result.Errors[0].Id | Should -BeLike 'FastTrack.ReportSend.WebhookFailed,*'
        $run.Result.Errors[0].Category | Should -Be 'ResourceUnavailable'
        $run.Result.Errors[0].Action | Should -Not -BeNullOrEmpty
        $run.Result.Errors[0].Text | Should -Not -Match ([regex]::Escape($script:Marker))
        (Invoke-EmulatorControl $script:Emulator 'mail').sent | Should -HaveCount 1
    }
}

Describe 'SendReport_04 mail without Mail.Send' {
    It 'SendReport_04_ForbiddenMailNamesMailSend' {
        Reset-Receivers
        $token = New-Token $script:ReadRoles
        $run = Invoke-FreshPwsh -Environment @{ FT_GRAPH = $script:Emulator.HttpUrl; FT_TOKEN = $token; FT_FROM = $script:From } -Script ($script:Prelude + "`n" + @'
$results = $a | Send-FastTrackReport -From $env:FT_FROM -To 'it-team@contosodemo.com' -ErrorVariable problems -ErrorAction SilentlyContinue
Write-TestResult ([pscustomobject]@{
    Status = "$($results.Status)"
    Errors = @($problems | ForEach-Object { [pscustomobject]@{ Id = $_.FullyQualifiedErrorId; Category = "$($_.CategoryInfo.Category)"; Text = "$_" } })
})
'@)
        $run.ExitCode | Should -Be 0 -Because $run.Output
        $run.Result.Status | Should -Be 'Failed'
        $run.Result.Errors | Should -HaveCount 1
        $run.Result.Errors[0].Id | Should -BeLike 'FastTrack.ReportSend.MailPermissionMissing,*'
        $run.Result.Errors[0].Category | Should -Be 'PermissionDenied'
        $run.Result.Errors[0].Text | Should -Match 'Mail\.Send'
        (Invoke-EmulatorControl $script:Emulator 'mail').sent | Should -HaveCount 0
    }
}

Describe 'SendReport_05 mail without a connection' {
    It 'SendReport_05_NotConnectedFailsMailOnlyAndTeamsIsStillSent' {
        Reset-Receivers
        $token = New-Token $script:ReadRoles
        $run = Invoke-FreshPwsh -Environment @{ FT_GRAPH = $script:Emulator.HttpUrl; FT_TOKEN = $token; FT_WEBHOOK = $script:Emulator.TeamsWebhookUrl; FT_FROM = $script:From } -Script ($script:Prelude + "`n" + @'
Disconnect-FastTrackTenant
$secure = ConvertTo-SecureString $env:FT_WEBHOOK -AsPlainText -Force
$results = $a | Send-FastTrackReport -TeamsWebhookUrl $secure -From $env:FT_FROM -To 'it-team@contosodemo.com' -ErrorVariable problems -ErrorAction SilentlyContinue
Write-TestResult ([pscustomobject]@{
    Results = @($results | ForEach-Object { [pscustomobject]@{ Channel = "$($_.Channel)"; Status = "$($_.Status)"; ErrorId = $_.ErrorId } })
    Errors = @($problems | ForEach-Object { $_.FullyQualifiedErrorId })
})
'@)
        $run.ExitCode | Should -Be 0 -Because $run.Output
        ($run.Result.Results | Where-Object Channel -eq 'Teams').Status | Should -Be 'Sent'
        ($run.Result.Results | Where-Object Channel -eq 'Mail').Status | Should -Be 'Failed'
        ($run.Result.Results | Where-Object Channel -eq 'Mail').ErrorId | Should -Be 'FastTrack.NotConnected'
        $run.Result.Errors | Should -HaveCount 1
        $run.Result.Errors[0] | Should -BeLike 'FastTrack.NotConnected,*'
        Get-Cards | Should -HaveCount 1
        (Invoke-EmulatorControl $script:Emulator 'mail').sent | Should -HaveCount 0
    }
}
