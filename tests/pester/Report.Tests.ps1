#Requires -Modules Pester
# Export-FastTrackReport in a fresh pwsh, the way an admin uses it: connect to the demo tenant
# (loopback Graph emulator), assess, export every format; then every file is parsed back here
# (JSON against the schema shipped in the module, JUnit as XML, CSV with Import-Csv) and its
# counts compared with the assessment's. The headless-Chromium test of the HTML report is the
# xunit test HtmlReportBrowserTests (engine tests), on the same demo tenant.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot '../Common/GraphEmulator.psm1') -Force

    $script:Emulator = Start-GraphEmulator -EmulatorPath (Get-TestEmulatorPath) -Arguments @('--tenant-demo')
    $script:OutDir = Join-Path ([IO.Path]::GetTempPath()) ("ft-report-pester-" + [guid]::NewGuid().ToString('N').Substring(0, 8))
    $null = New-Item -ItemType Directory -Force $script:OutDir

    $script:Run = Invoke-FreshPwsh -TimeoutSeconds 180 -Environment @{
        SSL_CERT_FILE = $script:Emulator.CaCertificatePath
        FT_GRAPH      = $script:Emulator.HttpUrl
        FT_AUTHORITY  = $script:Emulator.HttpsUrl
        FT_OUT        = $script:OutDir
    } -Script @'
# The demo tenant's test-only app registration (tests/Tenants/TenantFixtures/Fixture.cs).
$secret = ConvertTo-SecureString 'demo-secret-not-for-production' -AsPlainText -Force
$null = Connect-FastTrackTenant -TenantId '7e0a0001-0000-4000-8000-000000000001' -ClientId '0a770001-0000-4000-8000-000000000001' -ClientSecret $secret -GraphEndpoint $env:FT_GRAPH -AuthorityHost $env:FT_AUTHORITY
$assessment = Invoke-FastTrackAssessment
$files = @{}
foreach ($format in 'Html', 'Markdown', 'Json', 'Csv', 'JUnit') {
    $file = $assessment | Export-FastTrackReport -Format $format -Path (Join-Path $env:FT_OUT "report.$format")
    $files[$format] = @{ Type = $file.GetType().FullName; FullName = $file.FullName }
}

# Without -Force an existing file stays and the error says so.
$before = Get-Content -Raw (Join-Path $env:FT_OUT 'report.Json')
$exists = $null
try { $assessment | Export-FastTrackReport -Format Json -Path (Join-Path $env:FT_OUT 'report.Json') -ErrorAction Stop } catch { $exists = $_ }
$unchanged = $before -eq (Get-Content -Raw (Join-Path $env:FT_OUT 'report.Json'))

$missing = $null
try { Export-FastTrackReport -InputObject $assessment -Format Html -Path (Join-Path $env:FT_OUT 'no/such/folder/r.html') -ErrorAction Stop } catch { $missing = $_ }

$whatIf = Export-FastTrackReport -InputObject $assessment -Format Html -Path (Join-Path $env:FT_OUT 'whatif.html') -WhatIf

# DNS rows and checklist tasks from plain objects, mapped by property name.
$dns = @(
    [pscustomobject]@{ Domain = 'contosodemo.com'; RecordType = 'MX'; Label = '@'; Expected = 'contosodemo-com.mail.protection.outlook.com'; Found = $null; Status = 'Missing' }
    [pscustomobject]@{ Domain = 'contosodemo.com'; RecordType = 'CNAME'; Label = 'autodiscover'; Expected = 'autodiscover.outlook.com'; Found = 'autodiscover.outlook.com'; Status = 'Match' }
    # The shape of Test-FastTrackDns rows: Name, SupportedService, Found as a list, Detail.
    [pscustomobject]@{ Domain = 'contosodemo.com'; RecordType = 'TXT'; Name = '@'; SupportedService = 'Email'; Expected = 'v=spf1 include:spf.protection.outlook.com -all'; Found = @('v=spf1 -all', 'google-site-verification=x'); Status = 'Mismatch'; Detail = 'SPF lacks Exchange Online' }
)
$checklist = @(
    @{ Order = 1; Id = 'T1'; Title = 'Set usage locations'; Priority = 'High'; Owner = 'Identity team'; StartDate = [datetime]'2026-12-01'; DueDate = [datetime]'2026-12-03' }
    [pscustomobject]@{ Order = 2; Id = 'T2'; Title = 'Fix licence errors'; Priority = 'Medium'; Owner = 'Licensing'; DependsOn = @('T1'); StartDate = '2026-12-03'; DueDate = '2026-12-08' }
    # The shape of Get-RemediationChecklist tasks: CheckId without Id, EffortDays.
    [pscustomobject]@{ Order = 3; CheckId = 'FT-ASSESS-ID-03'; Title = 'Fix sync errors'; Priority = 'High'; Owner = 'IdentityTeam'; EffortDays = 2; StartDate = [datetime]'2026-12-08'; DueDate = [datetime]'2026-12-10' }
)
$full = Export-FastTrackReport -InputObject $assessment -Format Json -Path (Join-Path $env:FT_OUT 'full.json') -DnsResult $dns -Checklist $checklist -Force

