<#
  Runs the Pester suite (Pester from the NuGet package "Pester", restored by build.ps1) and
  writes {Passed, Failed, Skipped} to -SummaryPath for build.ps1 to add to the xunit counts.
#>
param(
    [Parameter(Mandatory)][string] $ModulePath,
    [Parameter(Mandatory)][string] $EmulatorPath,
    [Parameter(Mandatory)][string] $ResultDirectory,
    [Parameter(Mandatory)][string] $SummaryPath,
    [string] $Filter
)
$ErrorActionPreference = 'Stop'
# Plain text: ANSI escapes in failure messages are invalid XML characters in the NUnit report.
$PSStyle.OutputRendering = 'PlainText'
$packages = if ($env:NUGET_PACKAGES) { $env:NUGET_PACKAGES } else { Join-Path $HOME '.nuget/packages' }
$pester = Get-ChildItem (Join-Path $packages 'pester') -Directory | Sort-Object { [version]($_.Name -replace '-.*$', '') } | Select-Object -Last 1
if (-not $pester) { throw "Pester is not in the NuGet cache ($packages); build.ps1 -Task Test restores it." }
Import-Module (Join-Path $pester.FullName 'tools/Pester.psd1') -Force

$env:FASTTRACK_TEST_MODULE = (Resolve-Path $ModulePath).Path
$env:FASTTRACK_TEST_EMULATOR = [IO.Path]::GetFullPath($EmulatorPath)
$env:FASTTRACK_TEST_ARTIFACTS = $ResultDirectory

$configuration = New-PesterConfiguration
$files = Get-ChildItem $PSScriptRoot -Filter *.Tests.ps1
if ($Filter) { $files = $files | Where-Object Name -like "*$Filter*" }
$configuration.Run.Path = @($files.FullName)
$configuration.Run.PassThru = $true
$configuration.Output.Verbosity = 'Detailed'
$configuration.TestResult.Enabled = $true
$configuration.TestResult.OutputFormat = 'NUnitXml'
$configuration.TestResult.OutputPath = Join-Path $ResultDirectory 'pester.xml'
$result = Invoke-Pester -Configuration $configuration

# A block or container that fails in BeforeAll fails its tests without running them: count them.
$failed = $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount
# Their names (and the first line of why) go to build.ps1, which repeats them above the closing line.
$names = @($result.Failed | ForEach-Object { "$($_.ExpandedPath): $("$($_.ErrorRecord | Select-Object -First 1)" -split "`n" | Select-Object -First 1)" })
$names += @($result.FailedBlocks | ForEach-Object { "$($_.Path -join ' ') (block): $("$($_.ErrorRecord | Select-Object -First 1)" -split "`n" | Select-Object -First 1)" })
$names += @($result.FailedContainers | ForEach-Object { "$($_.Item) (container)" })
[pscustomobject]@{ Passed = $result.PassedCount; Failed = $failed; Skipped = $result.SkippedCount; NotRun = $result.NotRunCount
    FailedNames = $names } | ConvertTo-Json | Set-Content -Path $SummaryPath
