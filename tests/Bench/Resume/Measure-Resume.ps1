<#
  Resume after a kill (issue #14): one uninterrupted assessment with -CheckpointPath, then for each of 25%, 50% and 90%
  of its Graph requests a run killed there with SIGKILL (Process.Kill on Linux) and started again with -Resume and the
  same folder. Prints, per kill point, the requests the killed run sent, the requests the resumed run sent, how many
  were read again (killed + resumed - uninterrupted) and whether the results (every check's status, evidence and
  figures; an age computed from the clock masked) and the snapshot's records are identical to the uninterrupted run's. Round trips come from the emulator's request log. Not part of
  Test; called by Bench.Scale.ps1 (-Scenario Million) against an emulator it has started.
#>
param(
    [Parameter(Mandatory)][string] $ModulePath,
    [Parameter(Mandatory)] $Emulator,
    [Parameter(Mandatory)][string] $TenantId,
    [string] $ClientId = '0a770001-0000-4000-8000-000000000001',
    [string] $Secret = 'demo-secret-not-for-production',
    [int[]] $KillAtPercent = @(25, 50, 90)
)
$ErrorActionPreference = 'Stop'
$work = Join-Path ([IO.Path]::GetTempPath()) ("ft-bench-resume-" + [guid]::NewGuid().ToString('N'))
$null = New-Item -ItemType Directory $work
$checkpoint = Join-Path $work 'checkpoint'
$script = Join-Path $work 'run.ps1'
# Every check; the results are written as JSON (status, evidence, figures per check) to the file named by FT_RESULTS.
Set-Content $script @"
`$ErrorActionPreference = 'Stop'
Import-Module '$ModulePath'
`$null = Connect-FastTrackTenant -TenantId $TenantId -ClientId $ClientId -ClientSecret (ConvertTo-SecureString '$Secret' -AsPlainText -Force) -GraphEndpoint '$($Emulator.HttpUrl)' -AuthorityHost '$($Emulator.HttpsUrl)'
`$resume = `$env:FT_RESUME -eq '1'
`$a = Invoke-FastTrackAssessment -CheckId @(Get-FastTrackCheck | ForEach-Object CheckId) -CheckpointPath '$checkpoint' -Resume:`$resume -NoHistory -SnapshotPath `$env:FT_SNAPSHOT -Force
`$a.Results | Sort-Object CheckId | ForEach-Object { [pscustomobject]@{ Id = `$_.CheckId; Status = "`$(`$_.Status)"; Evidence = `$_.Evidence; Figures = `$_.Figures } } |
    ConvertTo-Json -Depth 6 -Compress | Set-Content `$env:FT_RESULTS
"@

function Get-Requests { (Invoke-EmulatorControl $Emulator 'requests').graphRequests }

function Start-Run([bool] $Resume, [string] $Results) {
    $info = [Diagnostics.ProcessStartInfo]::new([Environment]::ProcessPath)
    foreach ($a in @((Join-Path $PSHOME 'pwsh.dll'), '-NoProfile', '-NonInteractive', '-File', $script)) { $info.ArgumentList.Add($a) }
    $info.Environment['FT_RESUME'] = if ($Resume) { '1' } else { '0' }
    $info.Environment['FT_RESULTS'] = $Results
    $info.Environment['FT_SNAPSHOT'] = [IO.Path]::ChangeExtension($Results, '.snapshot')
    $info.Environment['SSL_CERT_FILE'] = $Emulator.CaCertificatePath
    $info.RedirectStandardOutput = $true
    $info.RedirectStandardError = $true
    [Diagnostics.Process]::Start($info)
}

function Wait-Run($Process, [string] $What) {
    $errors = $Process.StandardError.ReadToEndAsync()
    $null = $Process.StandardOutput.ReadToEnd()
    $Process.WaitForExit()
    if ($Process.ExitCode -ne 0) { throw "$What failed (exit $($Process.ExitCode)): $($errors.Result)" }
}

# The records of a saved snapshot (every section after its header line, which holds the run's own time and request count).
function Get-RecordsHash([string] $Results) {
    $file = [IO.File]::OpenRead([IO.Path]::ChangeExtension($Results, '.snapshot'))
    try {
        $gzip = [IO.Compression.GZipStream]::new($file, [IO.Compression.CompressionMode]::Decompress)
        while (($b = $gzip.ReadByte()) -ne -1 -and $b -ne 10) { }
        [Convert]::ToHexString([Security.Cryptography.SHA256]::HashData($gzip))
    }
    finally { $file.Dispose() }
}

# Results as compared: an age computed from the clock ("ran 384.2 h ago") is masked; it moves between any two runs.
function Get-Comparable([string] $Results) { (Get-Content -Raw $Results) -replace '\d+(\.\d+)? h ago', '<age> h ago' }

# Graph's identity-report limit (5 requests per 10 s per tenant) carries over between runs: let its window pass.
function Wait-Window { Start-Sleep -Seconds 11 }

try {
    Wait-Window
    $null = Invoke-EmulatorControl $Emulator 'requests' -Method Delete
    $wholeResults = Join-Path $work 'whole.json'
    $sw = [Diagnostics.Stopwatch]::StartNew()
    Wait-Run (Start-Run $false $wholeResults) 'the uninterrupted run'
    $wholeMs = $sw.ElapsedMilliseconds
    $whole = Get-Requests
    "resume: uninterrupted run {0} requests, {1:N0} ms" -f $whole, $wholeMs
    '{0,-10} {1,16} {2,16} {3,12} {4,18} {5,18}' -f 'kill at', 'killed run reqs', 'resumed reqs', 're-read', 'results identical', 'records identical'
    foreach ($percent in $KillAtPercent) {
        Wait-Window
        $null = Invoke-EmulatorControl $Emulator 'requests' -Method Delete
        $target = [math]::Ceiling($whole * $percent / 100)
        $run = Start-Run $false (Join-Path $work "killed-$percent.json")
        while (-not $run.HasExited -and (Get-Requests) -lt $target) { Start-Sleep -Milliseconds 20 }
        if ($run.HasExited) { throw "the run ended before $percent% of its requests ($target); nothing to kill" }
        $run.Kill() # SIGKILL on Linux: no finally block, no flush, no clean-up runs in the killed process
        $run.WaitForExit()
        $killed = Get-Requests
        Wait-Window
        $null = Invoke-EmulatorControl $Emulator 'requests' -Method Delete
        $resumedResults = Join-Path $work "resumed-$percent.json"
        Wait-Run (Start-Run $true $resumedResults) "the run resumed after the kill at $percent%"
        $resumed = Get-Requests
        $same = (Get-Comparable $wholeResults) -ceq (Get-Comparable $resumedResults)
        $sameRecords = (Get-RecordsHash $wholeResults) -eq (Get-RecordsHash $resumedResults)
        '{0,-10} {1,16} {2,16} {3,12} {4,18} {5,18}' -f "$percent%", $killed, $resumed, ($killed + $resumed - $whole),
            $(if ($same) { 'yes' } else { 'NO' }), $(if ($sameRecords) { 'yes' } else { 'NO' })
        if (-not $same) {
            $expected = @{}; foreach ($r in (Get-Content -Raw $wholeResults | ConvertFrom-Json)) { $expected[$r.Id] = $r | ConvertTo-Json -Depth 6 -Compress }
            foreach ($r in (Get-Content -Raw $resumedResults | ConvertFrom-Json)) {
                $got = $r | ConvertTo-Json -Depth 6 -Compress
                if ($expected[$r.Id] -cne $got) { "  differs: $($r.Id)`n    uninterrupted: $($expected[$r.Id])`n    resumed:       $got" }
            }
        }
    }
}
finally {
    Remove-Item -Recurse -Force $work -ErrorAction SilentlyContinue
}
