<#
.SYNOPSIS
    Compiles docs/*.md into the module's MAML help and about topics (platyPS is not available here).
.DESCRIPTION
    - docs/<Cmdlet-Name>.md (shape: docs/README.md) → <ModuleName>.dll-Help.xml, the MAML
      Get-Help reads for a binary module. Prose comes from the markdown; syntax, types,
      mandatory, position, pipeline input, aliases, wildcards, accepted values and defaults come
      from the built cmdlets (read in a child pwsh), so the help cannot drift from the code.
    - docs/about_*.md → about_*.help.txt.
    Warns (never fails) for an exported cmdlet without markdown, a markdown file for no cmdlet,
    and a documented parameter the cmdlet does not have: cmdlets merged from other branches must
    still build; the Pester Help tests fail until their help is complete.
.PARAMETER DocsPath
    The folder of markdown sources.
.PARAMETER OutputPath
    The culture folder of the laid-out module (out/FastTrack.Onboarding/en-US).
.PARAMETER ModuleName
    The module name; its manifest is expected beside OutputPath's parent.
.PARAMETER ManifestPath
    The built module's manifest; defaults to <OutputPath>/../<ModuleName>.psd1.
.EXAMPLE
    ./tools/Build-Help.ps1 -DocsPath docs -OutputPath out/FastTrack.Onboarding/en-US -ModuleName FastTrack.Onboarding
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)][string] $DocsPath,
    [Parameter(Mandatory)][string] $OutputPath,
    [Parameter(Mandatory)][string] $ModuleName,
    [string] $ManifestPath
)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3

Import-Module (Join-Path $PSScriptRoot 'Help/HelpMarkdown.psm1') -Force
Import-Module (Join-Path $PSScriptRoot 'Help/MamlWriter.psm1') -Force
Import-Module (Join-Path $PSScriptRoot 'Help/AboutTopic.psm1') -Force

$OutputPath = [IO.Path]::GetFullPath($OutputPath)
if (-not $ManifestPath) { $ManifestPath = Join-Path (Split-Path $OutputPath -Parent) "$ModuleName.psd1" }
$null = New-Item -ItemType Directory -Force -Path $OutputPath

# The code's view of the cmdlets, from a child pwsh so this session never loads the module.
$metadataFile = Join-Path ([IO.Path]::GetTempPath()) ("ft-help-meta-" + [guid]::NewGuid().ToString('N') + '.json')
try {
    & ([Environment]::ProcessPath) (Join-Path $PSHOME 'pwsh.dll') -NoProfile -NonInteractive -File (Join-Path $PSScriptRoot 'Help/Export-CmdletMetadata.ps1') -ManifestPath $ManifestPath -OutputPath $metadataFile
    if ($LASTEXITCODE -ne 0) { throw "Reading the cmdlets' metadata failed (exit code $LASTEXITCODE)." }
    $metadata = @(Get-Content -Raw $metadataFile | ConvertFrom-Json)
}
finally { Remove-Item $metadataFile -ErrorAction SilentlyContinue }

$docs = @{}
# Cmdlet help is one Verb-Noun.md per cmdlet; README, about_ topics and reference pages (guidance-map.md) are not.
foreach ($file in Get-ChildItem $DocsPath -Filter *.md | Where-Object { $_.BaseName -cmatch '^[A-Z][A-Za-z]+-[A-Z][A-Za-z]+$' }) {
    $doc = ConvertFrom-HelpMarkdown -Path $file.FullName
    $meta = $metadata | Where-Object Name -eq $doc.Name
    if (-not $meta) { Write-Warning "$($file.Name) documents '$($doc.Name)', which the module does not export."; continue }
    foreach ($name in $doc.Parameters.Keys) {
        if ($name -notin $meta.Parameters.Name) { Write-Warning "$($file.Name) documents -$name, which $($doc.Name) does not have." }
    }
    $docs[$doc.Name] = $doc
}
foreach ($meta in $metadata) {
    if (-not $docs.ContainsKey($meta.Name)) { Write-Warning "$($meta.Name) has no help: add $DocsPath/$($meta.Name).md (see $DocsPath/README.md)." }
}

$maml = Join-Path $OutputPath "$ModuleName.dll-Help.xml"
Write-MamlFile -Metadata $metadata -Docs $docs -Path $maml
Write-Host "Help: $($docs.Count) of $($metadata.Count) cmdlets documented → $maml"

foreach ($about in Get-ChildItem $DocsPath -Filter 'about_*.md') {
    $target = Join-Path $OutputPath ($about.BaseName + '.help.txt')
    Set-Content -Path $target -Value (ConvertTo-AboutText -Path $about.FullName) -Encoding utf8 -NoNewline
    Write-Host "Help: $($about.Name) → $target"
}
