# Starts Azurite (npm package azurite, the Azure Storage emulator) on a free loopback port for the
# Pester suite, and signs account SAS URLs for it with Azurite's published development key.
# In CI (CI=true) a missing Azurite is a failure; elsewhere the tests that need it are skipped.

# Azurite's well-known development account and key (https://learn.microsoft.com/azure/storage/common/storage-use-azurite): not a secret.
$script:Account = 'devstoreaccount1'
$script:AccountKey = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=='

function Get-AzuriteExecutable { (Get-Command azurite-blob -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1).Source }

function Start-Azurite {
    [CmdletBinding()]
    param([int] $ReadyTimeoutSeconds = 30)
    $exe = Get-AzuriteExecutable
    if (-not $exe) { throw 'azurite is not installed (npm install -g azurite; .ci/run does this).' }
    $listener = [Net.Sockets.TcpListener]::new([Net.IPAddress]::Loopback, 0)
    $listener.Start(); $port = $listener.LocalEndpoint.Port; $listener.Stop()
    $workspace = Join-Path ([IO.Path]::GetTempPath()) ('azurite-' + [guid]::NewGuid().ToString('N'))
    $null = New-Item -ItemType Directory $workspace
    $process = Start-Process -FilePath $exe -PassThru -RedirectStandardOutput (Join-Path $workspace 'out.log') -RedirectStandardError (Join-Path $workspace 'err.log') `
        -ArgumentList '--blobHost', '127.0.0.1', '--blobPort', $port, '--location', $workspace, '--silent', '--skipApiVersionCheck', '--loose', '--disableTelemetry'
    $deadline = [DateTime]::UtcNow.AddSeconds($ReadyTimeoutSeconds)
    while ($true) {
        $client = [Net.Sockets.TcpClient]::new()
        try { $client.Connect([Net.IPAddress]::Loopback, $port); break } catch { Start-Sleep -Milliseconds 100 } finally { $client.Dispose() }
        if ($process.HasExited -or [DateTime]::UtcNow -gt $deadline) { throw "azurite did not start: $(Get-Content -Raw (Join-Path $workspace 'err.log') -ErrorAction SilentlyContinue)" }
    }
    [pscustomobject]@{ Process = $process; Port = $port; Workspace = $workspace; BlobEndpoint = "http://127.0.0.1:$port/$script:Account" }
}

function Stop-Azurite {
    param([Parameter(ValueFromPipeline)] $Azurite)
    process {
        if ($Azurite -and -not $Azurite.Process.HasExited) { $Azurite.Process.Kill($true); $null = $Azurite.Process.WaitForExit(5000) }
        if ($Azurite) { Remove-Item -Recurse -Force $Azurite.Workspace -ErrorAction SilentlyContinue }
    }
}

function New-AzuriteSasUrl {
    <# An account SAS (blob service; all rights) for <endpoint>/<container>, signed as the storage service checks it. #>
    param([Parameter(Mandatory)] $Azurite, [Parameter(Mandatory)][string] $Container, [string] $Permissions = 'rwdlac')
    $version = '2021-08-06'
    $expiry = [DateTime]::UtcNow.AddHours(2).ToString('yyyy-MM-ddTHH:mm:ssZ')
    # Account SAS string-to-sign for versions 2020-12-06 and later (empty start, IP and encryption scope).
    $toSign = ($script:Account, $Permissions, 'b', 'sco', '', $expiry, '', 'http,https', $version, '', '') -join "`n"
    $hmac = [Security.Cryptography.HMACSHA256]::new([Convert]::FromBase64String($script:AccountKey))
    $sig = [Convert]::ToBase64String($hmac.ComputeHash([Text.Encoding]::UTF8.GetBytes($toSign)))
    $query = 'sv={0}&ss=b&srt=sco&sp={1}&se={2}&spr=http,https&sig={3}' -f $version, $Permissions, [uri]::EscapeDataString($expiry), [uri]::EscapeDataString($sig)
    [pscustomobject]@{ Url = "$($Azurite.BlobEndpoint)/$Container`?$query"; Signature = $sig; Query = $query }
}

Export-ModuleMember -Function Get-AzuriteExecutable, Start-Azurite, Stop-Azurite, New-AzuriteSasUrl
