<#
  Issue 14, build.ps1 -Task Bench -Scenario Million: the whole assessment (every check) against synthetic
  tenants of 100k, 300k and 1M users (users : devices : groups : service principals = 1M : 500k : 200k : 50k,
  plus the configuration objects), 100 ms per request, Graph's per-area limits enforced by the emulator.
  Ours and the baseline (today's code, built from -BaselineRef into a temporary git worktree, or the module
  FASTTRACK_BENCH_BASELINE names, as Bench.Demo.ps1 reads it) each run in a fresh pwsh against a fresh emulator.
  One line per run: peak working set, Graph round trips beside their floor (computed below), wall time; then the
  offline re-evaluation of the snapshot that run saved. At -ResumeUsers, Resume/Measure-Resume.ps1 kills runs part-way
  against the same emulator and starts them again with -Resume (it starts its own processes: it must kill them).
#>
param(
    [Parameter(Mandatory)][string] $ModulePath,
    [Parameter(Mandatory)][string] $EmulatorPath,
    [Parameter(Mandatory)][string] $Root,
    # Scales in users; "100000,300000" works from pwsh -File too.
    [string[]] $Users = @('100000', '300000', '1000000'),
    [int] $LatencyMs = 100,
    [string] $BaselineRef = '2c2fb84',
    [switch] $NoBaseline,
    # The scale at which Resume/Measure-Resume.ps1 kills runs at 25, 50 and 90% of their requests (0 = not measured).
    [int] $ResumeUsers = 1000000
)
$ErrorActionPreference = 'Stop'
$Users = @($Users | ForEach-Object { $_ -split ',' } | ForEach-Object { [int]$_ })
Import-Module (Join-Path $Root 'tests/Common/GraphEmulator.psm1') -Force
$tenantId = '5e5e0001-0000-4000-8000-00000000beec'
$clientId = '0a770001-0000-4000-8000-000000000001'
$secret = 'demo-secret-not-for-production'
# Budgets at 1M (issue 14); printed beside every line.
$budgetPeakMB = 400; $budgetRoundTripRatio = 1.1; $budgetWallMs = 60000
# The enumerated large collections and Graph's documented page maxima (ResourceClass.DefaultPageCap: directory
# 999, Intune 1000). A $batch carries at most 20 requests (Graph's limit; BatchHandler enforces it).
$large = [ordered]@{ users = 999; groups = 999; servicePrincipals = 999; 'deviceManagement/managedDevices' = 1000 }
$batchSteps = 20

function Get-ScaleCounts([int] $N) {
    # The issue's ratios; the generator's minimums (16 groups, 12 service principals) hold from 100 users up.
    [ordered]@{ users = $N; devices = [int]($N / 2); groups = [int]($N / 5); servicePrincipals = [int]($N / 20) }
}

