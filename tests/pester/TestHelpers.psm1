# Helpers for the Pester suite: run a script in a fresh pwsh (the module as users load it), and
# build test certificates. Import with: Import-Module $PSScriptRoot/TestHelpers.psm1

function Get-TestModulePath { $env:FASTTRACK_TEST_MODULE }
function Get-TestEmulatorPath { $env:FASTTRACK_TEST_EMULATOR }

function Invoke-FreshPwsh {
    <#
      Runs $Script in a new pwsh process and returns ExitCode, Output (every stream, as text) and
      Result (the object the script passed to Write-TestResult, if any). Streams are merged with
      *>&1 inside the child so that verbose/debug/warning/information text is captured too.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)][string] $Script,
        [hashtable] $Environment = @{},
        [switch] $Interactive,
        [int] $TimeoutSeconds = 120
    )
    $file = Join-Path ([IO.Path]::GetTempPath()) ("ft-test-" + [guid]::NewGuid().ToString('N') + '.ps1')
    $prelude = @'
$ErrorActionPreference = 'Stop'
$PSStyle.OutputRendering = 'PlainText'
function Write-TestResult($Value) { '##RESULT##' + ($Value | ConvertTo-Json -Depth 6 -Compress) }
Import-Module $env:FASTTRACK_TEST_MODULE
'@
    Set-Content -Path $file -Value ($prelude + "`n& {`n" + $Script + "`n} *>&1 | ForEach-Object { if (`$_ -is [string]) { `$_ } else { (`$_ | Out-String -Width 500).TrimEnd() } }")
    $psi = [Diagnostics.ProcessStartInfo]::new([Environment]::ProcessPath)
    $psi.ArgumentList.Add((Join-Path $PSHOME 'pwsh.dll'))
    $psi.ArgumentList.Add('-NoProfile')
    if (-not $Interactive) { $psi.ArgumentList.Add('-NonInteractive') }
    $psi.ArgumentList.Add('-File')
    $psi.ArgumentList.Add($file)
    $psi.RedirectStandardOutput = $true
    $psi.RedirectStandardError = $true
    $psi.RedirectStandardInput = $true
    $psi.UseShellExecute = $false
    $psi.Environment['FASTTRACK_TEST_MODULE'] = (Get-TestModulePath)
    $psi.Environment['NO_COLOR'] = '1'
    foreach ($key in $Environment.Keys) { $psi.Environment[$key] = [string] $Environment[$key] }
    $process = [Diagnostics.Process]::Start($psi)
    $process.StandardInput.Close()
    $stdout = $process.StandardOutput.ReadToEndAsync()
    $stderr = $process.StandardError.ReadToEndAsync()
    if (-not $process.WaitForExit($TimeoutSeconds * 1000)) {
        $process.Kill($true)
        throw "The child pwsh did not finish within $TimeoutSeconds s. Output so far: $($stdout.Result)"
    }
    Remove-Item $file -ErrorAction SilentlyContinue
    $text = $stdout.Result + $stderr.Result
    $resultLine = ($text -split "`n" | Where-Object { $_.StartsWith('##RESULT##') } | Select-Object -Last 1)
    [pscustomobject]@{
        ExitCode = $process.ExitCode
        Output   = $text
        Result   = if ($resultLine) { $resultLine.Substring(10) | ConvertFrom-Json } else { $null }
    }
}

function New-TestCertificate {
    <# A self-signed RSA certificate with its private key, for the certificate sign-in flows. #>
    param([string] $Subject = 'CN=FastTrack Pester')
    $rsa = [Security.Cryptography.RSA]::Create(2048)
    $request = [Security.Cryptography.X509Certificates.CertificateRequest]::new($Subject, $rsa,
        [Security.Cryptography.HashAlgorithmName]::SHA256, [Security.Cryptography.RSASignaturePadding]::Pkcs1)
    $certificate = $request.CreateSelfSigned([DateTimeOffset]::UtcNow.AddMinutes(-5), [DateTimeOffset]::UtcNow.AddDays(2))
    [pscustomobject]@{
        Certificate   = $certificate
        Thumbprint    = $certificate.Thumbprint
        PublicPem     = $certificate.ExportCertificatePem()
        PrivateKeyPem = $rsa.ExportPkcs8PrivateKeyPem()
    }
}

Export-ModuleMember -Function Invoke-FreshPwsh, New-TestCertificate, Get-TestModulePath, Get-TestEmulatorPath
