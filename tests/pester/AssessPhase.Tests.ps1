#Requires -Modules Pester
# The Initiate, Assess and Remediate cmdlets as users run them: a fresh pwsh per test, the module
# as built, the demo tenant served by the loopback Graph emulator, DNS from a real dnsmasq.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot '../Common/GraphEmulator.psm1') -Force

    $script:DemoTenantId = '7e0a0001-0000-4000-8000-000000000001'
    $script:ReadRoles = @('Organization.Read.All', 'User.Read.All', 'Group.Read.All', 'LicenseAssignment.Read.All', 'Domain.Read.All',
        'RoleManagement.Read.Directory', 'DeviceManagementManagedDevices.Read.All')

    function script:New-Token($Emulator, [string[]] $Roles) {
        (Invoke-EmulatorControl -Emulator $Emulator -Path 'tokens' -Method Post -Body @{ tenantId = $script:DemoTenantId; roles = $Roles }).access_token
    }

    # Every script connects with an access token minted by the emulator (no secret involved).
    $script:Connect = @'
$null = Connect-FastTrackTenant -AccessToken (ConvertTo-SecureString $env:FT_TOKEN -AsPlainText -Force) -GraphEndpoint $env:FT_GRAPH
'@ + "`n"

    function script:Invoke-Phase([string] $Script, $Emulator, [string] $Token, [hashtable] $Extra = @{}) {
        $environment = @{ FT_GRAPH = $Emulator.HttpUrl; FT_TOKEN = $Token }
        foreach ($key in $Extra.Keys) { $environment[$key] = $Extra[$key] }
        $run = Invoke-FreshPwsh -Script ($script:Connect + $Script) -Environment $environment -TimeoutSeconds 180
        $run.Output | Should -Not -Match 'eyJ[A-Za-z0-9_\-]{6,}\.[A-Za-z0-9_\-]{6,}\.' -Because 'no token may appear in any output stream'
        $run
    }

    # What a caught error looks like to a script: stable id, category, the remedy.
    $script:ReportError = @'
catch {
    Write-TestResult ([pscustomobject]@{ Id = $_.FullyQualifiedErrorId; Category = "$($_.CategoryInfo.Category)"; Message = "$($_.ErrorDetails.Message) $($_.Exception.Message)" })
}
'@
}

