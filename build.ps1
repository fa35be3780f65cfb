<#
.SYNOPSIS
    The one entry point: Build | Test | Demo | Bench | Package | Clean.
.DESCRIPTION
    Build    lays the module out under out/FastTrack.Onboarding (cmdlets, Model, load-context bridge,
             dependencies/, manifest, formats, help) and builds the emulator and the tests.
    Test     Build, then the format gate (dotnet format --verify-no-changes against .editorconfig), every
             xunit project and the Pester suite (in a fresh pwsh), then the Graph
             contract check (GraphContractTests: catalog + every request the suites sent); prints
             "N passed, N failed" (xunit + Pester summed) as its last line and exits 1 on any failure.
    Demo     Build, start the Graph emulator with the demo tenant, connect the built module to it,
             run whatever assessment exists and write the report; prints where the report is.
    Bench    Measured figures beside the naive way (DESIGN.md section 7). Never part of Test.
             -Scenario Million: tests/Bench/Bench.Scale.ps1 only (100k, 300k, 1M users; ours beside the baseline).
    Package  The zip Azure Automation imports (folder name = zip name = module name).
.EXAMPLE
    dotnet tool restore && dotnet pwsh ./build.ps1 -Task Test
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Demo', 'Bench', 'Package', 'Clean')]
    [string] $Task = 'Build',

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release',

    # Test: only Pester files whose name matches (e.g. 'Connect'); xunit still runs unless -SkipXunit.
    [string] $PesterFilter,

    [switch] $SkipXunit,

    [switch] $SkipPester,

    # Test: skip the `dotnet format --verify-no-changes` gate (for a quick local run; CI never skips it).
    [switch] $SkipFormatCheck,

    # Bench: Default (every Bench.*.ps1 but the scale one) or Million (tests/Bench/Bench.Scale.ps1 only, issue 14).
    [ValidateSet('Default', 'Million')]
    [string] $Scenario = 'Default'
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0

$Root = $PSScriptRoot
$Out = Join-Path $Root 'out'
$ModuleName = 'FastTrack.Onboarding'
$ModuleOut = Join-Path $Out $ModuleName
$Artifacts = Join-Path $Root 'artifacts'
$EmulatorDll = Join-Path $Root "tests/GraphEmulator/bin/$Configuration/net10.0/GraphEmulator.dll"

$env:DOTNET_CLI_TELEMETRY_OPTOUT = '1'
$env:DOTNET_NOLOGO = '1'
$env:DOTNET_SKIP_FIRST_TIME_EXPERIENCE = '1'

function Invoke-Native {
    param([Parameter(Mandatory)][string] $FilePath, [string[]] $Arguments = @(), [switch] $AllowFailure)
    Write-Host "> $FilePath $($Arguments -join ' ')" -ForegroundColor DarkGray
    # Streamed to the host: the child's output is for the person watching, and the function's
    # own output stays the exit code alone.
    & $FilePath @Arguments | Out-Host
    $code = $LASTEXITCODE
    if ($code -ne 0 -and -not $AllowFailure) {
        throw "'$FilePath $($Arguments -join ' ')' failed with exit code $code."
    }
    return $code
}

