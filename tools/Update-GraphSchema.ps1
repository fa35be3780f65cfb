<#
.SYNOPSIS
    Refreshes tests/GraphSchema/Schema/graph-v1.0-csdl.xml.gz from microsoftgraph/msgraph-metadata.
.DESCRIPTION
    Downloads clean_v10_metadata/cleanMetadata.xml at the given commit or branch, checks that it is a
    CSDL document, stores it gzipped and rewrites PROVENANCE.md (commit, date, hashes). Needs the
    internet: no test or build step runs it. Run the contract tests afterwards.
.EXAMPLE
    pwsh tools/Update-GraphSchema.ps1 -Ref master
#>
[CmdletBinding()]
param(
    # A commit SHA or a branch name; a branch is resolved to its commit so the provenance names one.
    [string] $Ref = 'master'
)

$ErrorActionPreference = 'Stop'
$repository = 'microsoftgraph/msgraph-metadata'
$file = 'clean_v10_metadata/cleanMetadata.xml'
$schemaDir = Join-Path $PSScriptRoot '../tests/GraphSchema/Schema'
$target = Join-Path $schemaDir 'graph-v1.0-csdl.xml.gz'
$provenance = Join-Path $schemaDir 'PROVENANCE.md'

$headers = @{ 'User-Agent' = 'FastTrack.Onboarding-Update-GraphSchema' }
$commit = Invoke-RestMethod -Headers $headers -Uri "https://api.github.com/repos/$repository/commits/$Ref"
$sha = $commit.sha
$date = ([datetime] $commit.commit.committer.date).ToUniversalTime().ToString('yyyy-MM-dd')

$temp = New-Item -ItemType Directory -Path (Join-Path ([IO.Path]::GetTempPath()) ([guid]::NewGuid()))
try {
    $xml = Join-Path $temp 'cleanMetadata.xml'
    Invoke-WebRequest -Headers $headers -Uri "https://raw.githubusercontent.com/$repository/$sha/$file" -OutFile $xml
    $head = Get-Content -Path $xml -TotalCount 2 -Raw
    if ($head -notmatch 'edmx:Edmx') { throw "The download is not a CSDL document: $($head.Substring(0, [Math]::Min(120, $head.Length)))" }

    $gz = Join-Path $temp 'graph-v1.0-csdl.xml.gz'
    $in = [IO.File]::OpenRead($xml)
    $out = [IO.File]::Create($gz)
    $zip = [IO.Compression.GZipStream]::new($out, [IO.Compression.CompressionLevel]::SmallestSize)
    try { $in.CopyTo($zip) } finally { $zip.Dispose(); $out.Dispose(); $in.Dispose() }

    $xmlHash = (Get-FileHash -Algorithm SHA256 $xml).Hash.ToLowerInvariant()
    $gzHash = (Get-FileHash -Algorithm SHA256 $gz).Hash.ToLowerInvariant()
    Copy-Item $gz $target -Force

    $text = Get-Content -Raw $provenance
    $text = $text -replace '\| Commit \| `[0-9a-f]+` \([0-9-]+\) \|', "| Commit | ``$sha`` ($date) |"
    $text = $text -replace '\| sha256 \(gz\) \| `[0-9a-f]+` \|', "| sha256 (gz) | ``$gzHash`` |"
    $text = $text -replace '\| sha256 \(xml\) \| `[0-9a-f]+` \|', "| sha256 (xml) | ``$xmlHash`` |"
    Set-Content -Path $provenance -Value $text -NoNewline
    Write-Host "Graph v1.0 schema updated to $repository@$sha ($date). Run the contract tests next."
}
finally {
    Remove-Item -Recurse -Force $temp
}