function Start-ScaleEmulator([int] $N, [int] $Latency = $LatencyMs) {
    $c = Get-ScaleCounts $N
    $spec = "users=$($c.users),devices=$($c.devices),groups=$($c.groups),servicePrincipals=$($c.servicePrincipals)" +
        ",seed=1,tenantId=$tenantId"
    $sw = [Diagnostics.Stopwatch]::StartNew()
    $emulator = Start-GraphEmulator -EmulatorPath $EmulatorPath -Arguments @('--synthetic', $spec, '--latency-ms', "$Latency") `
        -ReadyTimeoutSeconds 900
    $emulator | Add-Member StartMs $sw.ElapsedMilliseconds
    $emulator.Process.Refresh()
    $emulator | Add-Member StartWorkingSetMB ([int]($emulator.Process.WorkingSet64 / 1MB))
    $emulator | Add-Member Counts $c
    $emulator
}

function Invoke-FreshPwsh([string] $Text) {
    # Runs a script in a fresh pwsh (its PeakWorkingSet64 is then the script's alone, module load included); the script
    # prints its figures as one JSON line, the last line starting with '{'.
    $script = Join-Path ([IO.Path]::GetTempPath()) ("ft-bench-scale-" + [guid]::NewGuid().ToString('N') + '.ps1')
    Set-Content $script $Text
    try {
        $text = & ([Environment]::ProcessPath) (Join-Path $PSHOME 'pwsh.dll') -NoProfile -NonInteractive -File $script 2>&1
        $exit = $LASTEXITCODE
        $json = $text | Where-Object { "$_" -like '{*' } | Select-Object -Last 1
        $result = if ($exit -eq 0 -and $json) { $json | ConvertFrom-Json } else { $null }
        [pscustomobject]@{
            Result = $result
            Error = if ($null -eq $result) { "exit $exit; " + (($text | Select-Object -Last 3) -join ' | ') } else { $null }
        }
    }
    finally { Remove-Item $script -ErrorAction SilentlyContinue }
}

function Invoke-ModuleRun($Emulator, [string] $Module, [string] $SnapshotPath) {
    $snapshotArg = if ($SnapshotPath) { "-SnapshotPath '$SnapshotPath'" } else { '' }
    $text = @"
`$ErrorActionPreference = 'Stop'
Import-Module '$Module'
`$null = Connect-FastTrackTenant -TenantId $tenantId -ClientId $clientId -ClientSecret (ConvertTo-SecureString '$secret' -AsPlainText -Force) -GraphEndpoint '$($Emulator.HttpUrl)' -AuthorityHost '$($Emulator.HttpsUrl)'
`$ids = @(Get-FastTrackCheck | ForEach-Object CheckId)
`$sw = [Diagnostics.Stopwatch]::StartNew()
`$a = Invoke-FastTrackAssessment -CheckId `$ids $snapshotArg
`$ms = `$sw.ElapsedMilliseconds
`$p = [Diagnostics.Process]::GetCurrentProcess(); `$p.Refresh()
[pscustomobject]@{ WallMs = `$ms; PeakMB = [int](`$p.PeakWorkingSet64 / 1MB); Failed = @(`$a.Datasets | Where-Object { -not `$_.Collected } | ForEach-Object Id) } | ConvertTo-Json -Compress
"@
    $env:SSL_CERT_FILE = $Emulator.CaCertificatePath
    try {
        $null = Invoke-EmulatorControl $Emulator 'requests' -Method Delete
        $sw = [Diagnostics.Stopwatch]::StartNew()
        $run = Invoke-FreshPwsh $text
        $outer = $sw.ElapsedMilliseconds
        $log = Invoke-EmulatorControl $Emulator 'requests'
        $size = if ($SnapshotPath -and (Test-Path $SnapshotPath)) { (Get-Item $SnapshotPath).Length } else { $null }
        [pscustomobject]@{
            Ok = $null -ne $run.Result; Result = $run.Result; Log = $log; OuterMs = $outer; SnapshotBytes = $size; Error = $run.Error
        }
    }
    finally { Remove-Item Env:\SSL_CERT_FILE -ErrorAction SilentlyContinue }
}

function Invoke-OfflineRun([string] $Module, [string] $SnapshotPath) {
    # Offline re-evaluation (-FromSnapshot) of the snapshot a run saved, in a fresh pwsh: no Graph, its own peak.
    $run = Invoke-FreshPwsh @"
`$ErrorActionPreference = 'Stop'
Import-Module '$Module'
`$sw = [Diagnostics.Stopwatch]::StartNew()
`$a = Invoke-FastTrackAssessment -CheckId @(Get-FastTrackCheck | ForEach-Object CheckId) -FromSnapshot '$SnapshotPath'
`$ms = `$sw.ElapsedMilliseconds
`$p = [Diagnostics.Process]::GetCurrentProcess(); `$p.Refresh()
[pscustomobject]@{ WallMs = `$ms; PeakMB = [int](`$p.PeakWorkingSet64 / 1MB); Results = @(`$a.Results).Count } | ConvertTo-Json -Compress
"@
    if ($run.Result) { $run.Result } else { [pscustomobject]@{ Error = $run.Error } }
}

function Format-OfflineLine([string] $Label, [int] $N, $Offline) {
    $prefix = if ($Label) { "$Label " } else { '' }
    if ($Offline.Error) { return "${prefix}offline $N users (-FromSnapshot): FAILED ($($Offline.Error))" }
    $verdict = if ($Offline.PeakMB -le $budgetPeakMB) { 'PASS' } else { 'OVER' }
    "${prefix}offline $N users (-FromSnapshot): peak $($Offline.PeakMB) MB $verdict, $($Offline.Results) results, wall $($Offline.WallMs) ms"
}

function Get-RoundTripFloor($Log, $Counts) {
    # Pages: ceil(N / page maximum) per large collection the run enumerated. Configuration reads: counted from the
    # request log (not typed in): the distinct GET reads (path + query) outside the large collections and the $batch
    # envelope, each needed once. Reads the run sent inside $batch (pages of a collection whose requests it batched,
    # batched configuration reads) share batches of 20 in one pool: ceil(pool / 20).
    $n = @{ users = $Counts.users; groups = $Counts.groups; servicePrincipals = $Counts.servicePrincipals
        'deviceManagement/managedDevices' = $Counts.devices }
    $requests = @($Log.requests)
    $pages = 0; $pool = 0
    foreach ($k in $large.Keys) {
        $own = @($requests | Where-Object { $_.path -match "^/(v1\.0|beta)/$([regex]::Escape($k))$" })
        if ($own.Count -eq 0) { continue }
        $p = [math]::Ceiling($n[$k] / $large[$k])
        # Batched = its continuation pages (those after a nextLink, '$skiptoken') went in $batch. Intune's nextLinks cannot
        # (docs/graph-notes.md, 'Batching: Intune nextLinks'): a first page or probe in a batch does not make the rest batchable.
        $continued = @($own | Where-Object { $_.inBatch -and "$($_.query)" -match '\$skiptoken=' })
        if ($continued.Count -gt 0) { $pool += $p } else { $pages += $p }
    }
    $collectionPages = $pages + $pool
    $largePattern = '^/(v1\.0|beta)/(' + (($large.Keys | ForEach-Object { [regex]::Escape($_) }) -join '|') + ')$'
    $config = @($requests | Where-Object { $_.path -notmatch $largePattern -and $_.path -notmatch '/\$batch$' -and $_.method -eq 'GET' })
    $plain = @($config | Where-Object { -not $_.inBatch } | ForEach-Object { "$($_.path)?$($_.query)" } | Sort-Object -Unique).Count
    $batched = @($config | Where-Object inBatch | ForEach-Object { "$($_.path)?$($_.query)" } | Sort-Object -Unique).Count
    [pscustomobject]@{
        Floor = $pages + $plain + [math]::Ceiling(($pool + $batched) / $batchSteps)
        Pages = $collectionPages; Alone = $pages; ConfigReads = $plain + $batched; Batched = $pool + $batched
    }
}

function Format-ScaleLine([string] $Label, [int] $N, $Run) {
    $prefix = if ($Label) { "$Label " } else { '' }
    if (-not $Run.Ok) { return "${prefix}scale $N users: FAILED ($($Run.Error)); round trips $($Run.Log.graphRequests) before it ended" }
    $floor = Get-RoundTripFloor $Run.Log $Run.Counts
    $r = $Run.Log.graphRequests
    function V([bool] $ok) { if ($ok) { 'PASS' } else { 'OVER' } }
    $line = "${prefix}scale $N users: peak $($Run.Result.PeakMB) MB $(V ($Run.Result.PeakMB -le $budgetPeakMB)), " +
        "round trips $r (floor $($floor.Floor)) $(V ($r -le $budgetRoundTripRatio * $floor.Floor)), " +
        "wall $($Run.Result.WallMs) ms $(V ($Run.Result.WallMs -le $budgetWallMs))"
    $extra = "    floor from $($floor.Pages) collection pages ($($floor.Alone) of them in collections whose nextLinks " +
        "this run sent alone, counted one each: Intune's cannot ride in `$batch) + $($floor.ConfigReads) configuration " +
        "reads ($($floor.Batched) pages and reads sent in `$batch by this run, counted 20 per request)"
    if ($null -ne $Run.SnapshotBytes) { $extra += "; snapshot $([math]::Round($Run.SnapshotBytes / 1MB, 1)) MB" }
    if ($Run.Result.Failed) { $extra += "; not collected: $($Run.Result.Failed -join ', ')" }
    $line; $extra
}

function Get-BaselineModule {
    if ($env:FASTTRACK_BENCH_BASELINE) { return [pscustomobject]@{ Path = $env:FASTTRACK_BENCH_BASELINE; Worktree = $null } }
    $tree = Join-Path ([IO.Path]::GetTempPath()) ("ft-baseline-" + [guid]::NewGuid().ToString('N'))
    $null = git -C $Root worktree add --detach $tree $BaselineRef 2>&1
    if ($LASTEXITCODE -ne 0) { throw "git worktree add $BaselineRef failed" }
    $null = & dotnet pwsh (Join-Path $tree 'build.ps1') -Task Build 2>&1
    if ($LASTEXITCODE -ne 0) { throw "Building the baseline ($BaselineRef) failed" }
    [pscustomobject]@{ Path = (Join-Path $tree 'out/FastTrack.Onboarding/FastTrack.Onboarding.psd1'); Worktree = $tree }
}

function Invoke-Scale([int] $N, [System.Collections.Specialized.OrderedDictionary] $Modules) {
    $emulator = Start-ScaleEmulator $N
    try {
        "emulator at $N users: ready in $($emulator.StartMs) ms, working set $($emulator.StartWorkingSetMB) MB"
        foreach ($label in $Modules.Keys) {
            # Graph's identity-report window (5 requests per 10 s) is per tenant: let the previous run's pass.
            Start-Sleep -Seconds 11
            $snapshot = Join-Path ([IO.Path]::GetTempPath()) ("ft-bench-scale-" + [guid]::NewGuid().ToString('N') + '.json')
            $run = Invoke-ModuleRun $emulator $Modules[$label] $snapshot
            $run | Add-Member Counts $emulator.Counts
            $script:peaks["$label|$N"] = if ($run.Ok) { $run.Result.PeakMB } else { $null }
            $shown = if ($label -eq 'ours') { '' } else { $label }
            Format-ScaleLine $shown $N $run
            if ($run.Ok -and (Test-Path $snapshot)) { Format-OfflineLine $shown $N (Invoke-OfflineRun $Modules[$label] $snapshot) }
            Remove-Item $snapshot -ErrorAction SilentlyContinue
        }
        if ($N -eq $ResumeUsers) {
            "resume at $N users (ours; SIGKILL at 25, 50 and 90% of the uninterrupted run's requests, then -Resume):"
            & (Join-Path $PSScriptRoot 'Resume/Measure-Resume.ps1') -ModulePath $ModulePath -Emulator $emulator -TenantId $tenantId
        }
    }
    finally { $emulator | Stop-GraphEmulator }
}

Write-Host "== Scale ($($Users -join ', ') users; $LatencyMs ms per request; Graph's per-area limits enforced)" -ForegroundColor Cyan
$modules = [ordered]@{ ours = $ModulePath }
$baseline = $null
if (-not $NoBaseline) {
    try { $baseline = Get-BaselineModule; $modules['baseline'] = $baseline.Path }
    catch { "baseline: not measured ($($_.Exception.Message))" }
}
$script:peaks = @{}
try {
    foreach ($n in $Users) { Invoke-Scale $n $modules }
}
finally {
    if ($baseline.Worktree) { $null = git -C $Root worktree remove --force $baseline.Worktree 2>&1 }
}
# Sub-linear memory: peak(largest) / peak(smallest) beside the users' ratio.
$lo = ($Users | Measure-Object -Minimum).Minimum; $hi = ($Users | Measure-Object -Maximum).Maximum
foreach ($label in $modules.Keys) {
    $a = $script:peaks["$label|$lo"]; $b = $script:peaks["$label|$hi"]
    if ($lo -eq $hi -or -not $a -or -not $b) { "${label}: memory growth not measured (a run failed or one scale only)"; continue }
    $ratio = [math]::Round($b / $a, 2)
    $verdict = if ($ratio -lt $hi / $lo) { 'sub-linear' } else { 'linear or worse' }
    "${label}: peak($hi)/peak($lo) = $ratio vs users ratio $($hi / $lo): $verdict"
}
