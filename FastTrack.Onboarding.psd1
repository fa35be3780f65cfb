@{
    RootModule             = 'FastTrack.Onboarding.dll'
    ModuleVersion          = '0.1.0'
    CompatiblePSEditions   = @('Core', 'Desktop')
    GUID                   = '6f1c3f0e-6a53-4f7e-9d1b-2a2f1f6b9b3e'
    Author                 = 'FastTrack.Onboarding contributors'
    CompanyName            = 'FastTrack.Onboarding contributors'
    Copyright              = '(c) FastTrack.Onboarding contributors. MIT License.'
    Description            = 'Takes a Microsoft 365 tenant through Microsoft FastTrack onboarding (Initiate, Assess, Remediate, Enable) with evidence read from Microsoft Graph.'
    PowerShellVersion      = '5.1'
    DotNetFrameworkVersion = '4.7.2'
    # Loaded first, into the default context: the types PowerShell and the cmdlets share.
    RequiredAssemblies     = @('FastTrack.Onboarding.Model.dll')
    FormatsToProcess       = @('FastTrack.Onboarding.Format.ps1xml')
    CmdletsToExport        = @(
        'Connect-FastTrackTenant'
        'Disconnect-FastTrackTenant'
        'Get-FastTrackConnection'
        'Invoke-FastTrackAssessment'
        'Get-FastTrackCheck'
        'Test-FastTrackPermission'
        'Test-FastTrackConnectivity'
        'Get-EnablePhaseStatus'
        'Set-MdmAuthorityGuidance'
        'Get-FastTrackEligibility'
        'Get-InitiatePhaseStatus'
        'Get-AssessPhaseStatus'
        'Test-FastTrackDns'
        'Get-RemediationChecklist'
        'Get-RemediatePhaseStatus'
        'Compare-FastTrackAssessment'
        'Repair-FastTrackUsageLocation'
        'Export-FastTrackReport'
        'Send-FastTrackReport'
        'Get-FastTrackHistory'
        'Set-FastTrackHistoryDefault'
        'Set-FastTrackRemediationPlan'
        'Set-FastTrackException'
        'Get-FastTrackException'
        'Remove-FastTrackException'
    )
    FunctionsToExport      = @()
    VariablesToExport      = @()
    AliasesToExport        = @()
    PrivateData            = @{
        PSData = @{
            Tags         = @('FastTrack', 'Microsoft365', 'Onboarding', 'MicrosoftGraph', 'EntraID', 'Intune', 'Assessment', 'PSEdition_Core', 'PSEdition_Desktop')
            ProjectUri   = 'https://github.com/fasttrack-onboarding/FastTrack.Onboarding'
            LicenseUri   = 'https://github.com/fasttrack-onboarding/FastTrack.Onboarding/blob/main/LICENSE'
        }
    }
}