Describe 'Initiate, Assess and Remediate cmdlets (read-only, demo tenant)' {
    BeforeAll {
        $script:Emulator = Start-GraphEmulator -EmulatorPath (Get-TestEmulatorPath) -Arguments @('--tenant-demo')
        $script:Token = New-Token $script:Emulator $script:ReadRoles
    }
    AfterAll { $script:Emulator | Stop-GraphEmulator }

    It 'Get-FastTrackEligibility counts 300 eligible seats, excludes the trial, and prints the window' {
        $run = Invoke-Phase @'
$e = Get-FastTrackEligibility -Workload Exchange, Intune
Write-TestResult ([pscustomobject]@{ Seats = $e.EligibleSeats; Status = "$($e.Status)"; Window = "$($e.Window)"; Scope = @($e.ServicesInScope | ForEach-Object { "$_" }); Version = $e.EligibilityListVersion; Text = ($e | Out-String -Width 200) })
'@ $script:Emulator $script:Token
        $run.ExitCode | Should -Be 0 -Because $run.Output
        $run.Result.Seats | Should -Be 300
        $run.Result.Status | Should -Be 'Eligible'
        $run.Result.Window | Should -BeIn 'Open', 'DueToday', 'Overdue'
        $run.Result.Scope | Should -Be @('Exchange', 'Intune')
        $run.Result.Version | Should -Match '^\d{4}\.'
        $run.Result.Text | Should -Match 'EligibleSeats\s+: 300 of 150 needed'
        $run.Result.Text | Should -Match 'SPE_E5: trial: 25 seats do not count'
    }

    It 'Get-InitiatePhaseStatus prints a table of the three Initiate items' {
        $run = Invoke-Phase @'
$r = Get-InitiatePhaseStatus
Write-TestResult ([pscustomobject]@{ Ids = @($r.CheckId); Table = ($r | Format-Table | Out-String -Width 200) })
'@ $script:Emulator $script:Token
        $run.ExitCode | Should -Be 0 -Because $run.Output
        $run.Result.Ids | Should -Be @('FT-INIT-ELIG-01', 'FT-INIT-SVC-01', 'FT-INIT-WINDOW-01')
        $run.Result.Table | Should -Match 'CheckId\s+Status\s+Reason\s+Title\s+Evidence'
        $run.Result.Table | Should -Match 'FT-INIT-ELIG-01\s+Configured'
    }

    It 'an unknown -Workload is refused before anything is read, naming the valid workloads' {
        $run = Invoke-Phase (@'
try { Get-InitiatePhaseStatus -Workload Exchange, Yammer }
'@ + $script:ReportError) $script:Emulator $script:Token
        $run.Result.Id | Should -BeLike 'CannotConvertArgumentNoMessage,*GetInitiatePhaseStatusCommand'
        $run.Result.Category | Should -Be 'InvalidArgument'
        $run.Result.Message | Should -Match 'Exchange, SharePoint, Teams, Microsoft365Apps, EntraIdPremium, Intune'
    }

    It 'Get-AssessPhaseStatus prints the Assess items with the demo''s identity gaps' {
        $run = Invoke-Phase @'
$r = Get-AssessPhaseStatus
Write-TestResult ([pscustomobject]@{ Status = @($r | ForEach-Object { "$($_.CheckId)=$($_.Status)" }); Table = ($r | Format-Table | Out-String -Width 250) })
'@ $script:Emulator $script:Token
        $run.ExitCode | Should -Be 0 -Because $run.Output
        $run.Result.Status | Should -Contain 'FT-ASSESS-ID-01=NotConfigured'
        $run.Result.Status | Should -Contain 'FT-ASSESS-ID-02=NotConfigured'
        $run.Result.Status | Should -Contain 'FT-ASSESS-DNS-01=NotAssessed'
        $run.Result.Table | Should -Match '8 of 225 licensed users have no usage location'
    }

    It 'judges the network item from connectivity probe results (Test-FastTrackConnectivity''s shape)' {
        $run = Invoke-Phase @'
$probes = @(
    [pscustomobject]@{ Host = 'outlook.office365.com'; Port = 443; Status = 'Reachable'; Detail = '' }
    [pscustomobject]@{ Host = 'teams.microsoft.com'; Port = 443; Status = 'TlsIntercepted'; Detail = 'issuer CN=Proxy CA' }
    [pscustomobject]@{ Host = '*.example.microsoft.com'; Port = 443; Status = 'NotTestable'; Detail = '' })
$item = Get-AssessPhaseStatus -ConnectivityResult $probes | Where-Object CheckId -eq 'FT-ASSESS-NET-01'
Write-TestResult ([pscustomobject]@{ Status = "$($item.Status)"; Evidence = $item.Evidence })
'@ $script:Emulator $script:Token
        $run.ExitCode | Should -Be 0 -Because $run.Output
        $run.Result.Status | Should -Be 'Partial'
        $run.Result.Evidence | Should -Match '1 of 2 endpoint probes failed: teams\.microsoft\.com:443 — TlsIntercepted issuer CN=Proxy CA'
    }

    It 'Get-RemediationChecklist turns an assessment into a dated, ordered checklist' {
        $run = Invoke-Phase @'
$tasks = Get-AssessPhaseStatus -PassThru | Get-RemediationChecklist -StartDate 2026-11-23
$fromResults = Get-AssessPhaseStatus | Get-RemediationChecklist -StartDate 2026-11-23
Write-TestResult ([pscustomobject]@{
    Ids = @($tasks.CheckId); Same = ($fromResults.Count -eq $tasks.Count)
    Id02 = $tasks | Where-Object CheckId -eq 'FT-ASSESS-ID-02' | Select-Object @{n='DependsOn';e={@($_.DependsOn)}}, @{n='Start';e={$_.StartDate.ToString('yyyy-MM-dd')}}, @{n='Owner';e={"$($_.Owner)"}}
    First = $tasks[0].StartDate.ToString('yyyy-MM-dd')
    Table = ($tasks | Format-Table | Out-String -Width 250) })
'@ $script:Emulator $script:Token
        $run.ExitCode | Should -Be 0 -Because $run.Output
        $run.Result.Ids | Should -Contain 'FT-ASSESS-ID-01'
        $run.Result.Ids | Should -Not -Contain 'FT-ASSESS-ADMIN-03' -Because 'Configured items are not tasks'
        $run.Result.Same | Should -BeTrue
        $run.Result.First | Should -Be '2026-11-23'
        $run.Result.Id02.DependsOn | Should -Contain 'FT-ASSESS-ID-01'
        $run.Result.Id02.Owner | Should -Be 'Licensing'
        $run.Result.Table | Should -Match '#\s+CheckId\s+Priority\s+Owner\s+Days\s+Start\s+Due\s+DependsOn\s+Title'
    }

    It 'Get-RemediatePhaseStatus interprets the identity and licensing issues' {
        $run = Invoke-Phase @'
$i = Get-RemediatePhaseStatus
Write-TestResult ([pscustomobject]@{ Issues = @($i | ForEach-Object { "$($_.Issue)=$($_.AffectedUsers)" }); Table = ($i | Format-Table | Out-String -Width 250) })
'@ $script:Emulator $script:Token
        $run.ExitCode | Should -Be 0 -Because $run.Output
        $run.Result.Issues | Should -Contain 'MissingUsageLocation=8'
        $run.Result.Issues | Should -Contain 'LicenseError.CountViolation=4'
        $run.Result.Issues | Should -Contain 'NonRoutableUpnSuffix=5'
        $run.Result.Table | Should -Match 'Issue\s+Owner\s+Users\s+Interpretation\s+Fix'
    }

    Context 'Test-FastTrackDns against dnsmasq' {
        BeforeAll {
            $dnsmasq = @('/usr/sbin/dnsmasq', '/usr/bin/dnsmasq') | Where-Object { Test-Path $_ } | Select-Object -First 1
            if (-not $dnsmasq) { throw 'dnsmasq is not installed: the DNS tests need a real DNS server (apt-get install -y dnsmasq; .ci/run installs it). This is a failure, not a skip.' }
            $udp = [Net.Sockets.UdpClient]::new([Net.IPEndPoint]::new([Net.IPAddress]::Loopback, 0))
            $script:DnsPort = $udp.Client.LocalEndPoint.Port
            $udp.Dispose()
            # contosodemo.com published correctly (SPF with an extra include); fabrikamdemo.com: wrong MX, SPF without Microsoft's include, the rest missing.
            $arguments = @('--keep-in-foreground', '--no-resolv', '--no-hosts', "--port=$script:DnsPort", '--listen-address=127.0.0.1', '--bind-interfaces', '--conf-file=/dev/null', '--pid-file=',
                '--local=/contosodemo.com/', '--local=/fabrikamdemo.com/',
                '--host-record=autodiscover.outlook.com,203.0.113.10', '--host-record=sipdir.online.lync.com,203.0.113.11', '--host-record=webdir.online.lync.com,203.0.113.12',
                '--host-record=enterpriseregistration.windows.net,203.0.113.13', '--host-record=enterpriseenrollment-s.manage.microsoft.com,203.0.113.14',
                '--mx-host=contosodemo.com,contosodemo-com.mail.protection.outlook.com,0',
                '--txt-record=contosodemo.com,v=spf1 include:spf.protection.outlook.com include:_spf.contosodemo.com -all',
                '--cname=autodiscover.contosodemo.com,autodiscover.outlook.com', '--srv-host=_sip._tls.contosodemo.com,sipdir.online.lync.com,443,100,1',
                '--srv-host=_sipfederationtls._tcp.contosodemo.com,sipfed.online.lync.com,5061,100,1', '--cname=sip.contosodemo.com,sipdir.online.lync.com',
                '--cname=lyncdiscover.contosodemo.com,webdir.online.lync.com', '--cname=enterpriseregistration.contosodemo.com,enterpriseregistration.windows.net',
                '--cname=enterpriseenrollment.contosodemo.com,enterpriseenrollment-s.manage.microsoft.com',
                '--mx-host=fabrikamdemo.com,mx.fabrikam-old.example,10', '--txt-record=fabrikamdemo.com,v=spf1 include:_spf.google.com ~all')
            # ArgumentList, not Start-Process: TXT values contain spaces and must stay one argument each.
            $psi = [Diagnostics.ProcessStartInfo]::new($dnsmasq)
            foreach ($a in $arguments) { $psi.ArgumentList.Add($a) }
            $psi.RedirectStandardError = $true
            $psi.UseShellExecute = $false
            $script:Dns = [Diagnostics.Process]::Start($psi)
            Start-Sleep -Milliseconds 500
            if ($script:Dns.HasExited) { throw "dnsmasq exited: $($script:Dns.StandardError.ReadToEnd())" }
        }
        AfterAll { if ($script:Dns -and -not $script:Dns.HasExited) { $script:Dns.Kill(); $null = $script:Dns.WaitForExit(5000) } }

        It 'compares every expected record with what DNS serves and prints a table' {
            $run = Invoke-Phase @'
$r = Test-FastTrackDns -DnsServer "127.0.0.1:$env:FT_DNS_PORT" -TimeoutSeconds 2
Write-TestResult ([pscustomobject]@{
    Contoso = @($r | Where-Object Domain -eq 'contosodemo.com' | ForEach-Object { "$($_.Status)" } | Sort-Object -Unique)
    FabrikamMx = ($r | Where-Object { $_.Domain -eq 'fabrikamdemo.com' -and $_.RecordType -eq 'MX' }) | Select-Object @{n='Status';e={"$($_.Status)"}}, @{n='Found';e={@($_.Found)}}
    FabrikamSpf = ($r | Where-Object { $_.Domain -eq 'fabrikamdemo.com' -and $_.RecordType -eq 'TXT' }) | Select-Object @{n='Status';e={"$($_.Status)"}}, Detail
    FabrikamMissing = @($r | Where-Object { $_.Domain -eq 'fabrikamdemo.com' -and "$($_.Status)" -eq 'Missing' }).Count
    Table = ($r | Format-Table | Out-String -Width 250) })
'@ $script:Emulator $script:Token @{ FT_DNS_PORT = $script:DnsPort }
            $run.ExitCode | Should -Be 0 -Because $run.Output
            $run.Result.Contoso | Should -Be @('Match', 'Optional')
            $run.Result.FabrikamMx.Status | Should -Be 'Mismatch'
            $run.Result.FabrikamMx.Found | Should -Be @('10 mx.fabrikam-old.example')
            $run.Result.FabrikamSpf.Status | Should -Be 'Mismatch'
            $run.Result.FabrikamSpf.Detail | Should -Match 'lacks include:spf.protection.outlook.com'
            $run.Result.FabrikamMissing | Should -Be 7
            $run.Result.Table | Should -Match 'Domain\s+Type\s+Name\s+Status\s+Expected\s+Found'
        }

        It 'feeds its result into the Assess DNS item' {
            $run = Invoke-Phase @'
$dns = Test-FastTrackDns -DnsServer "127.0.0.1:$env:FT_DNS_PORT" -TimeoutSeconds 2 -Domain contosodemo.com
$item = Get-AssessPhaseStatus -DnsResult $dns | Where-Object CheckId -eq 'FT-ASSESS-DNS-01'
Write-TestResult ([pscustomobject]@{ Status = "$($item.Status)"; Evidence = $item.Evidence })
'@ $script:Emulator $script:Token @{ FT_DNS_PORT = $script:DnsPort }
            $run.ExitCode | Should -Be 0 -Because $run.Output
            $run.Result.Status | Should -Be 'Configured'
        }

        It '-DnsResult takes the records live, from Import-Clixml, from ConvertFrom-Json and as hashtables, with one answer' {
            $run = Invoke-Phase @'
$dns = @(Test-FastTrackDns -DnsServer "127.0.0.1:$env:FT_DNS_PORT" -TimeoutSeconds 2)
$dns | Export-Clixml (Join-Path $env:FT_WORK 'dns.xml')
$forms = [ordered]@{
    Live = $dns
    Clixml = @(Import-Clixml (Join-Path $env:FT_WORK 'dns.xml'))
    Json = @($dns | ConvertTo-Json -Depth 4 | ConvertFrom-Json)
    Hashtable = @($dns | ForEach-Object { @{ Domain = $_.Domain; RecordType = $_.RecordType; Name = $_.Name; Expected = $_.Expected; Status = "$($_.Status)"; IsOptional = $_.IsOptional; Found = @($_.Found); SupportedService = $_.SupportedService } })
}
$answers = foreach ($form in $forms.Keys) {
    $item = Get-AssessPhaseStatus -DnsResult $forms[$form] | Where-Object CheckId -eq 'FT-ASSESS-DNS-01'
    [pscustomobject]@{ Form = $form; Answer = "$($item.Status)/$($item.Reason)|$($item.Evidence)" }
}
Write-TestResult ([pscustomobject]@{ Answers = @($answers); ClixmlType = (Import-Clixml (Join-Path $env:FT_WORK 'dns.xml'))[0].PSObject.TypeNames[0] })
'@ $script:Emulator $script:Token @{ FT_DNS_PORT = $script:DnsPort; FT_WORK = $TestDrive }
            $run.ExitCode | Should -Be 0 -Because $run.Output
            $run.Result.ClixmlType | Should -BeLike 'Deserialized.*DnsRecordResult'
            $live = ($run.Result.Answers | Where-Object Form -eq 'Live').Answer
            $live | Should -Match '^(Partial|NotConfigured)/None\|' -Because 'fabrikamdemo.com is wrong or missing in DNS'
            foreach ($answer in $run.Result.Answers) { $answer.Answer | Should -Be $live -Because "the $($answer.Form) form carries the same records" }
        }

        It '-DnsResult refuses what is not a DNS record with FastTrack.InputNotRecognized and what to pass' {
            $run = Invoke-Phase (@'
try { Get-AssessPhaseStatus -DnsResult 'garbage' }
'@ + $script:ReportError + @'
try { Get-AssessPhaseStatus -DnsResult @{ Domain = 'contoso.com'; RecordType = 'MX'; Status = 'Splendid' } }
'@ + $script:ReportError) $script:Emulator $script:Token
            $results = @($run.Output -split "`n" | Where-Object { $_.StartsWith('##RESULT##') } | ForEach-Object { $_.Substring(10) | ConvertFrom-Json })
            $results.Count | Should -Be 2 -Because $run.Output
            foreach ($result in $results) {
                $result.Id | Should -BeLike 'FastTrack.InputNotRecognized,*'
                $result.Category | Should -Be 'InvalidArgument'
                $result.Message | Should -Match 'Test-FastTrackDns'
            }
            $results[0].Message | Should -Match "System.String 'garbage'"
        }

        It 'takes domains from the pipeline and tests only those' {
            $run = Invoke-Phase @'
$r = 'fabrikamdemo.com' | Test-FastTrackDns -DnsServer "127.0.0.1:$env:FT_DNS_PORT" -TimeoutSeconds 2 -Workload Exchange
Write-TestResult ([pscustomobject]@{ Domains = @($r.Domain | Sort-Object -Unique); Services = @($r.SupportedService | Sort-Object -Unique) })
'@ $script:Emulator $script:Token @{ FT_DNS_PORT = $script:DnsPort }
            $run.ExitCode | Should -Be 0 -Because $run.Output
            $run.Result.Domains | Should -Be @('fabrikamdemo.com')
            $run.Result.Services | Should -Be @('Email', 'OrgIdAuthentication') -Because '-Workload Exchange keeps the Email records (and the tenant-wide optional one)'
        }

        It 'refuses a malformed -DnsServer with a stable id and what to do' {
            $run = Invoke-Phase (@'
try { Test-FastTrackDns -DnsServer '127.0.0.1:notaport' }
'@ + $script:ReportError) $script:Emulator $script:Token
            $run.Result.Id | Should -BeLike 'FastTrack.InvalidDnsServer,*'
            $run.Result.Category | Should -Be 'InvalidArgument'
            $run.Result.Message | Should -Match 'host\[:port\]'
        }
    }
}

Describe 'Repair-FastTrackUsageLocation and Compare-FastTrackAssessment (writes, demo tenant)' {
    BeforeAll {
        $script:Emulator = Start-GraphEmulator -EmulatorPath (Get-TestEmulatorPath) -Arguments @('--tenant-demo')
        $script:ReadToken = New-Token $script:Emulator $script:ReadRoles
        $script:WriteToken = New-Token $script:Emulator ($script:ReadRoles + 'User.ReadWrite.All')
        $script:Work = Join-Path ([IO.Path]::GetTempPath()) ('ft-assess-' + [guid]::NewGuid().ToString('N'))
        $null = New-Item -ItemType Directory $script:Work
        # The emulator's own 'writes' counter also counts $batch POSTs (which carry reads): count real writes.
        function script:Get-Writes {
            @((Invoke-EmulatorControl -Emulator $script:Emulator -Path 'requests').requests |
                Where-Object { $_.method -in 'PATCH', 'PUT', 'DELETE' -or ($_.method -eq 'POST' -and $_.path -notlike '*$batch') }).Count
        }
    }
    AfterAll {
        $script:Emulator | Stop-GraphEmulator
        Remove-Item -Recurse -Force $script:Work -ErrorAction SilentlyContinue
    }

    It '-WhatIf lists exactly the users it would change and sends no write' {
        $null = Invoke-EmulatorControl -Emulator $script:Emulator -Path 'requests' -Method Delete
        $run = Invoke-Phase @'
Invoke-FastTrackAssessment -Phase Assess -SnapshotPath (Join-Path $env:FT_WORK 'before.json') | Out-Null
Repair-FastTrackUsageLocation -UsageLocation US -WhatIf
'@ $script:Emulator $script:WriteToken @{ FT_WORK = $script:Work }
        $run.ExitCode | Should -Be 0 -Because $run.Output
        $whatIf = @($run.Output -split "`n" | Where-Object { $_ -match '^What if: Performing the operation "Set usage location to US" on target' })
        $whatIf.Count | Should -Be 8 -Because $run.Output
        $whatIf[0] | Should -Match '@contosodemo\.com \([0-9a-f-]{36}\)'
        Get-Writes | Should -Be 0
    }

    It 'refuses an invalid usage location before reading or writing anything' {
        $run = Invoke-Phase (@'
try { Repair-FastTrackUsageLocation -UsageLocation XX -Confirm:$false }
'@ + $script:ReportError) $script:Emulator $script:WriteToken
        $run.Result.Id | Should -BeLike 'FastTrack.InvalidUsageLocation,*'
        $run.Result.Category | Should -Be 'InvalidArgument'
        $run.Result.Message | Should -Match 'two-letter country code'
        Get-Writes | Should -Be 0
    }

    It 'without User.ReadWrite.All it stops before the first write and says which permission' {
        $run = Invoke-Phase (@'
try { Repair-FastTrackUsageLocation -UsageLocation US -Confirm:$false }
'@ + $script:ReportError) $script:Emulator $script:ReadToken
        $run.Result.Id | Should -BeLike 'FastTrack.WritePermissionMissing,*'
        $run.Result.Category | Should -Be 'PermissionDenied'
        Get-Writes | Should -Be 0
    }

    It 'writes each user, reports each one, and the re-read shows the new value' {
        $run = Invoke-Phase @'
$r = Repair-FastTrackUsageLocation -UsageLocation US -Confirm:$false
$after = Get-AssessPhaseStatus | Where-Object CheckId -eq 'FT-ASSESS-ID-01'
Invoke-FastTrackAssessment -Phase Assess -SnapshotPath (Join-Path $env:FT_WORK 'after.json') | Out-Null
Write-TestResult ([pscustomobject]@{ Count = $r.Count; Outcomes = @($r.Outcome | ForEach-Object { "$_" } | Sort-Object -Unique); After = @($r.After | Sort-Object -Unique); Item = "$($after.Status)"; Table = ($r | Format-Table | Out-String -Width 200) })
'@ $script:Emulator $script:WriteToken @{ FT_WORK = $script:Work }
        $run.ExitCode | Should -Be 0 -Because $run.Output
        $run.Result.Count | Should -Be 8
        $run.Result.Outcomes | Should -Be @('Updated')
        $run.Result.After | Should -Be @('US')
        $run.Result.Item | Should -Be 'Configured'
        $run.Result.Table | Should -Match 'UserPrincipalName\s+Before\s+After\s+Outcome'
        Get-Writes | Should -Be 8
    }

    It 'Compare-FastTrackAssessment shows the usage-location item resolved between the two snapshots' {
        $run = Invoke-Phase @'
$c = Compare-FastTrackAssessment -ReferenceSnapshot (Join-Path $env:FT_WORK 'before.json') -DifferenceSnapshot (Join-Path $env:FT_WORK 'after.json')
Write-TestResult ([pscustomobject]@{ Changed = @($c | Where-Object Change -ne 'Unchanged' | ForEach-Object { "$($_.CheckId)=$($_.Change)" }); Unchanged = @($c | Where-Object Change -eq 'Unchanged').Count; Table = ($c | Format-Table | Out-String -Width 200) })
'@ $script:Emulator $script:ReadToken @{ FT_WORK = $script:Work }
        $run.ExitCode | Should -Be 0 -Because $run.Output
        $run.Result.Changed | Should -Be @('FT-ASSESS-ID-01=Resolved')
        $run.Result.Unchanged | Should -BeGreaterThan 10
        $run.Result.Table | Should -Match 'CheckId\s+Change\s+Before\s+After\s+Title'
    }
}

Describe 'Repair-FastTrackUsageLocation with a partial failure' {
    BeforeAll {
        $script:Emulator = Start-GraphEmulator -EmulatorPath (Get-TestEmulatorPath) -Arguments @('--tenant-demo')
        $script:WriteToken = New-Token $script:Emulator ($script:ReadRoles + 'User.ReadWrite.All')
    }
    AfterAll { $script:Emulator | Stop-GraphEmulator }

    It 'reports the refused user as an error and as a Failed result, writes the others, and re-reads them' {
        # The first PATCH to any user is refused with 403; the other seven must still be written.
        $null = Invoke-EmulatorControl -Emulator $script:Emulator -Path 'faults' -Method Post -Body @{ path = 'v1.0/users/'; method = 'PATCH'; kind = 'Forbidden'; count = 1 }
        $run = Invoke-Phase @'
$r = Repair-FastTrackUsageLocation -UsageLocation FR -Confirm:$false -ErrorAction Continue -ErrorVariable failures 2>$null
$left = Get-RemediatePhaseStatus | Where-Object Issue -eq 'MissingUsageLocation'
Write-TestResult ([pscustomobject]@{
    Outcomes = @($r | ForEach-Object { "$($_.Outcome)" })
    FailedAfter = @($r | Where-Object { "$($_.Outcome)" -eq 'Failed' } | ForEach-Object { $_.After })
    FailedError = ($r | Where-Object { "$($_.Outcome)" -eq 'Failed' }).Error
    ErrorIds = @($failures | ForEach-Object { $_.FullyQualifiedErrorId })
    Left = $left.AffectedUsers })
'@ $script:Emulator $script:WriteToken
        $run.ExitCode | Should -Be 0 -Because $run.Output
        @($run.Result.Outcomes | Where-Object { $_ -eq 'Updated' }).Count | Should -Be 7
        @($run.Result.Outcomes | Where-Object { $_ -eq 'Failed' }).Count | Should -Be 1
        $run.Result.FailedError | Should -Match '403'
        $run.Result.ErrorIds | Should -HaveCount 1
        $run.Result.ErrorIds[0] | Should -BeLike 'FastTrack.RepairFailed,*'
        $run.Result.Left | Should -Be 1 -Because 'the re-read state shows the one user that was refused'
    }
}