function Invoke-Build {
    $staging = Join-Path $Out '.staging'
    Remove-Item -Recurse -Force $staging, $ModuleOut -ErrorAction SilentlyContinue

    $null = Invoke-Native dotnet @('build', (Join-Path $Root "$ModuleName.sln"), '-c', $Configuration, '--nologo', '-v', 'minimal')
    $null = Invoke-Native dotnet @('publish', (Join-Path $Root "src/$ModuleName"), '-c', $Configuration, '--no-build', '-o', (Join-Path $staging 'cmdlets'), '--nologo', '-v', 'quiet')
    $null = Invoke-Native dotnet @('publish', (Join-Path $Root "src/$ModuleName.Engine"), '-c', $Configuration, '--no-build', '-o', (Join-Path $staging 'engine'), '--nologo', '-v', 'quiet')
    $null = Invoke-Native dotnet @('publish', (Join-Path $Root "src/$ModuleName.LoadContext"), '-c', $Configuration, '--no-build', '-o', (Join-Path $staging 'loader'), '--nologo', '-v', 'quiet')

    $dependencies = Join-Path $ModuleOut 'dependencies'
    $null = New-Item -ItemType Directory -Force -Path $dependencies

    # Beside the manifest: the cmdlets, the shared Model (exactly one copy, default context) and
    # the net8.0 bridge that creates the private load context. Nothing else.
    foreach ($file in "$ModuleName.dll", "$ModuleName.pdb", "$ModuleName.Model.dll", "$ModuleName.Model.pdb", "$ModuleName.Format.ps1xml") {
        Copy-Item (Join-Path $staging "cmdlets/$file") $ModuleOut
    }
    foreach ($file in "$ModuleName.LoadContext.dll", "$ModuleName.LoadContext.pdb") {
        Copy-Item (Join-Path $staging "loader/$file") $ModuleOut
    }

    # dependencies/: the engine and every package it brings, never the Model (a second copy there
    # would give MissingMethodException across the two contexts).
    Get-ChildItem (Join-Path $staging 'engine') -File |
        Where-Object { $_.Name -notlike "$ModuleName.Model.*" -and $_.Extension -in '.dll', '.pdb', '.json' -and $_.Name -notlike '*.deps.json' } |
        Copy-Item -Destination $dependencies
    $engineData = Join-Path $staging 'engine/Data'
    if (Test-Path $engineData) { Copy-Item -Recurse $engineData $dependencies }

    # schemas/: the JSON Schema of Export-FastTrackReport -Format Json, for readers to validate against.
    $schemas = Join-Path $ModuleOut 'schemas'
    $null = New-Item -ItemType Directory -Force -Path $schemas
    Copy-Item (Join-Path $Root "src/$ModuleName.Engine/Reports/Schema/*.json") $schemas

    Copy-Item (Join-Path $Root "$ModuleName.psd1") $ModuleOut
    $help = Join-Path $Root 'docs'
    if (Test-Path (Join-Path $Root 'tools/Build-Help.ps1')) {
        & (Join-Path $Root 'tools/Build-Help.ps1') -DocsPath $help -OutputPath (Join-Path $ModuleOut 'en-US') -ModuleName $ModuleName
    }

    Remove-Item -Recurse -Force $staging
    Write-Host "Module laid out in $ModuleOut" -ForegroundColor Green
}

function Get-PwshInvocation {
    # `dotnet pwsh` runs pwsh.dll under the dotnet host; a fresh pwsh is the same pair.
    return @{ FilePath = [Environment]::ProcessPath; Prefix = @((Join-Path $PSHOME 'pwsh.dll')) }
}

function Read-TrxCounts {
    param([string] $Directory)
    $passed = 0; $failed = 0; $total = 0; $names = @()
    foreach ($trx in Get-ChildItem $Directory -Filter *.trx -ErrorAction SilentlyContinue) {
        [xml] $doc = Get-Content -Raw $trx.FullName
        $counters = $doc.TestRun.ResultSummary.Counters
        $passed += [int] $counters.passed
        $failed += [int] $counters.failed + [int] $counters.error + [int] $counters.timeout + [int] $counters.aborted
        $total += [int] $counters.total
        # Named again just above the closing line, so a CI log cut to its tail still says which test failed and why.
        foreach ($result in @($doc.TestRun.Results.UnitTestResult | Where-Object { $_.outcome -in 'Failed', 'Error', 'Timeout', 'Aborted' })) {
            $message = "$($result.Output.ErrorInfo.Message)".Trim() -split "`n" | Select-Object -First 3
            $names += "$($result.testName): $($message -join ' | ')"
        }
    }
    return [pscustomobject]@{ Passed = $passed; Failed = $failed; Total = $total; Names = $names }
}

function Test-Formatting {
    # .editorconfig is the style; this gate keeps the tree in it. Whitespace reads files only (no build);
    # style needs the restored solution, which Invoke-Build has just produced. LineLengthTests (xunit)
    # holds max_line_length, which dotnet format does not enforce.
    $solution = Join-Path $Root "$ModuleName.sln"
    $whitespace = Invoke-Native dotnet @('format', 'whitespace', $Root, '--folder', '--verify-no-changes', '-v', 'q') -AllowFailure
    $style = Invoke-Native dotnet @('format', 'style', $solution, '--verify-no-changes', '--no-restore', '--severity', 'warn', '-v', 'q') -AllowFailure
    $ok = $whitespace -eq 0 -and $style -eq 0
    if ($ok) {
        Write-Host 'Format check: 1 passed, 0 failed'
    }
    else {
        Write-Host "Format check: 0 passed, 1 failed. Fix with: dotnet format whitespace . --folder; dotnet format style $ModuleName.sln" -ForegroundColor Red
    }
    return $ok
}

