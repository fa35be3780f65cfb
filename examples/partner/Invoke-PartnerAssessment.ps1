<#
.SYNOPSIS
    Assesses many customer tenants in parallel, one connection per tenant, for partners.
.DESCRIPTION
    Reads a list of tenants (a CSV file or objects) and assesses them with
    ForEach-Object -Parallel -ThrottleLimit N. Each tenant runs in its own runspace with its own
    Connect-FastTrackTenant connection, so no tenant's data can reach another's results.

    Each row names TenantId, ClientId and one credential:
    - CertificateThumbprint: a certificate in the certificate store (recommended);
    - SecretName: the name of a secret in a SecretManagement vault (Microsoft.PowerShell.SecretManagement,
      vault -Vault or the default), read inside the tenant's runspace;
    - ClientSecret: a plain-text secret in the row itself, for tests only.
    Optional columns: Name (a label for files and the summary), GraphEndpoint, AuthorityHost, Environment.

    Every tenant's assessment is written to <OutputPath>/<Name or TenantId>/ (assessment.json,
    snapshot.json, results.csv). A tenant that fails (sign-in, permissions, timeout) is reported in
    the summary with its error and does not stop the others. The script returns one summary
    object per tenant, and exits with code 1 when any tenant failed.
.PARAMETER TenantListPath
    A CSV file with the columns above.
.PARAMETER Tenant
    The tenants as objects with the same properties (instead of -TenantListPath).
.PARAMETER OutputPath
    The folder for the per-tenant results.
.PARAMETER ThrottleLimit
    How many tenants are assessed at once.
.PARAMETER Vault
    The SecretManagement vault for SecretName rows; the default vault when omitted.
.PARAMETER Phase
    Only these FastTrack phases; all when omitted.
.PARAMETER ModulePath
    The FastTrack.Onboarding module (name or manifest path) each runspace imports.
.EXAMPLE
    ./Invoke-PartnerAssessment.ps1 -TenantListPath ./customers.csv -OutputPath ./assessments -ThrottleLimit 4
.EXAMPLE
    $tenants = @([pscustomobject]@{ Name = 'contoso'; TenantId = 'contoso.onmicrosoft.com'; ClientId = $appId; CertificateThumbprint = $thumbprint })
    ./Invoke-PartnerAssessment.ps1 -Tenant $tenants -OutputPath ./assessments | Format-Table
#>
#Requires -Version 7.0
# (ForEach-Object -Parallel.)
[CmdletBinding(DefaultParameterSetName = 'File')]
param(
    [Parameter(Mandatory, ParameterSetName = 'File')]
    [string] $TenantListPath,

    [Parameter(Mandatory, ParameterSetName = 'Objects')]
    [object[]] $Tenant,

    [Parameter(Mandatory)]
    [string] $OutputPath,

    [ValidateRange(1, 64)]
    [int] $ThrottleLimit = 4,

    [string] $Vault,

    [ValidateSet('Initiate', 'Assess', 'Remediate', 'Enable')]
    [string[]] $Phase,

    [string] $ModulePath = 'FastTrack.Onboarding'
)
$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
Set-StrictMode -Version 3

$tenants = if ($PSCmdlet.ParameterSetName -eq 'File') { @(Import-Csv -Path $TenantListPath) } else { @($Tenant) }
$OutputPath = [IO.Path]::GetFullPath($OutputPath)
$null = New-Item -ItemType Directory -Force -Path $OutputPath
# A manifest path must be absolute inside the parallel runspaces, whose location may differ.
if (Test-Path $ModulePath) { $ModulePath = (Resolve-Path $ModulePath).Path }

