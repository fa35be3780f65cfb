<#
.SYNOPSIS
    Azure Automation runbook: assesses the tenant with the Automation account's managed identity.
.DESCRIPTION
    Connects with Connect-FastTrackTenant -Identity (system-assigned, or user-assigned with
    -IdentityClientId), runs Invoke-FastTrackAssessment without any prompt, writes the check
    results to the output stream (one object per check, for the job's output and for callers
    such as Start-AzAutomationRunbook | Get-AzAutomationJobOutput) and writes the report to
    -OutputPath.

    The report is written with Export-FastTrackReport when the installed module has it (HTML and
    JSON). With a module that predates it, the runbook saves the assessment's snapshot
    (-SnapshotPath, for offline re-evaluation) and the results as JSON instead, and says so in a
    warning.

    With -HistoryContainerUrl the run is recorded in an Azure Blob Storage container (Automation jobs
    keep no disk between runs), and the report shows the progress across the recorded runs and the
    review agenda. The container is read and written with the managed identity (grant it Storage
    Blob Data Contributor on the container), or with a SAS kept in an encrypted Automation variable
    (-HistorySasVariable). With -TeamsWebhookVariable and/or -MailFrom/-MailTo the summary is sent
    with Send-FastTrackReport: to Teams (the webhook URL, a secret, is read from an encrypted
    Automation variable and never written anywhere) and by mail through Graph (the identity needs
    Mail.Send). Scheduled weekly, this is the Remediate phase's review with no hands on it.

    Import the FastTrack.Onboarding module (build.ps1 -Task Package) into the Automation account,
    give the account's managed identity the Microsoft Graph application permissions that
    Get-FastTrackCheck lists, and schedule this runbook. Azure Automation keeps files only for the
    job's lifetime: copy the report to a storage account in a step after this one if you need it later.
.PARAMETER OutputPath
    The folder for the report files; defaults to the job's temporary folder.
.PARAMETER Environment
    The Microsoft cloud: Global, USGov, USGovDoD or China.
.PARAMETER GraphEndpoint
    A Microsoft Graph endpoint other than the cloud's (a proxy, or the test emulator).
.PARAMETER IdentityClientId
    The client id of a user-assigned managed identity; the system-assigned identity when omitted.
.PARAMETER Phase
    Only these FastTrack phases (Initiate, Assess, Remediate, Enable); all when omitted.
.PARAMETER HistoryContainerUrl
    https://<account>.blob.core.windows.net/<container> (no SAS in it): where the runs are recorded.
.PARAMETER HistorySasVariable
    The name of an encrypted Automation variable holding the container's SAS token (sv=...&sig=...);
    without it the managed identity is used.
.PARAMETER TeamsWebhookVariable
    The name of an encrypted Automation variable holding the Teams incoming-webhook / Workflows URL.
.PARAMETER MailFrom
    The mailbox the summary mail is sent from (the identity needs Mail.Send).
.PARAMETER MailTo
    The recipients of the summary mail.
.EXAMPLE
    ./Invoke-FastTrackAssessmentRunbook.ps1 -OutputPath $env:TEMP
.EXAMPLE
    Start-AzAutomationRunbook -AutomationAccountName ft -ResourceGroupName rg -Name Invoke-FastTrackAssessmentRunbook -Parameters @{ HistoryContainerUrl = 'https://contosoft.blob.core.windows.net/fasttrack-history'; TeamsWebhookVariable = 'FastTrackTeamsWebhook' }
.EXAMPLE
    Start-AzAutomationRunbook -AutomationAccountName ft -ResourceGroupName rg -Name Invoke-FastTrackAssessmentRunbook -Parameters @{ Environment = 'USGov' }
#>
[CmdletBinding()]
[OutputType('FastTrack.Onboarding.Model.Assessment.CheckResult')]
param(
    [string] $OutputPath = [IO.Path]::GetTempPath(),

    [ValidateSet('Global', 'USGov', 'USGovDoD', 'China')]
    [string] $Environment = 'Global',

    [uri] $GraphEndpoint,

    [string] $IdentityClientId,

    [ValidateSet('Initiate', 'Assess', 'Remediate', 'Enable')]
    [string[]] $Phase,

    [uri] $HistoryContainerUrl,

    [string] $HistorySasVariable,

    [string] $TeamsWebhookVariable,

    [string] $MailFrom,

    [string[]] $MailTo
)

