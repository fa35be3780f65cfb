<#
  Collection at scale (DESIGN §7, issue 3): a synthetic tenant of 100k users, 50k devices, 20k groups
  and 5k service principals plus the configuration objects, served by the emulator with 100 ms of
  latency on every request. Ours: the module in a fresh pwsh (Invoke-FastTrackAssessment, all
  checks). Naive: sequential, unbatched, Graph SDK models with PageIterator (tests/Bench/NaiveCollector),
  reading the same datasets. Round trips come from the emulator's request log.
#>
param(
    [Parameter(Mandatory)][string] $ModulePath,
    [Parameter(Mandatory)][string] $EmulatorPath,
    [Parameter(Mandatory)][string] $Root,
    [string] $Scale = 'users=100000,devices=50000,groups=20000,servicePrincipals=5000,seed=1,tenantId=5e5e0001-0000-4000-8000-00000000beec',
    [int] $LatencyMs = 100
)
$ErrorActionPreference = 'Stop'
Import-Module (Join-Path $Root 'tests/Common/GraphEmulator.psm1') -Force
$tenantId = '5e5e0001-0000-4000-8000-00000000beec'
$clientId = '0a770001-0000-4000-8000-000000000001'
$secret = 'demo-secret-not-for-production'
$perObject = '^/?(v1\.0|beta)/(users|groups|servicePrincipals|deviceManagement/managedDevices)/[0-9a-fA-F-]{36}'

