<#
  Connectivity sweep (DESIGN §7, issue 6): the full worldwide catalog against loopback targets,
  half of them stalling, in parallel and then the same probes one by one (tests/Bench/ConnectivityBench).
  Then the DESIGN §7 worst case: every host black-holed, parallel only.
#>
param(
    [Parameter(Mandatory)][string] $ModulePath,
    [Parameter(Mandatory)][string] $EmulatorPath,
    [Parameter(Mandatory)][string] $Root
)
$ErrorActionPreference = 'Stop'
$bench = Join-Path $Root 'tests/Bench/ConnectivityBench/bin/Release/net10.0/ConnectivityBench.dll'
Write-Host '== Connectivity sweep (worldwide catalog, loopback targets, half stalling)' -ForegroundColor Cyan
& dotnet $bench --timeout-ms 300 --concurrency 32
Write-Host '== Connectivity sweep, every host black-holed (parallel only)' -ForegroundColor Cyan
& dotnet $bench --timeout-ms 300 --concurrency 32 --parallel-only --all-stalling
