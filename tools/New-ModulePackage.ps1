<#
.SYNOPSIS
    Zips a laid-out module the way Azure Automation imports it, and checks Azure Automation's limits.
.DESCRIPTION
    Azure Automation imports a module from a .zip whose name is the module name and whose root holds
    one folder of the same name with the manifest inside (FastTrack.Onboarding.zip →
    FastTrack.Onboarding/FastTrack.Onboarding.psd1). The zip must be under 100 MB and every path
    inside it under 140 characters.

    Entries are written with ZipFile and '/' separators (never '\', which some Compress-Archive
    versions wrote on Windows and which Linux sandboxes extract as flat file names).
    Returns the zip's path, size, file count and its longest entry; throws when a rule is broken.
.PARAMETER ModulePath
    The laid-out module folder (out/FastTrack.Onboarding); its name must be the manifest's name.
.PARAMETER DestinationDirectory
    Where to write <ModuleName>.zip.
.EXAMPLE
    ./tools/New-ModulePackage.ps1 -ModulePath out/FastTrack.Onboarding -DestinationDirectory artifacts
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)][string] $ModulePath,
    [Parameter(Mandatory)][string] $DestinationDirectory
)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3
Add-Type -AssemblyName System.IO.Compression, System.IO.Compression.FileSystem

$MaxBytes = 100MB
$MaxPathLength = 140

$folder = Get-Item -LiteralPath $ModulePath
$name = $folder.Name
$manifestPath = Join-Path $folder.FullName "$name.psd1"
if (-not (Test-Path $manifestPath)) { throw "$($folder.FullName) has no $name.psd1: the folder must be named like the module's manifest." }
$manifest = Import-PowerShellDataFile $manifestPath

$null = New-Item -ItemType Directory -Force -Path $DestinationDirectory
$zipPath = Join-Path (Resolve-Path $DestinationDirectory).Path "$name.zip"
Remove-Item -LiteralPath $zipPath -ErrorAction SilentlyContinue

$files = Get-ChildItem -LiteralPath $folder.FullName -Recurse -File | Sort-Object FullName
$zip = [IO.Compression.ZipFile]::Open($zipPath, [IO.Compression.ZipArchiveMode]::Create)
try {
    foreach ($file in $files) {
        $relative = [IO.Path]::GetRelativePath($folder.FullName, $file.FullName) -replace '\\', '/'
        $null = [IO.Compression.ZipFileExtensions]::CreateEntryFromFile($zip, $file.FullName, "$name/$relative", [IO.Compression.CompressionLevel]::Optimal)
    }
}
finally { $zip.Dispose() }

$longest = $files | ForEach-Object { "$name/" + ([IO.Path]::GetRelativePath($folder.FullName, $_.FullName) -replace '\\', '/') } |
    Sort-Object Length -Descending | Select-Object -First 1
$package = [pscustomobject]@{
    Path              = $zipPath
    ModuleName        = $name
    ModuleVersion     = $manifest.ModuleVersion
    SizeBytes         = (Get-Item $zipPath).Length
    FileCount         = $files.Count
    LongestPath       = $longest
    LongestPathLength = $longest.Length
}
if ($package.SizeBytes -ge $MaxBytes) { throw ("{0} is {1:N1} MB; Azure Automation imports modules under 100 MB." -f $zipPath, ($package.SizeBytes / 1MB)) }
if ($package.LongestPathLength -ge $MaxPathLength) { throw "$longest is $($longest.Length) characters; Azure Automation needs paths under $MaxPathLength." }
$package
