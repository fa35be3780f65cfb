<#
  build.ps1 -Task Bench: every figure beside the naive way, measured in the same run
  (DESIGN.md section 7). Figures are printed, never asserted by tests.
#>
param(
    [Parameter(Mandatory)][string] $ModulePath,
    [Parameter(Mandatory)][string] $EmulatorPath,
    [Parameter(Mandatory)][string] $Root,
    # Million: only Bench.Scale.ps1 (issue 14: 100k, 300k and 1M users, ours beside the baseline).
    [ValidateSet('Default', 'Million')][string] $Scenario = 'Default'
)
$ErrorActionPreference = 'Stop'
if ($Scenario -eq 'Million') {
    & (Join-Path $PSScriptRoot 'Bench.Scale.ps1') -ModulePath $ModulePath -EmulatorPath $EmulatorPath -Root $Root
    return
}

function Measure-FreshPwsh([string] $Script, [int] $Runs = 10) {
    # Each run is a new pwsh process; the script prints one number (milliseconds).
    $file = Join-Path ([IO.Path]::GetTempPath()) ("ft-bench-" + [guid]::NewGuid().ToString('N') + '.ps1')
    Set-Content $file $Script
    try {
        $values = foreach ($i in 1..$Runs) {
            $text = & ([Environment]::ProcessPath) (Join-Path $PSHOME 'pwsh.dll') -NoProfile -NonInteractive -File $file
            [double] ($text | Select-Object -Last 1)
        }
    }
    finally { Remove-Item $file -ErrorAction SilentlyContinue }
    $sorted = $values | Sort-Object
    [pscustomobject]@{ Median = $sorted[[int][math]::Floor(($sorted.Count - 1) / 2)]; Min = $sorted[0]; Max = $sorted[-1] }
}

function Write-Figure([string] $Name, $Ours, $Naive, [string] $Unit, [double] $Budget) {
    $verdict = if ($Budget -gt 0) { if ($Ours.Median -le $Budget) { "PASS (budget $Budget $Unit)" } else { "OVER (budget $Budget $Unit)" } } else { '' }
    '{0,-44} ours median {1,8:N0} {4} (min {2:N0}, max {3:N0})   naive median {5,8:N0} {4}   {6}' -f $Name, $Ours.Median, $Ours.Min, $Ours.Max, $Unit, $Naive.Median, $verdict
}

Write-Host "== Module load (10 fresh pwsh processes each)" -ForegroundColor Cyan
$import = Measure-FreshPwsh @"
`$sw = [Diagnostics.Stopwatch]::StartNew(); Import-Module '$ModulePath'; `$sw.Elapsed.TotalMilliseconds
"@
# Naive: what a module that lists every package DLL in RequiredAssemblies pays at import.
$importNaive = Measure-FreshPwsh @"
`$sw = [Diagnostics.Stopwatch]::StartNew(); Import-Module '$ModulePath'
Get-ChildItem (Join-Path (Split-Path '$ModulePath') 'dependencies') -Filter *.dll | ForEach-Object { try { `$null = [Reflection.Assembly]::LoadFrom(`$_.FullName) } catch { } }
`$sw.Elapsed.TotalMilliseconds
"@
Write-Figure 'Import-Module' $import $importNaive 'ms' 150

$firstCall = Measure-FreshPwsh @"
Import-Module '$ModulePath'
`$sw = [Diagnostics.Stopwatch]::StartNew()
try { Connect-FastTrackTenant -AccessToken (ConvertTo-SecureString 'x.y' -AsPlainText -Force) } catch { }
`$sw.Elapsed.TotalMilliseconds
"@
$firstCallNaive = Measure-FreshPwsh @"
Import-Module '$ModulePath'
Get-ChildItem (Join-Path (Split-Path '$ModulePath') 'dependencies') -Filter *.dll | ForEach-Object { try { `$null = [Reflection.Assembly]::LoadFrom(`$_.FullName) } catch { } }
`$sw = [Diagnostics.Stopwatch]::StartNew()
try { Connect-FastTrackTenant -AccessToken (ConvertTo-SecureString 'x.y' -AsPlainText -Force) } catch { }
`$sw.Elapsed.TotalMilliseconds
"@
Write-Figure 'First cmdlet call (no network)' $firstCall $firstCallNaive 'ms' 300

# Bench.Scale.ps1 is the Million scenario's alone (hours of emulator time, not a default figure).
$extra = Get-ChildItem (Join-Path $PSScriptRoot 'Bench.*.ps1') -ErrorAction SilentlyContinue | Where-Object Name -ne 'Bench.Scale.ps1'
foreach ($script in $extra) {
    & $script.FullName -ModulePath $ModulePath -EmulatorPath $EmulatorPath -Root $Root
}
