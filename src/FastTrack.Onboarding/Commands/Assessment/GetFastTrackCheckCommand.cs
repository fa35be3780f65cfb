using System.Linq;
using System.Management.Automation;
using FastTrack.Onboarding.Completion;
using FastTrack.Onboarding.Engine.Checks;
using FastTrack.Onboarding.Infrastructure;
using FastTrack.Onboarding.Model.Assessment;
using FastTrack.Onboarding.Model.Checks;

namespace FastTrack.Onboarding.Commands.Assessment
{
    /// <summary>Get-FastTrackCheck: the check catalog, with the Graph reads, permissions and licences behind each check.</summary>
    [Cmdlet(VerbsCommon.Get, "FastTrackCheck")]
    [OutputType(typeof(CheckInfo))]
    public sealed class GetFastTrackCheckCommand : FastTrackCmdlet
    {
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(CheckIdCompleter))]
        public string[]? CheckId { get; set; }

        [Parameter]
        public FastTrackPhase[]? Phase { get; set; }

        [Parameter]
        public FastTrackService[]? Service { get; set; }

        protected override void ProcessRecord()
        {
            var selection = new CheckSelection
            {
                CheckIds = CheckId ?? new string[0],
                Phases = Phase ?? new FastTrackPhase[0],
                Services = Service ?? new FastTrackService[0],
            };
            var checks = CheckCatalog.Select(selection);
            if (checks.Count == 0 && CheckId != null && !CheckId.Any(WildcardPattern.ContainsWildcardCharacters))
            {
                WriteError(ErrorRecords.From(new Model.Errors.FastTrackException(
                    Model.Errors.ErrorIds.CheckNotFound,
                    Model.Errors.FailureKind.ObjectNotFound,
                    $"No check has the id {string.Join(", ", CheckId)}.",
                    "Run Get-FastTrackCheck without arguments to list every check id.",
                    targetObject: CheckId)));
                return;
            }

            foreach (var check in checks)
            {
                WriteObject(CheckInfoFactory.Describe(check));
            }
        }
    }
}
