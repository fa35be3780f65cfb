# Writes MAML (the command:command schema Get-Help reads for binary modules) from the code's
# metadata (Export-CmdletMetadata.ps1) and the prose of the markdown (HelpMarkdown.psm1).
Set-StrictMode -Version 3

$script:Maml = 'http://schemas.microsoft.com/maml/2004/10'
$script:Command = 'http://schemas.microsoft.com/maml/dev/command/2004/10'
$script:Dev = 'http://schemas.microsoft.com/maml/dev/2004/10'

# -WhatIf/-Confirm come from SupportsShouldProcess; their text is the same for every cmdlet.
$script:StandardText = @{
    WhatIf  = @('Shows what would happen if the cmdlet runs. The cmdlet is not run.')
    Confirm = @('Prompts you for confirmation before running the cmdlet.')
}

function Write-Paras([Xml.XmlWriter] $W, [string[]] $Paragraphs) {
    $W.WriteStartElement('maml', 'description', $script:Maml)
    if (-not $Paragraphs) { $Paragraphs = @('') }
    foreach ($p in $Paragraphs) { $W.WriteElementString('maml', 'para', $script:Maml, $p) }
    $W.WriteEndElement()
}

function Get-PipelineText($Parameter) {
    $kinds = @()
    if ($Parameter.Sets | Where-Object ByValue) { $kinds += 'ByValue' }
    if ($Parameter.Sets | Where-Object ByPropertyName) { $kinds += 'ByPropertyName' }
    if ($kinds) { return "True ($($kinds -join ', '))" } else { return 'False' }
}

function Write-Parameter([Xml.XmlWriter] $W, $Parameter, [string[]] $Prose, [bool] $Required, [string] $Position, [switch] $InSyntax) {
    $W.WriteStartElement('command', 'parameter', $script:Command)
    $W.WriteAttributeString('required', $Required.ToString().ToLowerInvariant())
    $W.WriteAttributeString('variableLength', 'true')
    $W.WriteAttributeString('globbing', $Parameter.Globbing.ToString().ToLowerInvariant())
    $W.WriteAttributeString('pipelineInput', (Get-PipelineText $Parameter))
    $W.WriteAttributeString('position', $Position)
    $W.WriteAttributeString('aliases', $(if ($Parameter.Aliases) { $Parameter.Aliases -join ', ' } else { 'none' }))
    $W.WriteElementString('maml', 'name', $script:Maml, $Parameter.Name)
    Write-Paras $W $Prose
    if ($Parameter.Values) {
        $W.WriteStartElement('command', 'parameterValueGroup', $script:Command)
        foreach ($value in $Parameter.Values) {
            $W.WriteStartElement('command', 'parameterValue', $script:Command)
            $W.WriteAttributeString('required', 'false'); $W.WriteAttributeString('command', 'variableLength', $script:Command, 'false')
            $W.WriteString($value); $W.WriteEndElement()
        }
        $W.WriteEndElement()
    }
    # A switch takes no value: the syntax line shows [-Name], not [-Name <SwitchParameter>].
    if (-not ($InSyntax -and $Parameter.IsSwitch)) {
        $W.WriteStartElement('command', 'parameterValue', $script:Command)
        $W.WriteAttributeString('required', (-not $Parameter.IsSwitch).ToString().ToLowerInvariant())
        $W.WriteAttributeString('variableLength', 'false')
        $W.WriteString($Parameter.ShortTypeName); $W.WriteEndElement()
    }
    $W.WriteStartElement('dev', 'type', $script:Dev)
    $W.WriteElementString('maml', 'name', $script:Maml, $Parameter.TypeName)
    $W.WriteElementString('maml', 'uri', $script:Maml, '')
    $W.WriteEndElement()
    $W.WriteElementString('dev', 'defaultValue', $script:Dev, $Parameter.Default)
    $W.WriteEndElement()
}

function Write-TypeList([Xml.XmlWriter] $W, [string] $ListName, [string] $ItemName, $Items) {
    $W.WriteStartElement('command', $ListName, $script:Command)
    foreach ($item in $Items) {
        $W.WriteStartElement('command', $ItemName, $script:Command)
        $W.WriteStartElement('dev', 'type', $script:Dev)
        $W.WriteElementString('maml', 'name', $script:Maml, $item.TypeName)
        $W.WriteEndElement()
        Write-Paras $W $item.Description
        $W.WriteEndElement()
    }
    $W.WriteEndElement()
}