Write-Host "== Collection at scale ($Scale, $LatencyMs ms per request)" -ForegroundColor Cyan
$emulator = Start-GraphEmulator -EmulatorPath $EmulatorPath -Arguments @('--synthetic', $Scale, '--latency-ms', "$LatencyMs") -ReadyTimeoutSeconds 600
try {
    $null = Invoke-EmulatorControl $emulator 'requests' -Method Delete
    $script = Join-Path ([IO.Path]::GetTempPath()) 'ft-bench-collect.ps1'
    Set-Content $script @"
`$ErrorActionPreference = 'Stop'
Import-Module '$ModulePath'
`$null = Connect-FastTrackTenant -TenantId $tenantId -ClientId $clientId -ClientSecret (ConvertTo-SecureString '$secret' -AsPlainText -Force) -GraphEndpoint '$($emulator.HttpUrl)' -AuthorityHost '$($emulator.HttpsUrl)'
# Every check. The per-user registration report is read as its default two-page sample (Graph allows
# identity reports 5 requests per 10 s, so all 100 pages would take minutes; -FullRegistrationReport).
`$ids = @(Get-FastTrackCheck | ForEach-Object CheckId)
`$sw = [Diagnostics.Stopwatch]::StartNew()
`$a = Invoke-FastTrackAssessment -CheckId `$ids
`$ms = `$sw.ElapsedMilliseconds
`$p = [Diagnostics.Process]::GetCurrentProcess(); `$p.Refresh()
`$retained = [int]([GC]::GetTotalMemory(`$true) / 1MB)
[pscustomobject]@{ WallMs = `$ms; PeakMB = [int](`$p.PeakWorkingSet64 / 1MB); RetainedMB = `$retained; Checks = `$ids.Count; Datasets = @(`$a.Datasets | Where-Object Collected | ForEach-Object Id); Failed = @(`$a.Datasets | Where-Object { -not `$_.Collected } | ForEach-Object { "`$(`$_.Id): `$(`$_.Detail)" }); Items = (`$a.Datasets | Measure-Object ItemCount -Sum).Sum } | ConvertTo-Json -Compress
"@
    $env:SSL_CERT_FILE = $emulator.CaCertificatePath
    # Warm-up, not measured: the emulator builds its per-query match lists on first use. The naive run
    # has always met a warm emulator (it runs second); this gives ours the same.
    $null = & ([Environment]::ProcessPath) (Join-Path $PSHOME 'pwsh.dll') -NoProfile -NonInteractive -File $script
    function Invoke-Ours {
        # Graph's identity-report limit (5 requests / 10 s) is per tenant: let the previous run's window pass.
        Start-Sleep -Seconds 11
        $null = Invoke-EmulatorControl $emulator 'requests' -Method Delete
        $text = & ([Environment]::ProcessPath) (Join-Path $PSHOME 'pwsh.dll') -NoProfile -NonInteractive -File $script
        [pscustomobject]@{ Result = ($text | Select-Object -Last 1) | ConvertFrom-Json; Log = Invoke-EmulatorControl $emulator 'requests' }
    }
    # Issue 15: the emulator answers as real Intune by default (an unsupported $filter is dropped and
    # every item comes back); then as before (every filter honoured). The budgets below are the first run's.
    $real = Invoke-Ours
    $null = Invoke-EmulatorControl $emulator 'intuneFilters' -Method Post -Body @{ mode = 'honour' }
    $honoured = Invoke-Ours
    $null = Invoke-EmulatorControl $emulator 'intuneFilters' -Method Post -Body @{ mode = 'ignore' }
    $ours = $real.Result
    $oursLog = $real.Log
    $oursPerObject = @($oursLog.requests | Where-Object { $_.path -match $perObject }).Count

    $null = Invoke-EmulatorControl $emulator 'requests' -Method Delete
    $naiveDll = Join-Path $Root 'tests/Bench/NaiveCollector/bin/Release/net10.0/NaiveCollector.dll'
    $naiveText = & dotnet $naiveDll $emulator.HttpUrl $emulator.HttpsUrl $tenantId $clientId $secret @($ours.Datasets) 2>&1
    $naiveLine = $naiveText | Where-Object { "$_" -like 'NAIVE *' } | Select-Object -Last 1
    if (-not $naiveLine) { throw "The naive collector failed: $($naiveText -join "`n")" }
    $naive = @{}; foreach ($pair in ("$naiveLine".Substring(6) -split ' ')) { $k, $v = $pair -split '='; $naive[$k] = [long]$v }
    $naiveLog = Invoke-EmulatorControl $emulator 'requests'
    $naivePerObject = @($naiveLog.requests | Where-Object { $_.path -match $perObject }).Count
}
finally {
    Remove-Item Env:\SSL_CERT_FILE -ErrorAction SilentlyContinue
    $emulator | Stop-GraphEmulator
}

function Verdict([double] $value, [double] $budget) { if ($value -le $budget) { "PASS (budget $budget)" } else { "OVER (budget $budget)" } }
'{0,-36} {1,12} {2,12}   {3}' -f 'figure', 'ours', 'naive', 'target'
'{0,-36} {1,12} {2,12}   {3}' -f 'Graph round trips', $oursLog.graphRequests, $naiveLog.graphRequests, (Verdict $oursLog.graphRequests 200)
'{0,-36} {1,12} {2,12}   {3}' -f 'per-object requests', $oursPerObject, $naivePerObject, (Verdict $oursPerObject 0)
'{0,-36} {1,12:N0} {2,12:N0}   {3}' -f 'wall time (ms)', $ours.WallMs, $naive.wallMs, (Verdict $ours.WallMs 6000)
'{0,-36} {1,12} {2,12}   {3}' -f 'peak working set (MB)', $ours.PeakMB, $naive.peakWorkingSetMB, (Verdict $ours.PeakMB 300)
"checks run: $($ours.Checks) (all; the registration report as its default 1,997-row sample)"
"managed heap retained after the run (ours): $($ours.RetainedMB) MB"
"datasets read by ours: $($ours.Datasets.Count) ($($ours.Datasets -join ', ')); items $($ours.Items)"
if ($ours.Failed) { "not read by ours: $($ours.Failed -join '; ')" }
"naive: $($naive.items) SDK objects kept, $($naive.failures) failed reads"

# Devices: one unsharded stream is ceil(devices / 1000) pages; a shard probe is a filtered first page (no skiptoken).
$deviceCount = [int](([regex]::Match($Scale, 'devices=(\d+)')).Groups[1].Value)
$stream = [math]::Ceiling($deviceCount / 1000)
function Get-DeviceFigures($run) {
    $devices = @($run.Log.requests | Where-Object { $_.path -eq '/v1.0/deviceManagement/managedDevices' })
    $probes = @($devices | Where-Object { $_.query -match 'filter' -and $_.query -notmatch 'skiptoken' }).Count
    [pscustomobject]@{ Requests = $devices.Count; Probes = $probes; Filtered = @($devices | Where-Object { $_.query -match 'filter' }).Count; WallMs = $run.Result.WallMs; Budget = $stream + $probes }
}
$figures = [ordered]@{ 'Intune filters ignored (as real Intune)' = Get-DeviceFigures $real; 'Intune filters honoured (as before)' = Get-DeviceFigures $honoured }
'{0,-40} {1,16} {2,10} {3,14} {4,10}' -f 'emulator mode', 'device requests', 'probes', 'filtered reqs', 'wall ms'
foreach ($k in $figures.Keys) { $f = $figures[$k]; '{0,-40} {1,16} {2,10} {3,14} {4,10:N0}' -f $k, $f.Requests, $f.Probes, $f.Filtered, $f.WallMs }
"Graph round trips with filters honoured: $($honoured.Log.graphRequests); peak $($honoured.Result.PeakMB) MB"
# A run that read no devices (it failed) passes nothing.
$pass = @($figures.Values | Where-Object { $_.Requests -eq 0 -or $_.Requests -gt $_.Budget }).Count -eq 0
$detail = ($figures.Keys | ForEach-Object { $f = $figures[$_]; "$($_.Split(' ')[2]): $($f.Requests) <= $stream + $($f.Probes)" }) -join '; '
"device requests <= one unsharded stream + one batch: $(if ($pass) { 'PASS' } else { 'FAIL' }) ($detail)"
