# Reads the cmdlet help markdown of docs/ (shape: docs/README.md) into plain objects.
# Only prose comes from markdown; Build-Help.ps1 takes every fact about parameters from the code.
Set-StrictMode -Version 3

function ConvertTo-Paragraphs {
    <# Markdown prose → paragraphs: blank lines separate them, list items stay one per paragraph. #>
    param([string[]] $Lines)
    $paragraphs = [Collections.Generic.List[string]]::new()
    $current = [Collections.Generic.List[string]]::new()
    $flush = { if ($current.Count) { $paragraphs.Add(($current -join ' ').Trim()); $current.Clear() } }
    $inFence = $false
    foreach ($line in $Lines) {
        if ($line -match '^\s*```') { & $flush; $inFence = -not $inFence; continue }
        if ($inFence) { $paragraphs.Add('    ' + $line); continue }   # code inside prose stays verbatim
        if ($line -match '^\s*$') { & $flush; continue }
        if ($line -match '^\s*([-*]|\d+\.)\s+') { & $flush }
        # [text](url) reads better as "text (url)" in a console.
        $current.Add(($line.Trim() -replace '\[([^\]]+)\]\(([^)]+)\)', '$1 ($2)'))
    }
    & $flush
    return , $paragraphs.ToArray()
}

function Split-Sections {
    <# Lines → ordered dictionary heading → lines, for headings of exactly the given level. #>
    param([string[]] $Lines, [int] $Level)
    $marker = ('#' * $Level) + ' '
    $sections = [ordered]@{}
    $name = ''
    $sections[$name] = [Collections.Generic.List[string]]::new()
    $inFence = $false
    foreach ($line in $Lines) {
        if ($line -match '^\s*```') { $inFence = -not $inFence }
        if (-not $inFence -and $line.StartsWith($marker)) {
            $name = $line.Substring($marker.Length).Trim()
            $sections[$name] = [Collections.Generic.List[string]]::new()
            continue
        }
        $sections[$name].Add($line)
    }
    return $sections
}

function ConvertFrom-HelpMarkdown {
    <#
    .SYNOPSIS
        Parses one cmdlet's markdown (# Name, ## SYNOPSIS, ## DESCRIPTION, ## EXAMPLES, ## PARAMETERS,
        ## INPUTS, ## OUTPUTS, ## NOTES, ## RELATED LINKS) into an object.
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory)][string] $Path)
    $lines = (Get-Content -Raw -Path $Path) -split "\r?\n"
    $title = $lines | Where-Object { $_ -match '^# \S' } | Select-Object -First 1
    if (-not $title) { throw "$Path has no '# Cmdlet-Name' heading." }
    $sections = Split-Sections $lines 2

    $get = { param($n) if ($sections.Contains($n)) { , $sections[$n].ToArray() } else { , @() } }

    $examples = foreach ($entry in (Split-Sections (& $get 'EXAMPLES') 3).GetEnumerator()) {
        if (-not $entry.Key) { continue }
        $code = [Collections.Generic.List[string]]::new(); $remarks = [Collections.Generic.List[string]]::new()
        $state = 'before'
        foreach ($line in $entry.Value) {
            if ($state -eq 'before' -and $line -match '^\s*```') { $state = 'code'; continue }
            if ($state -eq 'code' -and $line -match '^\s*```') { $state = 'after'; continue }
            if ($state -eq 'code') { $code.Add($line) } elseif ($state -eq 'after') { $remarks.Add($line) }
        }
        [pscustomobject]@{ Title = $entry.Key; Code = ($code -join "`n").Trim(); Remarks = ConvertTo-Paragraphs $remarks }
    }

    $parameters = [ordered]@{}
    foreach ($entry in (Split-Sections (& $get 'PARAMETERS') 3).GetEnumerator()) {
        if (-not $entry.Key) { continue }
        # An optional ```yaml block (platyPS habit) is ignored: those facts come from the code.
        $prose = [Collections.Generic.List[string]]::new(); $inYaml = $false
        foreach ($line in $entry.Value) {
            if ($line -match '^\s*```ya?ml') { $inYaml = $true; continue }
            if ($inYaml) { if ($line -match '^\s*```') { $inYaml = $false }; continue }
            $prose.Add($line)
        }
        $parameters[$entry.Key.TrimStart('-').Trim()] = ConvertTo-Paragraphs $prose
    }

    $typed = {
        param($section)
        foreach ($entry in (Split-Sections (& $get $section) 3).GetEnumerator()) {
            if ($entry.Key) { [pscustomobject]@{ TypeName = $entry.Key; Description = ConvertTo-Paragraphs $entry.Value } }
            elseif (($entry.Value -join '').Trim() -and ($entry.Value -join '').Trim() -ne 'None') {
                [pscustomobject]@{ TypeName = 'None'; Description = ConvertTo-Paragraphs $entry.Value }
            }
        }
    }

    $links = foreach ($line in (& $get 'RELATED LINKS')) {
        # Only web addresses are kept as URIs; [Get-X](Get-X) is a help cross-reference, shown as its name.
        if ($line -match '^\s*[-*]\s*\[([^\]]+)\]\(([^)]*)\)') { [pscustomobject]@{ Text = $Matches[1]; Uri = $(if ($Matches[2] -match '^https?://') { $Matches[2] } else { '' }) } }
        elseif ($line -match '^\s*[-*]\s*(\S.*)$') { [pscustomobject]@{ Text = $Matches[1].Trim(); Uri = '' } }
    }

    [pscustomobject]@{
        Name        = $title.Substring(2).Trim()
        Path        = $Path
        Synopsis    = (ConvertTo-Paragraphs (& $get 'SYNOPSIS')) -join ' '
        Description = ConvertTo-Paragraphs (& $get 'DESCRIPTION')
        Examples    = @($examples)
        Parameters  = $parameters
        Inputs      = @(& $typed 'INPUTS')
        Outputs     = @(& $typed 'OUTPUTS')
        Notes       = ConvertTo-Paragraphs (& $get 'NOTES')
        Links       = @($links)
    }
}

Export-ModuleMember -Function ConvertFrom-HelpMarkdown, ConvertTo-Paragraphs, Split-Sections
