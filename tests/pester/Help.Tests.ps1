#Requires -Modules Pester
# The shell experience of every exported cmdlet, read in a fresh pwsh the way users load the module:
# complete Get-Help -Full (synopsis, description, every parameter, two or more examples that parse
# and use only real parameters), the about topic, a format view for every output type, and tab
# completion of -CheckId, -Phase and -Service. Generic: a cmdlet merged later is covered by the same tests.

BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    # One child process collects everything; the tests below only look at what it saw.
    $run = Invoke-FreshPwsh -TimeoutSeconds 180 -Script @'
$common = [System.Management.Automation.Cmdlet]::CommonParameters + [System.Management.Automation.Cmdlet]::OptionalCommonParameters
$commands = foreach ($command in Get-Command -Module FastTrack.Onboarding -CommandType Cmdlet, Function | Sort-Object Name) {
    $help = Get-Help $command.Name -Full
    $documented = @($help.parameters.parameter | Where-Object { $_ } | ForEach-Object {
        [pscustomobject]@{ Name = [string]$_.name; Text = (@($_.description | ForEach-Object Text) -join ' ').Trim() }
    })
    $outputTypes = @($command.OutputType | ForEach-Object { if ($_.Type) { $_.Type.FullName } else { $_.Name } } | Where-Object { $_ -and $_ -ne 'System.Void' } | Select-Object -Unique)
    [pscustomobject]@{
        Name        = $command.Name
        Synopsis    = [string]$help.Synopsis
        Description = (@($help.description | ForEach-Object Text) -join "`n").Trim()
        Documented  = $documented
        Parameters  = @($command.Parameters.Values | Where-Object { $_.Name -notin $common -or $_.Name -in 'WhatIf', 'Confirm' } | ForEach-Object Name)
        Accepted    = @($command.Parameters.Values | ForEach-Object { $_.Name; $_.Aliases })
        Examples    = @($help.examples.example | Where-Object { $_ } | ForEach-Object { [pscustomobject]@{ Title = [string]$_.title; Code = [string]$_.code } })
        OutputTypes = @($outputTypes | ForEach-Object { [pscustomobject]@{ Type = $_; HasView = [bool](Get-FormatData -TypeName $_ -ErrorAction SilentlyContinue) } })
    }
}
$complete = {
    param($line)
    $r = TabExpansion2 -inputScript $line -cursorColumn $line.Length
    @($r.CompletionMatches | ForEach-Object { [pscustomobject]@{ Text = $_.CompletionText; ToolTip = $_.ToolTip } })
}
$completion = foreach ($command in Get-Command -Module FastTrack.Onboarding) {
    foreach ($parameter in 'CheckId', 'Phase', 'Service') {
        if ($command.Parameters.ContainsKey($parameter)) {
            # What the parameter accepts: its ValidateSet when it narrows the enum, else every enum name.
            $metadata = $command.Parameters[$parameter]
            $set = $metadata.Attributes | Where-Object { $_ -is [System.Management.Automation.ValidateSetAttribute] } | Select-Object -First 1
            $type = if ($metadata.ParameterType.IsArray) { $metadata.ParameterType.GetElementType() } else { $metadata.ParameterType }
            $accepted = if ($set) { @($set.ValidValues) } elseif ($type.IsEnum) { [Enum]::GetNames($type) } else { @() }
            [pscustomobject]@{ Command = $command.Name; Parameter = $parameter; Accepted = @($accepted); All = (& $complete "$($command.Name) -$parameter "); Narrowed = (& $complete "$($command.Name) -$parameter FT-ASSESS-ID") }
        }
    }
}
$checks = @(Get-FastTrackCheck | ForEach-Object { [pscustomobject]@{ Id = $_.CheckId; Title = $_.Title } })
# Every parameter name and alias of every cmdlet with its type: one name, one meaning, across the module.
$parameterTypes = foreach ($command in Get-Command -Module FastTrack.Onboarding -CommandType Cmdlet) {
    foreach ($parameter in $command.Parameters.Values | Where-Object { $_.Name -notin $common }) {
        foreach ($name in @($parameter.Name) + @($parameter.Aliases)) {
            [pscustomobject]@{ Name = $name; Type = $parameter.ParameterType.FullName; Command = $command.Name }
        }
    }
}
Write-TestResult ([pscustomobject]@{
    Commands   = @($commands)
    Completion = @($completion)
    Checks     = $checks
    ParameterTypes = @($parameterTypes)
    Phases     = [Enum]::GetNames([FastTrack.Onboarding.Model.Assessment.FastTrackPhase])
    Services   = [Enum]::GetNames([FastTrack.Onboarding.Model.Assessment.FastTrackService])
    Statuses   = [Enum]::GetNames([FastTrack.Onboarding.Model.Assessment.CheckStatus])
    Reasons    = [Enum]::GetNames([FastTrack.Onboarding.Model.Assessment.NotAssessedReason])
    About      = (Get-Help about_FastTrack.Onboarding | Out-String)
})
'@
    if ($run.ExitCode -ne 0 -or -not $run.Result) { throw "Collecting help in a fresh pwsh failed: $($run.Output)" }
    $script:Seen = $run.Result
    $script:CommandCases = @($Seen.Commands | ForEach-Object { @{ Name = $_.Name; Command = $_ } })
    $script:ExampleCases = @($Seen.Commands | ForEach-Object { $c = $_; $c.Examples | ForEach-Object { @{ Name = $c.Name; Title = $_.Title; Code = $_.Code; Command = $c } } })
    $script:OutputCases = @($Seen.Commands | ForEach-Object { $c = $_; $c.OutputTypes | ForEach-Object { @{ Name = $c.Name; Type = $_.Type; HasView = $_.HasView } } })
    $script:CompletionCases = @($Seen.Completion | ForEach-Object { @{ Command = $_.Command; Parameter = $_.Parameter; Case = $_ } })
    # The markdown sources of exported cmdlets, to catch prose for parameters that no longer exist.
    $docs = Join-Path $PSScriptRoot '../../docs'
    $script:DocCases = @(Get-ChildItem $docs -Filter *.md | Where-Object { $_.BaseName -in $Seen.Commands.Name } |
        ForEach-Object { @{ Name = $_.BaseName; Path = $_.FullName; Command = ($Seen.Commands | Where-Object Name -eq $_.BaseName) } })
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:Seen = $Seen
    # Every exported command's parameters and aliases, to check the parameters used in examples.
    $script:AcceptedByCommand = @{}
    foreach ($c in $Seen.Commands) { $script:AcceptedByCommand[$c.Name] = @($c.Accepted) }
    $script:Common = [System.Management.Automation.Cmdlet]::CommonParameters + [System.Management.Automation.Cmdlet]::OptionalCommonParameters
}

