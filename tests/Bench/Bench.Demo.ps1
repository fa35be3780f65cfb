<#
  The demo tenant (DESIGN §7 "small tenant ≤ 3 s", issue 14): the whole assessment on loopback, no
  latency, with Graph's per-area limits enforced by the emulator. Prints the wall time, the Graph round
  trips, the 429s the run drew (must be 0: a run that is fast because it ignores Graph's limits proves
  nothing) and where the time went: the collector's own account of its waits at the pacing gates.
  Set FASTTRACK_BENCH_BASELINE to another build's FastTrack.Onboarding.psd1 to print it beside ours, and
  FASTTRACK_BENCH_BASELINE_EMULATOR to that build's GraphEmulator.dll to measure it against its own emulator
  and demo tenant as well (the tenant's fixture may differ between the builds; both figures are printed).
#>
param(
    [Parameter(Mandatory)][string] $ModulePath,
    [Parameter(Mandatory)][string] $EmulatorPath,
    [Parameter(Mandatory)][string] $Root
)
$ErrorActionPreference = 'Stop'
Import-Module (Join-Path $Root 'tests/Common/GraphEmulator.psm1') -Force
$tenantId = '7e0a0001-0000-4000-8000-000000000001'
$clientId = '0a770001-0000-4000-8000-000000000001'
$identityReports = '^/(v1\.0|beta)/(auditLogs|reports/authenticationMethods)/'
$conditionalAccess = '^/(v1\.0|beta)/(identity/conditionalAccess|identityProtection)/'

function Measure-Demo([string] $Module, [string] $EmulatorDll = $EmulatorPath) {
    # A fresh emulator per measurement: Graph's per-tenant windows start empty, as for a first run of the day.
    $emulator = Start-GraphEmulator -EmulatorPath $EmulatorDll -Arguments @('--tenant-demo')
    $script = Join-Path ([IO.Path]::GetTempPath()) ("ft-bench-demo-" + [guid]::NewGuid().ToString('N') + '.ps1')
    try {
        Set-Content $script @"
`$ErrorActionPreference = 'Stop'
Import-Module '$Module'
`$null = Connect-FastTrackTenant -TenantId $tenantId -ClientId $clientId -ClientSecret (ConvertTo-SecureString 'demo-secret-not-for-production' -AsPlainText -Force) -GraphEndpoint '$($emulator.HttpUrl)' -AuthorityHost '$($emulator.HttpsUrl)'
`$sw = [Diagnostics.Stopwatch]::StartNew()
`$verbose = Invoke-FastTrackAssessment -Verbose 4>&1 | Where-Object { `$_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message
`$ms = `$sw.ElapsedMilliseconds
[pscustomobject]@{ WallMs = `$ms; Paced = @(`$verbose | Where-Object { `$_ -like 'Paced for Graph*' }) -join ' ' } | ConvertTo-Json -Compress
"@
        $env:SSL_CERT_FILE = $emulator.CaCertificatePath
        $null = Invoke-EmulatorControl $emulator 'requests' -Method Delete
        $text = & ([Environment]::ProcessPath) (Join-Path $PSHOME 'pwsh.dll') -NoProfile -NonInteractive -File $script
        $result = ($text | Select-Object -Last 1) | ConvertFrom-Json
        $log = Invoke-EmulatorControl $emulator 'requests'
        [pscustomobject]@{
            WallMs   = $result.WallMs
            Requests = $log.graphRequests
            Throttled = @($log.requests | Where-Object { $_.status -eq 429 }).Count
            # The requests in Graph's two tight areas, as the emulator counts them (AreaRateLimiter).
            IdentityReports = @($log.requests | Where-Object { $_.path -match $identityReports }).Count
            ConditionalAccess = @($log.requests | Where-Object { $_.path -match $conditionalAccess }).Count
            Paced    = if ($result.Paced) { $result.Paced } else { '(this build does not report its waits)' }
        }
    }
    finally {
        Remove-Item $script -ErrorAction SilentlyContinue
        Remove-Item Env:\SSL_CERT_FILE -ErrorAction SilentlyContinue
        $emulator | Stop-GraphEmulator
    }
}

Write-Host "== Demo tenant (whole assessment, loopback, Graph's per-area limits enforced)" -ForegroundColor Cyan
$runs = [ordered]@{ ours = Measure-Demo $ModulePath }
if ($env:FASTTRACK_BENCH_BASELINE) {
    $runs['baseline'] = Measure-Demo $env:FASTTRACK_BENCH_BASELINE
    if ($env:FASTTRACK_BENCH_BASELINE_EMULATOR) {
        $runs['baseline on its own emulator'] = Measure-Demo $env:FASTTRACK_BENCH_BASELINE $env:FASTTRACK_BENCH_BASELINE_EMULATOR
    }
}
foreach ($name in $runs.Keys) {
    $r = $runs[$name]
    $verdict = if ($r.Throttled -gt 0) { 'FAIL (drew 429s)' }
    elseif ($r.WallMs -le 3000) { 'PASS (budget 3000 ms)' }
    else { 'OVER (budget 3000 ms)' }
    '{0,-9} demo wall {1,7:N0} ms, {2} round trips, {3} answered 429   {4}' -f $name, $r.WallMs, $r.Requests, $r.Throttled, $verdict
    "          requests in Graph's tight areas: identity reports $($r.IdentityReports) (limit 5 per 10 s), " +
        "Conditional Access and Identity Protection $($r.ConditionalAccess) (limit 1 per s)"
    "          where the time went: $($r.Paced)"
}
