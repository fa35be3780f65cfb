using System.Management.Automation;
using FastTrack.Onboarding.Engine.Enable;
using FastTrack.Onboarding.Infrastructure;
using FastTrack.Onboarding.Model.Enable;
using FastTrack.Onboarding.Model.Errors;

namespace FastTrack.Onboarding.Commands.Enable
{
    /// <summary>
    /// Set-MdmAuthorityGuidance: the MDM authority the customer's scenario needs, compared with the
    /// tenant's; with -Apply (ShouldProcess, ConfirmImpact High) sets Intune and reads it back.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "MdmAuthorityGuidance", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(MdmAuthorityGuidance))]
    public sealed class SetMdmAuthorityGuidanceCommand : ConnectedCmdlet
    {
        [Parameter(Mandatory = true, Position = 0)]
        public MdmScenario Scenario { get; set; }

        /// <summary>Set the recommended authority when the tenant differs (delegated sign-in only).</summary>
        [Parameter]
        public SwitchParameter Apply { get; set; }

        protected override void ProcessRecord()
        {
            var connection = ResolveConnection();
            var read = RunEngine((log, ct) => MdmAuthorityClient.ReadAsync(connection.Session, log, ct));
            var guidance = MdmAuthorityAdvisor.Advise(Scenario, read.Authority, connection.TenantId);
            if (Apply)
            {
                if (!MdmAuthorityAdvisor.NeedsWrite(guidance))
                {
                    WriteVerboseSafely($"Nothing to apply: the tenant's MDM authority is '{guidance.CurrentAuthority}' "
                        + $"and the scenario {Scenario} needs {guidance.RecommendedAuthority}.");
                }
                else if (read.Authority != MdmAuthorityClient.NotSet)
                {
                    // Another authority (sccm: hybrid MDM; office365) is not replaced by an irreversible Graph write:
                    // the guidance still comes out, with a non-terminating error saying why nothing was sent.
                    try
                    {
                        MdmAuthorityClient.EnsureNotSet(read.Authority);
                    }
                    catch (FastTrackException e)
                    {
                        WriteError(ErrorRecords.From(e));
                    }
                }
                else if (ShouldProcess(
                    $"tenant {connection.TenantName ?? connection.TenantId} (MDM authority '{guidance.CurrentAuthority}')",
                    "Set the MDM authority to Intune (setMobileDeviceManagementAuthority: a "
                        + "delegated-only Graph action that cannot be undone through Graph)"))
                {
                    var after = RunEngine(async (log, ct) =>
                    {
                        await MdmAuthorityClient.SetIntuneAsync(connection.Session, read.OrganizationId, read.Authority, log, ct)
                            .ConfigureAwait(false);
                        // Re-read: the answer is what the tenant says now, not what we asked for.
                        return (await MdmAuthorityClient.ReadAsync(connection.Session, log, ct).ConfigureAwait(false)).Authority;
                    });
                    guidance = guidance with
                    {
                        Applied = true,
                        AuthorityAfter = after,
                        Matches = after == MdmAuthorityAdvisor.Intune,
                        Action = after == MdmAuthorityAdvisor.Intune
                            ? "Done: the tenant now reports Intune as its MDM authority."
                            : $"The tenant still reports '{after}': check the sign-in's "
                                + "role (Intune or Global Administrator) and try again.",
                    };
                }
            }

            WriteObject(guidance);
        }
    }
}
