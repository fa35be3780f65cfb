using System;
using System.Linq;
using System.Management.Automation;
using FastTrack.Onboarding.Completion;
using FastTrack.Onboarding.Engine.Access;
using FastTrack.Onboarding.Engine.Checks;
using FastTrack.Onboarding.Infrastructure;
using FastTrack.Onboarding.Model.Assessment;
using FastTrack.Onboarding.Model.Errors;
using FastTrack.Onboarding.Model.Permissions;

namespace FastTrack.Onboarding.Commands.Permissions
{
    /// <summary>
    /// Test-FastTrackPermission: the connected token's permissions (roles or scp claim) against what the
    /// selected checks read — granted, missing, the checks each missing one blocks, and the
    /// least-privileged set to grant. Reads no tenant data: the answer comes from the token's claims and
    /// the check catalog, so it is instant and safe to run before a long assessment. With
    /// -PermissionType it judges a list of permissions without a connection (planning an app registration).
    /// </summary>
    [Cmdlet(VerbsDiagnostic.Test, "FastTrackPermission", DefaultParameterSetName = ConnectedSet)]
    [OutputType(typeof(PermissionRequirement))]
    [OutputType(typeof(PermissionSummary))]
    public sealed class TestFastTrackPermissionCommand : ConnectedCmdlet
    {
        private const string ConnectedSet = "Connected";
        private const string PlannedSet = "Planned";

        [Parameter(Position = 0)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(CheckIdCompleter))]
        public string[]? CheckId { get; set; }

        [Parameter]
        public FastTrackPhase[]? Phase { get; set; }

        [Parameter]
        public FastTrackService[]? Service { get; set; }

        /// <summary>Judge -GrantedPermission as this kind of token instead of the connection's token.</summary>
        [Parameter(ParameterSetName = PlannedSet, Mandatory = true)]
        public PermissionType PermissionType { get; set; }

        /// <summary>The permissions to judge with -PermissionType; none means "what does a new app need".</summary>
        [Parameter(ParameterSetName = PlannedSet)]
        [AllowEmptyCollection]
        [ValidateNotNull]
        public string[] GrantedPermission { get; set; } = Array.Empty<string>();

        /// <summary>One object: granted, missing, blocked checks and the least-privileged sets to grant.</summary>
        [Parameter]
        public SwitchParameter Summary { get; set; }

        protected override void ProcessRecord()
        {
            var checks = CheckCatalog.Select(new CheckSelection
            {
                CheckIds = CheckId ?? Array.Empty<string>(),
                Phases = Phase ?? Array.Empty<FastTrackPhase>(),
                Services = Service ?? Array.Empty<FastTrackService>(),
            });
            if (checks.Count == 0 && CheckId != null && !CheckId.Any(WildcardPattern.ContainsWildcardCharacters))
            {
                ThrowTerminatingError(ErrorRecords.From(new FastTrackException(
                    ErrorIds.CheckNotFound,
                    FailureKind.ObjectNotFound,
                    $"No check has the id {string.Join(", ", CheckId)}.",
                    "Run Get-FastTrackCheck without arguments to list every check id.",
                    targetObject: CheckId)));
            }

            var (type, granted) = ParameterSetName == PlannedSet ? (PermissionType, GrantedPermission) : FromConnection();
            var analysis = PermissionAnalysis.Analyze(checks, granted, type);
            if (Summary)
            {
                WriteObject(analysis.Summary);
                return;
            }

            foreach (var requirement in analysis.Requirements)
            {
                WriteObject(requirement);
            }
        }

        private (PermissionType Type, string[] Granted) FromConnection()
        {
            var connection = ResolveConnection();
            var delegated = string.Equals(connection.TokenType, "Delegated", StringComparison.OrdinalIgnoreCase);
            WriteVerboseSafely($"Judging the {connection.TokenType.ToLowerInvariant()} token of {connection} "
                + $"({(delegated ? connection.Scopes.Count : connection.Roles.Count)} permissions in its claims).");
            return delegated
                ? (PermissionType.Delegated, connection.Scopes.ToArray())
                : (PermissionType.Application, connection.Roles.ToArray());
        }
    }
}
