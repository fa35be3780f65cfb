<#
  build.ps1 -Task Demo: connects the built module to the emulator's demo tenant ("Contoso Demo")
  the way an admin connects to a real one (client secret over the Entra token endpoint), runs the
  whole onboarding assessment, saves the snapshot and writes the report, then prints a one-screen summary.
#>
param(
    [Parameter(Mandatory)][string] $ModulePath,
    [Parameter(Mandatory)][string] $GraphEndpoint,
    [Parameter(Mandatory)][string] $AuthorityHost,
    [Parameter(Mandatory)][string] $OutputDirectory
)
$ErrorActionPreference = 'Stop'
Import-Module $ModulePath

# The demo tenant's app registration (tests/Tenants/TenantFixtures/Fixture.cs): test-only values.
$tenantId = '7e0a0001-0000-4000-8000-000000000001'
$clientId = '0a770001-0000-4000-8000-000000000001'
$secret = ConvertTo-SecureString 'demo-secret-not-for-production' -AsPlainText -Force

$connection = Connect-FastTrackTenant -TenantId $tenantId -ClientId $clientId -ClientSecret $secret -GraphEndpoint $GraphEndpoint -AuthorityHost $AuthorityHost
$snapshot = Join-Path $OutputDirectory 'demo-snapshot.json'
$assessment = Invoke-FastTrackAssessment -SnapshotPath $snapshot -Force

$reportPaths = @()
if (Get-Command Export-FastTrackReport -ErrorAction SilentlyContinue) {
    foreach ($format in 'Html', 'Markdown', 'Json') {
        $extension = @{ Html = 'html'; Markdown = 'md'; Json = 'json' }[$format]
        $path = Join-Path $OutputDirectory "demo-report.$extension"
        $null = Export-FastTrackReport -InputObject $assessment -Format $format -Path $path -Force
        $reportPaths += $path
    }
}
else {
    # Until the report cmdlet exists, the assessment itself is the report.
    $path = Join-Path $OutputDirectory 'demo-report.json'
    $assessment | ConvertTo-Json -Depth 8 | Set-Content -Path $path
    $reportPaths += $path
}

Write-Host ''
Write-Host "FastTrack onboarding assessment — $($connection.TenantName) ($($connection.TenantId))" -ForegroundColor Cyan
$assessment | Format-List | Out-Host
$assessment.Results | Group-Object Phase | ForEach-Object {
    $counts = ($_.Group | Group-Object Status | Sort-Object Name | ForEach-Object { "$($_.Count) $($_.Name)" }) -join ', '
    '{0,-10} {1,3} checks: {2}' -f $_.Name, $_.Count, $counts
} | Out-Host
Write-Host ''
Write-Host 'Items to act on first:' -ForegroundColor Cyan
$assessment.Results | Where-Object Status -in 'NotConfigured', 'Partial' | Select-Object -First 12 CheckId, Status, Title | Format-Table -AutoSize | Out-Host
Write-Host "Snapshot: $snapshot"
foreach ($path in $reportPaths) { Write-Host "Report:   $path" -ForegroundColor Green }