Describe 'Get-Help -Full of <Name>' -ForEach $CommandCases {
    It 'has a synopsis of its own (not the generated syntax line)' {
        $Command.Synopsis | Should -Not -BeNullOrEmpty
        $Command.Synopsis | Should -Not -Match "^\s*$([regex]::Escape($Name))(\s|$)" -Because "docs/$Name.md needs a ## SYNOPSIS"
    }

    It 'has a description' {
        $Command.Description | Should -Not -BeNullOrEmpty -Because "docs/$Name.md needs a ## DESCRIPTION"
    }

    It 'documents every parameter' {
        foreach ($parameter in $Command.Parameters) {
            $entry = $Command.Documented | Where-Object Name -eq $parameter
            $entry | Should -Not -BeNullOrEmpty -Because "-$parameter must have a '### -$parameter' section in docs/$Name.md"
            $entry.Text | Should -Not -BeNullOrEmpty -Because "-$parameter needs a description in docs/$Name.md"
        }
    }

    It 'has two or more examples' {
        @($Command.Examples).Count | Should -BeGreaterOrEqual 2 -Because "docs/$Name.md needs two '### Example N:' sections with code"
    }
}

Describe 'Example of <Name>: <Title>' -ForEach $ExampleCases {
    It 'parses without errors' {
        $tokens = $null; $errors = $null
        $null = [System.Management.Automation.Language.Parser]::ParseInput($Code, [ref]$tokens, [ref]$errors)
        $errors | Should -BeNullOrEmpty -Because ($errors | ForEach-Object Message | Out-String)
    }

    It 'calls the module''s cmdlets only with parameters they have' {
        $tokens = $null; $errors = $null
        $ast = [System.Management.Automation.Language.Parser]::ParseInput($Code, [ref]$tokens, [ref]$errors)
        $calls = $ast.FindAll({ param($node) $node -is [System.Management.Automation.Language.CommandAst] }, $true)
        $own = @($calls | Where-Object { $script:AcceptedByCommand.ContainsKey([string]$_.GetCommandName()) })
        @($own | Where-Object { $_.GetCommandName() -eq $Name }).Count | Should -BeGreaterThan 0 -Because 'an example of a cmdlet runs that cmdlet'
        foreach ($call in $own) {
            $accepted = $script:AcceptedByCommand[$call.GetCommandName()] + $script:Common
            foreach ($parameter in $call.CommandElements | Where-Object { $_ -is [System.Management.Automation.Language.CommandParameterAst] }) {
                $parameter.ParameterName | Should -BeIn $accepted -Because "$($call.GetCommandName()) has no -$($parameter.ParameterName)"
            }
        }
    }
}

