<#
.SYNOPSIS
    Writes what the compiled cmdlets say about themselves (parameters, sets, types, defaults) as JSON.
.DESCRIPTION
    Runs in a child pwsh started by Build-Help.ps1, so the build's own session never loads the
    module it is laying out. Everything Get-Help shows besides prose comes from here, so the
    help cannot drift from the code: types, mandatory, position, pipeline input, aliases,
    wildcards, accepted values (ValidateSet and enums) and defaults (read from a fresh instance
    of the cmdlet class).
.PARAMETER ManifestPath
    The built module's .psd1.
.PARAMETER OutputPath
    Where to write the JSON.
.EXAMPLE
    pwsh -NoProfile -File tools/Help/Export-CmdletMetadata.ps1 -ManifestPath out/FastTrack.Onboarding/FastTrack.Onboarding.psd1 -OutputPath meta.json
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)][string] $ManifestPath,
    [Parameter(Mandatory)][string] $OutputPath
)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3

$module = Import-Module ([IO.Path]::GetFullPath($ManifestPath)) -PassThru -Force
$common = [System.Management.Automation.Cmdlet]::CommonParameters + [System.Management.Automation.Cmdlet]::OptionalCommonParameters

function Get-ShortTypeName([type] $Type) {
    if ($Type.IsArray) { return (Get-ShortTypeName $Type.GetElementType()) + '[]' }
    $underlying = [Nullable]::GetUnderlyingType($Type)
    if ($underlying) { return Get-ShortTypeName $underlying }
    return $Type.Name
}

function Get-DefaultText($Instance, [string] $Name) {
    # Only a value the code actually sets is a default worth showing; null and empty arrays are "None".
    $property = $Instance.GetType().GetProperty($Name)
    if (-not $property) { return 'None' }
    $value = $property.GetValue($Instance)
    if ($null -eq $value) { return 'None' }
    if ($value -is [System.Management.Automation.SwitchParameter]) { return [string] $value.IsPresent }
    if ($value -is [Array]) { if ($value.Count -eq 0) { return 'None' } return ($value -join ', ') }
    return [string] $value
}

$commands = foreach ($command in Get-Command -Module $module.Name -CommandType Cmdlet | Sort-Object Name) {
    $instance = [Activator]::CreateInstance($command.ImplementingType)
    $parameters = foreach ($parameter in $command.Parameters.Values) {
        if ($parameter.Name -in $common -and $parameter.Name -notin 'WhatIf', 'Confirm') { continue }
        $type = $parameter.ParameterType
        $elementType = if ($type.IsArray) { $type.GetElementType() } else { $type }
        $elementType = if ([Nullable]::GetUnderlyingType($elementType)) { [Nullable]::GetUnderlyingType($elementType) } else { $elementType }
        $validateSet = $parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.ValidateSetAttribute] } | Select-Object -First 1
        $values = if ($validateSet) { @($validateSet.ValidValues) } elseif ($elementType.IsEnum) { [Enum]::GetNames($elementType) } else { @() }
        [pscustomobject]@{
            Name          = $parameter.Name
            TypeName      = $type.FullName
            ShortTypeName = Get-ShortTypeName $type
            IsSwitch      = $type -eq [System.Management.Automation.SwitchParameter]
            Aliases       = @($parameter.Aliases)
            Globbing      = [bool]($parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.SupportsWildcardsAttribute] })
            Values        = @($values)
            Default       = Get-DefaultText $instance $parameter.Name
            Sets          = @(foreach ($set in $parameter.ParameterSets.GetEnumerator()) {
                    [pscustomobject]@{
                        Name          = $set.Key
                        Mandatory     = $set.Value.IsMandatory
                        Position      = $set.Value.Position
                        ByValue       = $set.Value.ValueFromPipeline
                        ByPropertyName = $set.Value.ValueFromPipelineByPropertyName
                    }
                })
        }
    }
    $sets = foreach ($set in $command.ParameterSets) {
        # Positional parameters first, by position; then the mandatory ones; then the rest (as Get-Command shows syntax).
        $ordered = $set.Parameters | Where-Object { $_.Name -notin $common -or $_.Name -in 'WhatIf', 'Confirm' } |
            Sort-Object @{ Expression = { if ($_.Position -ge 0) { $_.Position } else { [int]::MaxValue } } }, @{ Expression = { -not $_.IsMandatory } }
        [pscustomobject]@{
            Name       = $set.Name
            IsDefault  = $set.IsDefault
            Parameters = @($ordered | ForEach-Object { [pscustomobject]@{ Name = $_.Name; Mandatory = $_.IsMandatory; Position = $_.Position } })
        }
    }
    [pscustomobject]@{
        Name        = $command.Name
        Verb        = $command.Verb
        Noun        = $command.Noun
        OutputTypes = @($command.OutputType | ForEach-Object { if ($_.Type) { $_.Type.FullName } else { $_.Name } } | Where-Object { $_ -ne 'System.Void' } | Select-Object -Unique)
        Parameters  = @($parameters)
        Sets        = @($sets)
    }
}

ConvertTo-Json -InputObject @($commands) -Depth 8 | Set-Content -Path $OutputPath -Encoding utf8