# A runbook must fail loudly: any error ends the job as Failed rather than writing a partial report.
$ErrorActionPreference = 'Stop'
# Progress records are noise in a job's streams and slow Azure Automation down.
$ProgressPreference = 'SilentlyContinue'
Set-StrictMode -Version 3

Import-Module FastTrack.Onboarding

$connect = @{ Identity = $true; Environment = $Environment }
if ($IdentityClientId) { $connect.ClientId = $IdentityClientId }
if ($GraphEndpoint) { $connect.GraphEndpoint = $GraphEndpoint }
$connection = Connect-FastTrackTenant @connect
Write-Verbose "Connected to $($connection.TenantName) ($($connection.TenantId)) as $($connection.Account)."

$null = New-Item -ItemType Directory -Force -Path $OutputPath
# One file name per tenant and run, so reports of several runs and tenants never overwrite each other.
$stem = Join-Path $OutputPath ('FastTrack-{0}-{1:yyyyMMdd-HHmmss}' -f $connection.TenantId, [DateTime]::UtcNow)

$assess = @{ Connection = $connection }
if ($Phase) { $assess.Phase = $Phase }
$history = $null
if ($HistoryContainerUrl) {
    if ($HistoryContainerUrl.Query) { throw 'Pass -HistoryContainerUrl without a SAS: keep the SAS in an encrypted Automation variable named by -HistorySasVariable.' }
    # The SAS comes from an encrypted variable (Get-AutomationVariable exists only inside Automation jobs) and is never printed.
    $history = if ($HistorySasVariable) { '{0}?{1}' -f $HistoryContainerUrl.AbsoluteUri.TrimEnd('/'), (Get-AutomationVariable -Name $HistorySasVariable).TrimStart('?') } else { $HistoryContainerUrl.AbsoluteUri.TrimEnd('/') }
    $assess.HistoryPath = $history
}

if (Get-Command Export-FastTrackReport -ErrorAction SilentlyContinue) {
    $assessment = Invoke-FastTrackAssessment @assess
    $export = @{ InputObject = $assessment; Force = $true }
    if ($history) { $export.HistoryPath = $history }
    foreach ($format in 'Html', 'Json') {
        $null = Export-FastTrackReport @export -Format $format -Path "$stem.$($format.ToLowerInvariant())"
    }
    $reports = "$stem.html", "$stem.json"
}
else {
    Write-Warning 'This FastTrack.Onboarding version has no Export-FastTrackReport: writing the snapshot and the results as JSON instead.'
    $assessment = Invoke-FastTrackAssessment @assess -SnapshotPath "$stem.snapshot.json" -Force
    # Statuses as words, not numbers, where ConvertTo-Json can (PowerShell 7; the 5.1 runtime writes numbers).
    $json = @{ Depth = 8 }
    if ((Get-Command ConvertTo-Json).Parameters.ContainsKey('EnumsAsStrings')) { $json.EnumsAsStrings = $true }
    $assessment | ConvertTo-Json @json | Set-Content -Path "$stem.json" -Encoding utf8
    $reports = "$stem.snapshot.json", "$stem.json"
}

if ($TeamsWebhookVariable -or $MailFrom -or $MailTo) {
    $send = @{ InputObject = $assessment; Confirm = $false }
    if ($history) { $send.HistoryPath = $history }
    if ($TeamsWebhookVariable) { $send.TeamsWebhookUrl = ConvertTo-SecureString (Get-AutomationVariable -Name $TeamsWebhookVariable) -AsPlainText -Force }
    if ($MailFrom -or $MailTo) { $send.From = $MailFrom; $send.To = $MailTo }
    foreach ($delivery in Send-FastTrackReport @send) {
        # Information, not output: one line per channel, naming no URL.
        Write-Information -MessageData "Summary $($delivery.Status) via $($delivery.Channel) ($($delivery.Destination))" -InformationAction Continue
    }
}

$coverage = $assessment.Coverage
Write-Verbose ('{0}: {1} of {2} checks assessed with {3} Graph requests. Report: {4}' -f $assessment.TenantName, $coverage.Assessed, $coverage.Total, $assessment.GraphRequests, ($reports -join ', '))
# Information, not output: the output stream carries only the result objects.
Write-Information -MessageData "Report written: $($reports -join ', ')" -InformationAction Continue

$assessment.Results
