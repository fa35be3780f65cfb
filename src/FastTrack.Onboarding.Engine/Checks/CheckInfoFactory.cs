using System.Linq;
using FastTrack.Onboarding.Engine.Collection;
using FastTrack.Onboarding.Model.Checks;

namespace FastTrack.Onboarding.Engine.Checks
{
    /// <summary>Describes a check for PowerShell (no engine types cross into the cmdlets' surface).</summary>
    public static class CheckInfoFactory
    {
        public static CheckInfo Describe(CheckDefinition check)
        {
            var datasets = check.Needs.Concat(check.Optional).Select(DatasetCatalog.Get).ToList();
            return new CheckInfo
            {
                CheckId = check.Id,
                Title = check.Title,
                Phase = check.Phase,
                Service = check.Service,
                Area = check.Area.Display(),
                Guidance = check.Guidance,
                DataSources = datasets.Select(d => d.Describe()).ToList(),
                ApplicationPermissions = datasets.Select(d => d.Permission.Least(delegated: false) ?? "(not supported app-only)")
                    .Distinct()
                    .ToList(),
                DelegatedPermissions = datasets.Select(d => d.Permission.Least(delegated: true) ?? "(not supported delegated)")
                    .Distinct()
                    .ToList(),
                Licenses = datasets.Where(d => d.License != null).Select(d => d.License!).Distinct().ToList(),
                UsesPreviewApi = datasets.Any(d => d.IsPreview),
                HasGraphApi = datasets.Count > 0,
                LearnMoreUrl = check.LearnMoreUrl,
            };
        }
    }
}
