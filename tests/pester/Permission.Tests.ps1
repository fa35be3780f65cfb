#Requires -Modules Pester
# Test-FastTrackPermission as users run it: a fresh pwsh, the module as built, tokens minted by the
# loopback emulator with chosen roles (application) or scopes (delegated). The least-privileged set
# comes from the cmdlet's own offline plan; the token then lacks two of its permissions.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot '../Common/GraphEmulator.psm1') -Force

    $script:Emulator = Start-GraphEmulator -EmulatorPath (Get-TestEmulatorPath) -Arguments @('--tenant', (Join-Path $PSScriptRoot 'fixtures/connect-tenant.json'))
    $script:TenantId = (Get-Content -Raw (Join-Path $PSScriptRoot 'fixtures/connect-tenant.json') | ConvertFrom-Json).tenant.id
    # Directory.ReadWrite.All (in the set for Application Proxy) also reads domains, so both go.
    $script:Removed = @('Directory.ReadWrite.All', 'Domain.Read.All')

    function script:Invoke-Permission([string] $Script, [hashtable] $Body) {
        $environment = @{ FT_GRAPH = $script:Emulator.HttpUrl }
        if ($Body) {
            $Body.tenantId = $script:TenantId
            $environment.FT_TOKEN = (Invoke-EmulatorControl $script:Emulator 'tokens' -Method Post -Body $Body).access_token
            $Script = '$null = Connect-FastTrackTenant -AccessToken (ConvertTo-SecureString $env:FT_TOKEN -AsPlainText -Force) -GraphEndpoint $env:FT_GRAPH' + "`n" + $Script
        }
        $run = Invoke-FreshPwsh -Script $Script -Environment $environment
        $run.Output | Should -Not -Match 'eyJ[A-Za-z0-9_\-]{6,}\.[A-Za-z0-9_\-]{6,}\.' -Because 'no token may appear in any output stream'
        $run
    }

    # The plan for a new app registration (no connection): the least-privileged sets for every check.
    # JSON carries enums as numbers: the summary's kind goes across as its name.
    $script:Shape = 'function Out-Summary($s) { $s | Select-Object @{ n = "PermissionType"; e = { "$($_.PermissionType)" } }, Granted, Missing, NotSupported, BlockedChecks, ApplicationPermissions, DelegatedPermissions }' + "`n"
    $plan = Invoke-Permission ($script:Shape + 'Write-TestResult (Out-Summary (Test-FastTrackPermission -PermissionType Application -Summary))')
    $script:Plan = $plan.Result
    if (-not $script:Plan) { throw "The offline plan failed: $($plan.Output)" }

    $script:Report = $script:Shape + @'
$rows = @(Test-FastTrackPermission)
$summary = Out-Summary (Test-FastTrackPermission -Summary)
Write-TestResult ([pscustomobject]@{
    Rows = @($rows | ForEach-Object { [pscustomobject]@{ Permission = $_.Permission; State = "$($_.State)"; Type = "$($_.PermissionType)"; Blocked = @($_.BlockedChecks); GrantedBy = @($_.GrantedBy) } })
    Summary = $summary
    Table = ($rows | Format-Table | Out-String -Width 300)
})
'@
}

AfterAll {
    $script:Emulator | Stop-GraphEmulator
}