function Invoke-Test {
    Invoke-Build
    $results = Join-Path $Artifacts 'test-results'
    Remove-Item -Recurse -Force $results -ErrorAction SilentlyContinue
    $null = New-Item -ItemType Directory -Force $results
    $null = Invoke-Native dotnet @('restore', (Join-Path $Root 'tools/PesterRestore.csproj'), '--nologo', '-v', 'quiet')

    $passed = 0; $failed = 0; $crashed = @(); $failures = @()

    if (-not $SkipFormatCheck) {
        if (Test-Formatting) { $passed++ } else { $failed++; $failures += 'Format check: the tree is not in the .editorconfig style (fix above)' }
    }

    # Every emulator the suites start (in-process or child) appends the request shapes it served here;
    # the contract check below judges them against Graph's v1.0 schema once all suites have run.
    $contractLog = Join-Path $results 'graph-contract.log'
    $env:FASTTRACK_CONTRACT_LOG = $contractLog

    if (-not $SkipXunit) {
        $testProjects = Get-ChildItem (Join-Path $Root 'tests') -Recurse -Filter *.Tests.csproj
        foreach ($project in $testProjects) {
            $trxDir = Join-Path $results $project.BaseName
            $code = Invoke-Native dotnet @('test', $project.FullName, '-c', $Configuration, '--no-build', '--nologo',
                '--logger', "trx;LogFileName=$($project.BaseName).trx", '--results-directory', $trxDir) -AllowFailure
            $counts = Read-TrxCounts $trxDir
            if ($counts.Total -eq 0 -and $code -ne 0) { $crashed += $project.BaseName }
            $passed += $counts.Passed; $failed += $counts.Failed; $failures += $counts.Names
            Write-Host ("xunit {0}: {1} passed, {2} failed" -f $project.BaseName, $counts.Passed, $counts.Failed)
        }
    }

    if (-not $SkipPester) {
        $summary = Join-Path $results 'pester-summary.json'
        $pwsh = Get-PwshInvocation
        $runner = Join-Path $Root 'tests/pester/Invoke-PesterSuite.ps1'
        $arguments = $pwsh.Prefix + @('-NoProfile', '-NonInteractive', '-File', $runner,
            '-ModulePath', (Join-Path $ModuleOut "$ModuleName.psd1"), '-EmulatorPath', $EmulatorDll,
            '-ResultDirectory', $results, '-SummaryPath', $summary)
        if ($PesterFilter) { $arguments += @('-Filter', $PesterFilter) }
        $null = Invoke-Native $pwsh.FilePath $arguments -AllowFailure
        if (Test-Path $summary) {
            $pester = Get-Content -Raw $summary | ConvertFrom-Json
            $passed += $pester.Passed; $failed += $pester.Failed; $failures += @($pester.FailedNames | Where-Object { $_ })
            Write-Host ("Pester: {0} passed, {1} failed" -f $pester.Passed, $pester.Failed)
        }
        else {
            $crashed += 'Pester'
        }
    }

    if (-not $SkipXunit) {
        # The Graph contract: every catalog request and every request the suites sent, judged by the schema.
        $engineTests = Join-Path $Root 'tests/FastTrack.Onboarding.Engine.Tests/FastTrack.Onboarding.Engine.Tests.csproj'
        $trxDir = Join-Path $results 'graph-contract'
        $filter = 'FullyQualifiedName~GraphContractTests.Every_catalog|FullyQualifiedName~GraphContractTests.Requests_the_test_suites'
        $null = Invoke-Native dotnet @('test', $engineTests, '-c', $Configuration, '--no-build', '--nologo', '--filter', $filter,
            '--logger', 'trx;LogFileName=graph-contract.trx', '--logger', 'console;verbosity=detailed', '--results-directory', $trxDir) -AllowFailure
        $counts = Read-TrxCounts $trxDir
        if ($counts.Total -eq 0) { $crashed += 'Graph contract' }
        $passed += $counts.Passed; $failed += $counts.Failed; $failures += $counts.Names
        Write-Host ("Graph contract check: {0} passed, {1} failed (log: {2})" -f $counts.Passed, $counts.Failed, $contractLog)
    }
    Remove-Item Env:FASTTRACK_CONTRACT_LOG -ErrorAction SilentlyContinue

    if ($crashed) {
        Write-Host "Runners that produced no results: $($crashed -join ', ')" -ForegroundColor Red
        $failed += $crashed.Count
    }

    foreach ($failure in $failures) {
        Write-Host "FAILED $failure" -ForegroundColor Red
    }

    # The closing line CI reads: xunit and Pester summed, alone on its line.
    Write-Host ''
    Write-Output "$passed passed, $failed failed"
    if ($failed -gt 0) { exit 1 }
}

