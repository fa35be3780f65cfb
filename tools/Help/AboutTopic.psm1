# Turns docs/about_*.md into the about_*.help.txt that Get-Help about_… prints: headings at the
# margin in capitals, prose indented four spaces and wrapped at 80 columns, code indented eight.
Set-StrictMode -Version 3

function ConvertTo-AboutText {
    [CmdletBinding()]
    param([Parameter(Mandatory)][string] $Path)
    $lines = (Get-Content -Raw -Path $Path) -split "\r?\n"
    $title = ($lines | Where-Object { $_ -match '^# \S' } | Select-Object -First 1)
    if (-not $title) { throw "$Path has no '# about_Name' heading." }
    $out = [Text.StringBuilder]::new()
    $null = $out.AppendLine('TOPIC').AppendLine('    ' + $title.Substring(2).Trim()).AppendLine()
    $inFence = $false
    $paragraph = [Collections.Generic.List[string]]::new()
    $flush = {
        if ($paragraph.Count) {
            $text = ($paragraph -join ' ') -replace '\[([^\]]+)\]\(([^)]+)\)', '$1 ($2)'
            # List items hang under their bullet.
            $first = '    '; $rest = '    '
            if ($text -match '^([-*]|\d+\.)\s') { $rest = '      ' }
            $line = $first
            foreach ($word in $text -split '\s+') {
                if ($line.Trim() -and ($line.Length + 1 + $word.Length) -gt 80) { $null = $out.AppendLine($line.TrimEnd()); $line = $rest }
                $line += $(if ($line.Trim()) { ' ' } else { '' }) + $word
            }
            $null = $out.AppendLine($line.TrimEnd())
            $paragraph.Clear()
        }
    }
    foreach ($line in ($lines | Select-Object -Skip ([Array]::IndexOf($lines, $title) + 1))) {
        if ($line -match '^\s*```') { & $flush; $inFence = -not $inFence; continue }
        if ($inFence) { $null = $out.AppendLine('        ' + $line); continue }
        if ($line -match '^#{2,}\s+(.*)$') { & $flush; $null = $out.AppendLine($Matches[1].Trim().ToUpperInvariant()); continue }
        if ($line -match '^\s*$') { & $flush; $null = $out.AppendLine(); continue }
        if ($line -match '^\s*([-*]|\d+\.)\s') { & $flush }
        $paragraph.Add($line.Trim())
    }
    & $flush
    # Collapse runs of blank lines the markdown spacing leaves behind.
    return (($out.ToString() -replace '(\r?\n){3,}', "`n`n").TrimEnd() + "`n")
}

Export-ModuleMember -Function ConvertTo-AboutText