Describe 'Test-FastTrackPermission' {
    It 'plans the least-privileged application and delegated sets without a connection' {
        $script:Plan.PermissionType | Should -Be 'Application'
        $script:Plan.Missing | Should -Contain 'Organization.Read.All'
        $script:Plan.Granted | Should -BeNullOrEmpty
        $script:Plan.ApplicationPermissions | Should -Contain 'Domain.Read.All'
        $script:Plan.ApplicationPermissions | Should -Not -Contain 'Directory.Read.All' -Because 'a broader permission is never proposed'
        $script:Plan.DelegatedPermissions | Should -Contain 'OnPremDirectorySynchronization.Read.All' -Because 'that read is delegated-only'
        $script:Plan.NotSupported | Should -Contain 'OnPremDirectorySynchronization.Read.All'
    }

    It 'an application token missing two permissions: granted, missing, the checks each blocks, the set to grant' {
        $roles = @($script:Plan.ApplicationPermissions | Where-Object { $_ -notin $script:Removed })
        $run = Invoke-Permission $script:Report @{ roles = $roles }
        $run.ExitCode | Should -Be 0 -Because $run.Output
        $r = $run.Result

        @($r.Rows | Where-Object State -eq 'Missing' | ForEach-Object Permission | Sort-Object) | Should -Be ($script:Removed | Sort-Object)
        @($r.Rows | Where-Object State -eq 'Granted').Count | Should -Be ($roles.Count) -Because 'every permission the token carries is one row of the set'
        ($r.Rows | Where-Object Permission -eq 'Organization.Read.All').GrantedBy | Should -Be 'Organization.Read.All'
        ($r.Rows | Where-Object Permission -eq 'Domain.Read.All').Blocked | Should -Contain 'FT-ASSESS-DNS-01'
        ($r.Rows | Where-Object Permission -eq 'Directory.ReadWrite.All').Blocked | Should -Contain 'FT-ENABLE-AADH-08'
        foreach ($missing in $script:Removed) {
            ($r.Rows | Where-Object Permission -eq $missing).Blocked | Should -Not -BeNullOrEmpty -Because "$missing blocks checks"
        }
        ($r.Rows | Where-Object State -eq 'Granted').Blocked | Should -BeNullOrEmpty

        $r.Summary.PermissionType | Should -Be 'Application'
        @($r.Summary.Missing | Sort-Object) | Should -Be ($script:Removed | Sort-Object)
        $r.Summary.BlockedChecks | Should -Contain 'FT-ASSESS-DNS-01'
        @($r.Summary.ApplicationPermissions) | Should -Be @($script:Plan.ApplicationPermissions)
        @($r.Summary.DelegatedPermissions) | Should -Be @($script:Plan.DelegatedPermissions)
        $r.Table | Should -Match 'Missing\s+Domain\.Read\.All'
    }

    It 'a delegated token is judged by its scopes' {
        # Directory.ReadWrite.All would also allow reading users, so both go.
        $scopes = @($script:Plan.DelegatedPermissions | Where-Object { $_ -notin 'User.Read.All', 'Directory.ReadWrite.All' })
        $run = Invoke-Permission $script:Report @{ scopes = $scopes; userPrincipalName = 'admin@fabrikamtest.onmicrosoft.com' }
        $run.ExitCode | Should -Be 0 -Because $run.Output
        $run.Result.Summary.PermissionType | Should -Be 'Delegated'
        @($run.Result.Summary.Missing | Sort-Object) | Should -Be @('Directory.ReadWrite.All', 'User.Read.All')
        ($run.Result.Rows | Where-Object Permission -eq 'User.Read.All').Blocked | Should -Contain 'FT-ASSESS-ID-01'
        $run.Result.Summary.NotSupported | Should -BeNullOrEmpty
    }

    It 'an unknown check id is FastTrack.CheckNotFound / ObjectNotFound' {
        $run = Invoke-Permission 'try { Test-FastTrackPermission -CheckId FT-NO-SUCH-CHECK -PermissionType Delegated } catch { Write-TestResult ([pscustomobject]@{ Id = $_.FullyQualifiedErrorId; Category = "$($_.CategoryInfo.Category)"; Action = $_.ErrorDetails.RecommendedAction }) }'
        $run.Result.Id | Should -BeLike 'FastTrack.CheckNotFound,*'
        $run.Result.Category | Should -Be 'ObjectNotFound'
        $run.Result.Action | Should -Match 'Get-FastTrackCheck'
    }

    It 'without a connection or -PermissionType it is FastTrack.NotConnected, naming the offline form' {
        $run = Invoke-Permission 'try { Test-FastTrackPermission } catch { Write-TestResult ([pscustomobject]@{ Id = $_.FullyQualifiedErrorId; Category = "$($_.CategoryInfo.Category)" }) }'
        $run.Result.Id | Should -BeLike 'FastTrack.NotConnected,*'
        $run.Result.Category | Should -Be 'InvalidOperation'
    }
}