function Start-DemoEmulator {
    param([string] $StateDirectory, [string[]] $EmulatorArguments)
    $ready = Join-Path $StateDirectory 'ready.json'
    Remove-Item $ready -ErrorAction SilentlyContinue
    $log = Join-Path $StateDirectory 'emulator.log'
    $arguments = @($EmulatorDll) + $EmulatorArguments + @('--state-dir', $StateDirectory, '--ready-file', $ready)
    $process = Start-Process -FilePath 'dotnet' -ArgumentList $arguments -PassThru -RedirectStandardOutput $log -RedirectStandardError "$log.err"
    $deadline = [DateTime]::UtcNow.AddSeconds(90)
    while (-not (Test-Path $ready)) {
        if ($process.HasExited) { throw "The Graph emulator exited with code $($process.ExitCode); see $log.err" }
        if ([DateTime]::UtcNow -gt $deadline) { $process.Kill(); throw "The Graph emulator did not become ready within 90 s; see $log" }
        Start-Sleep -Milliseconds 100
    }
    $info = Get-Content -Raw $ready | ConvertFrom-Json
    return [pscustomobject]@{ Process = $process; HttpUrl = $info.httpUrl; HttpsUrl = $info.httpsUrl; CaCertificatePath = $info.caCertificatePath }
}

function Invoke-Demo {
    Invoke-Build
    $state = Join-Path $Artifacts 'demo'
    $null = New-Item -ItemType Directory -Force $state
    $emulator = Start-DemoEmulator -StateDirectory $state -EmulatorArguments @('--tenant-demo')
    try {
        $pwsh = Get-PwshInvocation
        $env:SSL_CERT_FILE = $emulator.CaCertificatePath
        $demo = Join-Path $Root 'tests/Demo/Invoke-Demo.ps1'
        $null = Invoke-Native $pwsh.FilePath ($pwsh.Prefix + @('-NoProfile', '-NonInteractive', '-File', $demo,
            '-ModulePath', (Join-Path $ModuleOut "$ModuleName.psd1"), '-GraphEndpoint', $emulator.HttpUrl,
            '-AuthorityHost', $emulator.HttpsUrl, '-OutputDirectory', $state))
    }
    finally {
        Remove-Item Env:\SSL_CERT_FILE -ErrorAction SilentlyContinue
        if (-not $emulator.Process.HasExited) { $emulator.Process.Kill($true) }
    }
}

function Invoke-Bench {
    Invoke-Build
    $pwsh = Get-PwshInvocation
    $bench = Join-Path $Root 'tests/Bench/Invoke-Bench.ps1'
    $null = Invoke-Native $pwsh.FilePath ($pwsh.Prefix + @('-NoProfile', '-NonInteractive', '-File', $bench,
        '-ModulePath', (Join-Path $ModuleOut "$ModuleName.psd1"), '-EmulatorPath', $EmulatorDll, '-Root', $Root, '-Scenario', $Scenario))
}

function Invoke-Package {
    Invoke-Build
    # The zip and Azure Automation's rules live in one script, which Package.Tests.ps1 also runs.
    $package = & (Join-Path $Root 'tools/New-ModulePackage.ps1') -ModulePath $ModuleOut -DestinationDirectory $Artifacts
    Write-Host ("{0} {1}: {2:N1} MB, {3} files, longest path inside {4} characters: {5} (Azure Automation limits: 100 MB, 140 characters)" -f
        $package.Path, $package.ModuleVersion, ($package.SizeBytes / 1MB), $package.FileCount, $package.LongestPathLength, $package.LongestPath)
}

switch ($Task) {
    'Build' { Invoke-Build }
    'Test' { Invoke-Test }
    'Demo' { Invoke-Demo }
    'Bench' { Invoke-Bench }
    'Package' { Invoke-Package }
    'Clean' { Remove-Item -Recurse -Force $Out, $Artifacts -ErrorAction SilentlyContinue }
}