function Write-MamlCommand([Xml.XmlWriter] $W, $Meta, $Doc) {
    $prose = { param($name) if ($Doc.Parameters.Contains($name)) { $Doc.Parameters[$name] } elseif ($script:StandardText.ContainsKey($name)) { $script:StandardText[$name] } else { @() } }

    $W.WriteStartElement('command', 'command', $script:Command)
    $W.WriteAttributeString('xmlns', 'maml', $null, $script:Maml)
    $W.WriteAttributeString('xmlns', 'dev', $null, $script:Dev)

    $W.WriteStartElement('command', 'details', $script:Command)
    $W.WriteElementString('command', 'name', $script:Command, $Meta.Name)
    $W.WriteElementString('command', 'verb', $script:Command, $Meta.Verb)
    $W.WriteElementString('command', 'noun', $script:Command, $Meta.Noun)
    Write-Paras $W @($Doc.Synopsis)
    $W.WriteEndElement()

    Write-Paras $W $Doc.Description

    $W.WriteStartElement('command', 'syntax', $script:Command)
    $sets = @($Meta.Sets | Sort-Object { -not $_.IsDefault })
    foreach ($set in $sets) {
        $W.WriteStartElement('command', 'syntaxItem', $script:Command)
        $W.WriteElementString('maml', 'name', $script:Maml, $Meta.Name)
        foreach ($entry in $set.Parameters) {
            $parameter = $Meta.Parameters | Where-Object Name -eq $entry.Name
            $position = if ($entry.Position -ge 0) { [string]$entry.Position } else { 'named' }
            Write-Parameter $W $parameter (& $prose $entry.Name) $entry.Mandatory $position -InSyntax
        }
        $W.WriteEndElement()
    }
    $W.WriteEndElement()

    # One entry per parameter: required only when every set that has it requires it; the first
    # position any set gives it. The prose says which sign-in needs what.
    $W.WriteStartElement('command', 'parameters', $script:Command)
    foreach ($parameter in $Meta.Parameters) {
        $required = -not ($parameter.Sets | Where-Object { -not $_.Mandatory })
        $positioned = $parameter.Sets | Where-Object { $_.Position -ge 0 } | Select-Object -First 1
        $position = if ($positioned) { [string]$positioned.Position } else { 'named' }
        Write-Parameter $W $parameter (& $prose $parameter.Name) $required $position
    }
    $W.WriteEndElement()

    Write-TypeList $W 'inputTypes' 'inputType' $Doc.Inputs
    # Output types: the markdown's text, else the code's [OutputType] with no text.
    $outputs = if ($Doc.Outputs) { $Doc.Outputs } else { $Meta.OutputTypes | ForEach-Object { [pscustomobject]@{ TypeName = $_; Description = @() } } }
    Write-TypeList $W 'returnValues' 'returnValue' $outputs

    $W.WriteStartElement('maml', 'alertSet', $script:Maml)
    $W.WriteStartElement('maml', 'alert', $script:Maml)
    foreach ($p in @($Doc.Notes)) { $W.WriteElementString('maml', 'para', $script:Maml, $p) }
    $W.WriteEndElement(); $W.WriteEndElement()

    $W.WriteStartElement('command', 'examples', $script:Command)
    $number = 0
    foreach ($example in $Doc.Examples) {
        $number++
        $W.WriteStartElement('command', 'example', $script:Command)
        $W.WriteElementString('maml', 'title', $script:Maml, "---------- $($example.Title) ----------")
        $W.WriteElementString('dev', 'code', $script:Dev, $example.Code)
        $W.WriteStartElement('dev', 'remarks', $script:Dev)
        foreach ($p in @($example.Remarks)) { $W.WriteElementString('maml', 'para', $script:Maml, $p) }
        $W.WriteEndElement()
        $W.WriteEndElement()
    }
    $W.WriteEndElement()

    $W.WriteStartElement('command', 'relatedLinks', $script:Command)
    foreach ($link in $Doc.Links) {
        $W.WriteStartElement('maml', 'navigationLink', $script:Maml)
        $W.WriteElementString('maml', 'linkText', $script:Maml, $link.Text)
        $W.WriteElementString('maml', 'uri', $script:Maml, $link.Uri)
        $W.WriteEndElement()
    }
    $W.WriteEndElement()

    $W.WriteEndElement()
}

function Write-MamlFile {
    <#
    .SYNOPSIS
        Writes <Module>.dll-Help.xml: one command:command per cmdlet that has both metadata and markdown.
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory)] $Metadata, [Parameter(Mandatory)] [hashtable] $Docs, [Parameter(Mandatory)] [string] $Path)
    $settings = [Xml.XmlWriterSettings]::new()
    $settings.Indent = $true
    $settings.Encoding = [Text.UTF8Encoding]::new($false)
    $writer = [Xml.XmlWriter]::Create($Path, $settings)
    try {
        $writer.WriteStartDocument()
        $writer.WriteStartElement('helpItems', 'http://msh')
        $writer.WriteAttributeString('schema', 'maml')
        foreach ($meta in $Metadata) {
            if ($Docs.ContainsKey($meta.Name)) { Write-MamlCommand $writer $meta $Docs[$meta.Name] }
        }
        $writer.WriteEndElement()
        $writer.WriteEndDocument()
    }
    finally { $writer.Dispose() }
}

Export-ModuleMember -Function Write-MamlFile
