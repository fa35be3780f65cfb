# Starts and stops the loopback Graph emulator (tests/GraphEmulator) as a child process.
# Shared by the Pester suite, build.ps1 -Task Demo and -Task Bench.

function Start-GraphEmulator {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)][string] $EmulatorPath,
        # e.g. '--tenant-demo', '--tenant', 'x.json', '--synthetic', 'users=1000'
        [string[]] $Arguments = @('--tenant-demo'),
        [string] $StateDirectory = (Join-Path ([IO.Path]::GetTempPath()) ("ft-emulator-" + [guid]::NewGuid().ToString('N'))),
        [int] $ReadyTimeoutSeconds = 120
    )
    if (-not (Test-Path $EmulatorPath)) { throw "The Graph emulator is not built: $EmulatorPath. Run ./build.ps1 -Task Build." }
    $null = New-Item -ItemType Directory -Force $StateDirectory
    $ready = Join-Path $StateDirectory 'ready.json'
    Remove-Item $ready -ErrorAction SilentlyContinue
    $log = Join-Path $StateDirectory 'emulator.log'
    $all = @($EmulatorPath) + $Arguments + @('--state-dir', $StateDirectory, '--ready-file', $ready)
    $process = Start-Process -FilePath 'dotnet' -ArgumentList $all -PassThru -RedirectStandardOutput $log -RedirectStandardError "$log.err"
    $deadline = [DateTime]::UtcNow.AddSeconds($ReadyTimeoutSeconds)
    while (-not (Test-Path $ready)) {
        if ($process.HasExited) { throw "The Graph emulator exited with code $($process.ExitCode): $(Get-Content -Raw "$log.err" -ErrorAction SilentlyContinue)" }
        if ([DateTime]::UtcNow -gt $deadline) { $process.Kill($true); throw "The Graph emulator was not ready within $ReadyTimeoutSeconds s; see $log" }
        Start-Sleep -Milliseconds 100
    }
    $info = Get-Content -Raw $ready | ConvertFrom-Json
    [pscustomobject]@{
        Process           = $process
        HttpUrl           = $info.httpUrl.TrimEnd('/')
        HttpsUrl          = $info.httpsUrl.TrimEnd('/')
        CaCertificatePath = $info.caCertificatePath
        StateDirectory    = $StateDirectory
        # Present only when started with --teams-webhook: the stand-in's webhook URL and its control root.
        TeamsWebhookUrl   = $info.PSObject.Properties['teamsWebhookUrl'].Value
        TeamsControlUrl   = $info.PSObject.Properties['teamsControlUrl'].Value
    }
}

function Stop-GraphEmulator {
    [CmdletBinding()]
    param([Parameter(Mandatory, ValueFromPipeline)] $Emulator)
    process {
        if ($Emulator -and $Emulator.Process -and -not $Emulator.Process.HasExited) {
            $Emulator.Process.Kill($true)
            $null = $Emulator.Process.WaitForExit(10000)
        }
    }
}

function Invoke-EmulatorControl {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] $Emulator,
        [Parameter(Mandatory)][string] $Path,
        [ValidateSet('Get', 'Post', 'Delete')][string] $Method = 'Get',
        $Body
    )
    $uri = "$($Emulator.HttpUrl)/_emulator/$($Path.TrimStart('/'))"
    $parameters = @{ Uri = $uri; Method = $Method }
    if ($PSBoundParameters.ContainsKey('Body')) {
        $parameters.Body = ($Body | ConvertTo-Json -Depth 10 -Compress)
        $parameters.ContentType = 'application/json'
    }
    Invoke-RestMethod @parameters
}

Export-ModuleMember -Function Start-GraphEmulator, Stop-GraphEmulator, Invoke-EmulatorControl