$summary = $tenants | ForEach-Object -ThrottleLimit $ThrottleLimit -Parallel {
    $ErrorActionPreference = 'Stop'
    $ProgressPreference = 'SilentlyContinue'
    $row = $_
    $label = if ($row.PSObject.Properties['Name'] -and $row.Name) { $row.Name } else { $row.TenantId }
    $started = [DateTime]::UtcNow
    $column = { param($name) if ($row.PSObject.Properties[$name] -and $row.$name) { $row.$name } }
    try {
        Import-Module $using:ModulePath

        # One connection for this tenant, in this runspace only; passed explicitly with -Connection
        # so nothing depends on which connection is "current".
        $connect = @{ TenantId = $row.TenantId; ClientId = $row.ClientId }
        if (& $column 'CertificateThumbprint') { $connect.CertificateThumbprint = $row.CertificateThumbprint }
        elseif (& $column 'SecretName') {
            if (-not (Get-Command Get-Secret -ErrorAction SilentlyContinue)) { throw "Row '$label' names a secret, but Microsoft.PowerShell.SecretManagement is not installed." }
            $vault = $using:Vault
            $connect.ClientSecret = if ($vault) { Get-Secret -Name $row.SecretName -Vault $vault } else { Get-Secret -Name $row.SecretName }
        }
        elseif (& $column 'ClientSecret') { $connect.ClientSecret = ConvertTo-SecureString $row.ClientSecret -AsPlainText -Force }
        else { throw "Row '$label' has no CertificateThumbprint, SecretName or ClientSecret." }
        foreach ($name in 'GraphEndpoint', 'AuthorityHost', 'Environment') { if (& $column $name) { $connect[$name] = $row.$name } }
        $connection = Connect-FastTrackTenant @connect

        $folder = Join-Path $using:OutputPath ($label -replace '[^\w.-]', '_')
        $null = New-Item -ItemType Directory -Force -Path $folder
        $assess = @{ Connection = $connection; SnapshotPath = (Join-Path $folder 'snapshot.json'); Force = $true }
        if ($using:Phase) { $assess.Phase = $using:Phase }
        $assessment = Invoke-FastTrackAssessment @assess
        $assessment | ConvertTo-Json -Depth 8 -EnumsAsStrings | Set-Content -Path (Join-Path $folder 'assessment.json') -Encoding utf8
        $assessment.Results | Select-Object CheckId, Status, Reason, Title, Evidence, Remediation |
            Export-Csv -Path (Join-Path $folder 'results.csv') -NoTypeInformation -Encoding utf8
        Disconnect-FastTrackTenant -Connection $connection

        $byStatus = $assessment.Results | Group-Object { "$($_.Status)" } -AsHashTable -AsString
        $count = { param($status) if ($byStatus -and $byStatus.ContainsKey($status)) { $byStatus[$status].Count } else { 0 } }
        [pscustomobject]@{
            Name          = $label
            TenantId      = $assessment.TenantId
            TenantName    = $assessment.TenantName
            Succeeded     = $true
            Checks        = $assessment.Results.Count
            Configured    = & $count 'Configured'
            Partial       = & $count 'Partial'
            NotConfigured = & $count 'NotConfigured'
            NotAssessed   = & $count 'NotAssessed'
            GraphRequests = $assessment.GraphRequests
            Seconds       = [math]::Round(([DateTime]::UtcNow - $started).TotalSeconds, 1)
            StartedUtc    = $started
            CompletedUtc  = [DateTime]::UtcNow
            OutputFolder  = $folder
            Error         = $null
        }
    }
    catch {
        # One tenant's failure is a row in the summary, never the end of the run.
        $errorId = if ($_.FullyQualifiedErrorId) { ($_.FullyQualifiedErrorId -split ',')[0] } else { 'Error' }
        [pscustomobject]@{
            Name = $label; TenantId = $row.TenantId; TenantName = $null; Succeeded = $false
            Checks = 0; Configured = 0; Partial = 0; NotConfigured = 0; NotAssessed = 0; GraphRequests = 0
            Seconds = [math]::Round(([DateTime]::UtcNow - $started).TotalSeconds, 1); StartedUtc = $started; CompletedUtc = [DateTime]::UtcNow; OutputFolder = $null
            Error = "${errorId}: $($_.Exception.Message)"
        }
    }
}

$summary = @($summary | Sort-Object Name)
$summary | Select-Object Name, TenantName, Succeeded, Checks, Configured, Partial, NotConfigured, NotAssessed, Seconds, Error |
    Export-Csv -Path (Join-Path $OutputPath 'summary.csv') -NoTypeInformation -Encoding utf8
$summary | Format-Table Name, TenantName, Succeeded, Checks, Configured, Partial, NotConfigured, NotAssessed, Seconds, Error -AutoSize | Out-String -Width 200 | Write-Information -InformationAction Continue
$failed = @($summary | Where-Object { -not $_.Succeeded })
if ($failed) { Write-Warning "$($failed.Count) of $($summary.Count) tenants failed: $(($failed.Name) -join ', ')." }
$summary
# Exit code 1 for schedulers (pwsh -File) when any tenant failed; the summary is already written.
if ($failed) { exit 1 }