Describe 'docs/<Name>.md' -ForEach $DocCases {
    It 'documents only parameters the cmdlet has' {
        $headings = Select-String -Path $Path -Pattern '^### -(\S+)' | ForEach-Object { $_.Matches[0].Groups[1].Value }
        foreach ($heading in $headings) {
            $heading | Should -BeIn $Command.Parameters -Because "docs/$Name.md documents -$heading, which $Name does not have"
        }
    }
}

Describe 'Parameter names across the module' {
    It 'give each name (or alias) one type on every cmdlet' {
        $Seen.ParameterTypes.Count | Should -BeGreaterThan 50 -Because 'every cmdlet''s parameters were collected'
        $clashes = @($Seen.ParameterTypes | Group-Object Name | Where-Object { @($_.Group.Type | Sort-Object -Unique).Count -gt 1 } | ForEach-Object {
            "-$($_.Name): " + (($_.Group | ForEach-Object { "$($_.Command) $($_.Type)" }) -join '; ') })
        $clashes | Should -BeNullOrEmpty -Because ($clashes -join "`n")
    }

    It 'keep -Service for FastTrack services, -Workload for workloads, and one PipeBind per cmdlet input' {
        $expected = @{
            Service            = 'FastTrack.Onboarding.Model.Assessment.FastTrackService[]'
            Workload           = 'FastTrack.Onboarding.Model.Assessment.FastTrackWorkload[]'
            DnsResult          = 'FastTrack.Onboarding.PipeBinds.DnsResultPipeBind[]'
            ConnectivityResult = 'FastTrack.Onboarding.PipeBinds.ConnectivityResultPipeBind[]'
            Connectivity       = 'FastTrack.Onboarding.PipeBinds.ConnectivityResultPipeBind[]'
        }
        foreach ($name in $expected.Keys) {
            $types = @($Seen.ParameterTypes | Where-Object Name -eq $name | ForEach-Object Type | Sort-Object -Unique)
            $types | Should -Not -BeNullOrEmpty -Because "some cmdlet takes -$name"
            $types | Should -Be @($expected[$name]) -Because "-$name means one thing"
        }
    }
}

Describe 'about_FastTrack.Onboarding' {
    It 'is found by Get-Help' {
        $Seen.About | Should -Match 'about_FastTrack\.Onboarding'
        $Seen.About | Should -Match 'SHORT DESCRIPTION'
    }

    It 'explains every phase and every check status and NotAssessed reason' {
        foreach ($name in @($Seen.Phases) + @($Seen.Statuses) + @($Seen.Reasons | Where-Object { $_ -ne 'None' })) {
            $Seen.About | Should -Match "\b$name\b" -Because "the about topic must explain $name"
        }
    }
}

Describe 'Format view for <Type> (output of <Name>)' -ForEach $OutputCases {
    It 'exists in the module''s format file' {
        # System types (strings, PSObject) have PowerShell's own views; the module's own types need one.
        if ($Type -notlike 'FastTrack.*') { Set-ItResult -Skipped -Because "$Type is not a module type"; return }
        $HasView | Should -BeTrue -Because "add a <View> for $Type to src/FastTrack.Onboarding/Formats/FastTrack.Onboarding.Format.ps1xml"
    }
}

Describe 'Tab completion of <Command> -<Parameter>' -ForEach $CompletionCases {
    It 'offers the right values' {
        $texts = @($Case.All | ForEach-Object Text)
        switch ($Parameter) {
            'CheckId' {
                $texts | Should -Be @($Seen.Checks.Id) -Because 'every check id, in catalog order'
                foreach ($check in $Seen.Checks) {
                    ($Case.All | Where-Object Text -eq $check.Id).ToolTip | Should -BeLike "$($check.Title)*" -Because 'the tooltip names the check'
                }
                $narrowed = @($Case.Narrowed | ForEach-Object Text)
                $narrowed | Should -Not -BeNullOrEmpty
                $narrowed | ForEach-Object { $_ | Should -BeLike 'FT-ASSESS-ID*' }
            }
            'Phase' { $texts | Sort-Object | Should -Be (@($Case.Accepted) | Sort-Object) }
            'Service' { $texts | Sort-Object | Should -Be (@($Case.Accepted) | Sort-Object) }
        }
    }
}
