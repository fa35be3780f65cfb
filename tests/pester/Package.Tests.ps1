#Requires -Modules Pester
# The zip Azure Automation imports (tools/New-ModulePackage.ps1, also run by build.ps1 -Task Package):
# zip name = root folder name = module name with the manifest inside, under 100 MB, paths under
# 140 characters; and the unzipped module imports by name with its cmdlets and help.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Add-Type -AssemblyName System.IO.Compression, System.IO.Compression.FileSystem
    $script:Packager = Join-Path $PSScriptRoot '../../tools/New-ModulePackage.ps1'
    $script:ModuleFolder = Split-Path (Get-TestModulePath) -Parent
    $script:Work = Join-Path ([IO.Path]::GetTempPath()) ('ft-package-' + [guid]::NewGuid().ToString('N'))
    $script:Package = & $script:Packager -ModulePath $script:ModuleFolder -DestinationDirectory $script:Work
    $zip = [IO.Compression.ZipFile]::OpenRead($script:Package.Path)
    try { $script:Entries = @($zip.Entries | ForEach-Object FullName) } finally { $zip.Dispose() }
    $script:Manifest = Import-PowerShellDataFile (Get-TestModulePath)
}

AfterAll {
    Remove-Item -Recurse -Force $script:Work -ErrorAction SilentlyContinue
}

Describe 'The Azure Automation package' {
    It 'is named like the module' {
        Split-Path $Package.Path -Leaf | Should -Be 'FastTrack.Onboarding.zip'
    }

    It 'has the module folder at its root with the manifest inside, and nothing beside it' {
        $Entries | Should -Contain 'FastTrack.Onboarding/FastTrack.Onboarding.psd1'
        $Entries | ForEach-Object { $_ | Should -BeLike 'FastTrack.Onboarding/*' }
        $Entries | ForEach-Object { $_ | Should -Not -Match '\\' -Because 'zip entries use / (a \ extracts as one flat file name on Linux)' }
    }

    It 'holds every file of the laid-out module, help included' {
        $expected = Get-ChildItem $ModuleFolder -Recurse -File | ForEach-Object { 'FastTrack.Onboarding/' + ([IO.Path]::GetRelativePath($ModuleFolder, $_.FullName) -replace '\\', '/') }
        $Entries | Sort-Object | Should -Be ($expected | Sort-Object)
        $Entries | Should -Contain 'FastTrack.Onboarding/en-US/FastTrack.Onboarding.dll-Help.xml'
        $Entries | Should -Contain 'FastTrack.Onboarding/en-US/about_FastTrack.Onboarding.help.txt'
    }

    It 'is under 100 MB' {
        (Get-Item $Package.Path).Length | Should -BeLessThan 100MB
        $Package.SizeBytes | Should -Be (Get-Item $Package.Path).Length
    }

    It 'has every path under 140 characters' {
        $longest = $Entries | Sort-Object Length -Descending | Select-Object -First 1
        $longest.Length | Should -BeLessThan 140 -Because $longest
        $Package.LongestPathLength | Should -Be $longest.Length
    }

    It 'imports by name after unzipping, with every exported cmdlet and its help' {
        $extracted = Join-Path $Work 'modules'
        [IO.Compression.ZipFile]::ExtractToDirectory($Package.Path, $extracted)
        $run = Invoke-FreshPwsh -Environment @{ PSModulePath = $extracted + [IO.Path]::PathSeparator + $env:PSModulePath } -Script @'
Remove-Module FastTrack.Onboarding
$module = Import-Module FastTrack.Onboarding -PassThru
Write-TestResult ([pscustomobject]@{
    Base = $module.ModuleBase
    Cmdlets = @($module.ExportedCmdlets.Keys | Sort-Object)
    Synopsis = (Get-Help Connect-FastTrackTenant).Synopsis
})
'@
        $run.ExitCode | Should -Be 0 -Because $run.Output
        $run.Result.Base | Should -BeLike "$extracted*"
        $run.Result.Cmdlets | Should -Be (@($Manifest.CmdletsToExport) | Sort-Object)
        $run.Result.Synopsis | Should -Not -Match '^Connect-FastTrackTenant' -Because 'the MAML help travels in the zip'
    }
}

Describe 'New-ModulePackage.ps1 refuses what Azure Automation refuses' {
    It 'refuses a folder not named like its manifest' {
        $folder = Join-Path $Work 'Wrong'
        $null = New-Item -ItemType Directory -Force $folder
        Set-Content (Join-Path $folder 'Other.psd1') "@{ ModuleVersion = '1.0.0' }"
        { & $Packager -ModulePath $folder -DestinationDirectory (Join-Path $Work 'out-wrong') } | Should -Throw '*no Wrong.psd1*'
    }

    It 'refuses a path of 140 characters or more' {
        $folder = Join-Path $Work 'Deep'
        $null = New-Item -ItemType Directory -Force $folder
        Set-Content (Join-Path $folder 'Deep.psd1') "@{ ModuleVersion = '1.0.0' }"
        $nested = Join-Path $folder ('d' * 70) ('e' * 70)
        $null = New-Item -ItemType Directory -Force $nested
        Set-Content (Join-Path $nested 'file.txt') 'x'
        { & $Packager -ModulePath $folder -DestinationDirectory (Join-Path $Work 'out-deep') } | Should -Throw '*under 140*'
    }
}