Write-TestResult ([pscustomobject]@{
    Files = $files
    Total = $assessment.Results.Count
    ByStatus = @($assessment.Results | Group-Object { "$($_.Status)" } | ForEach-Object { @{ Name = $_.Name; Count = $_.Count } })
    ExistsId = "$($exists.FullyQualifiedErrorId)"; ExistsCategory = "$($exists.CategoryInfo.Category)"; Unchanged = $unchanged
    MissingId = "$($missing.FullyQualifiedErrorId)"; MissingCategory = "$($missing.CategoryInfo.Category)"
    WhatIfOutput = $null -ne $whatIf; WhatIfFile = Test-Path (Join-Path $env:FT_OUT 'whatif.html')
    Full = $full.FullName
    Help = (Get-Command Export-FastTrackReport).OutputType.Type.FullName
})
'@
    $script:Result = $script:Run.Result
    $script:Counts = @{}
    foreach ($group in $script:Result.ByStatus) { $script:Counts[$group.Name] = [int] $group.Count }
    function script:Expected([string] $Status) { if ($script:Counts.ContainsKey($Status)) { $script:Counts[$Status] } else { 0 } }
}

AfterAll {
    $script:Emulator | Stop-GraphEmulator
    Remove-Item -Recurse -Force $script:OutDir -ErrorAction SilentlyContinue
}

Describe 'Export-FastTrackReport' {
    It 'exports every format from a live assessment and returns FileInfo objects' {
        $script:Run.ExitCode | Should -Be 0 -Because $script:Run.Output
        foreach ($format in 'Html', 'Markdown', 'Json', 'Csv', 'JUnit') {
            $script:Result.Files.$format.Type | Should -Be 'System.IO.FileInfo'
            Test-Path $script:Result.Files.$format.FullName | Should -BeTrue
        }
        $script:Result.Help | Should -Contain 'System.IO.FileInfo'
        $script:Result.Total | Should -BeGreaterThan 0
    }

    It 'writes JSON that the schema shipped in the module accepts, with the assessment''s counts' {
        $schema = Join-Path (Split-Path (Get-TestModulePath)) 'schemas/assessment-report.schema.json'
        Test-Path $schema | Should -BeTrue -Because 'build.ps1 copies the schema into the module'
        $text = Get-Content -Raw $script:Result.Files.Json.FullName
        Test-Json -Json $text -SchemaFile $schema -ErrorAction Stop | Should -BeTrue
        $json = $text | ConvertFrom-Json
        $json.schemaVersion | Should -Be 1
        $json.assessment.summary.total | Should -Be $script:Result.Total
        foreach ($status in 'Configured', 'Partial', 'NotConfigured', 'NotApplicable', 'Info', 'NotAssessed') {
            $json.assessment.summary.byStatus.$status | Should -Be (Expected $status) -Because $status
        }
    }

    It 'writes JUnit XML with one test case per check, NotConfigured/Partial failed and NotAssessed skipped' {
        [xml] $junit = Get-Content -Raw $script:Result.Files.JUnit.FullName
        $cases = $junit.SelectNodes('//testcase')
        $cases.Count | Should -Be $script:Result.Total
        $junit.SelectNodes('//testcase[failure]').Count | Should -Be ((Expected 'NotConfigured') + (Expected 'Partial'))
        $junit.SelectNodes('//testcase[skipped]').Count | Should -Be (Expected 'NotAssessed')
    }

    It 'writes CSV that Import-Csv reads back row for row' {
        $rows = @(Import-Csv $script:Result.Files.Csv.FullName)
        $rows.Count | Should -Be $script:Result.Total
        foreach ($status in 'Configured', 'Partial', 'NotConfigured', 'NotAssessed') {
            @($rows | Where-Object Status -eq $status).Count | Should -Be (Expected $status)
        }
    }

    It 'writes Markdown and a self-contained HTML page' {
        (Get-Content -Raw $script:Result.Files.Markdown.FullName) | Should -Match '## Items'
        $html = Get-Content -Raw $script:Result.Files.Html.FullName
        $html | Should -Match "data-status=`"Total`" data-count=`"$($script:Result.Total)`""
        $html | Should -Not -Match '<(script|link|img)[^>]+(src|href)='
    }

    It 'refuses to replace an existing file without -Force (FastTrack.FileExists, ResourceExists)' {
        $script:Result.ExistsId | Should -BeLike 'FastTrack.FileExists,*'
        $script:Result.ExistsCategory | Should -Be 'ResourceExists'
        $script:Result.Unchanged | Should -BeTrue
    }

    It 'reports a missing folder as FastTrack.Report.PathNotFound' {
        $script:Result.MissingId | Should -BeLike 'FastTrack.Report.PathNotFound*'
        $script:Result.MissingCategory | Should -Be 'ObjectNotFound'
    }

    It 'writes nothing under -WhatIf' {
        $script:Result.WhatIfOutput | Should -BeFalse
        $script:Result.WhatIfFile | Should -BeFalse
    }

    It 'maps -DnsResult and -Checklist objects by property name' {
        $json = Get-Content -Raw $script:Result.Full | ConvertFrom-Json
        $json.dns.Count | Should -Be 3
        ($json.dns | Where-Object status -eq 'Missing').expected | Should -Be 'contosodemo-com.mail.protection.outlook.com'
        $spf = $json.dns | Where-Object status -eq 'Mismatch'
        $spf.label | Should -Be '@'
        $spf.service | Should -Be 'Email'
        $spf.found | Should -Be 'v=spf1 -all, google-site-verification=x'
        $spf.detail | Should -Be 'SPF lacks Exchange Online'
        $json.checklist.derived | Should -BeFalse
        $json.checklist.tasks.Count | Should -Be 3
        $json.checklist.tasks[2].id | Should -Be 'FT-ASSESS-ID-03'
        $json.checklist.tasks[2].effort | Should -Be '2d'
        $json.checklist.tasks[1].dependsOn | Should -Be @('T1')
        $json.checklist.tasks[1].owner | Should -Be 'Licensing'
        ([DateTimeOffset] $json.checklist.tasks[0].startDate).UtcDateTime.Date | Should -Be ([datetime]'2026-12-01')
    }
}
