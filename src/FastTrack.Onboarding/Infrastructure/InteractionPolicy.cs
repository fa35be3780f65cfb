using System;
using System.Linq;
using System.Management.Automation.Host;

namespace FastTrack.Onboarding.Infrastructure
{
    /// <summary>
    /// Decides whether this session may show a sign-in prompt. Runbooks, Azure Automation jobs and
    /// `pwsh -NonInteractive` must never wait for a person: interactive flows fail fast there.
    /// </summary>
    internal static class InteractionPolicy
    {
        public static bool CanPrompt(PSHost host)
        {
            if (Environment.GetCommandLineArgs().Skip(1).Any(IsNonInteractiveSwitch))
            {
                return false;
            }

            // "Default Host" is a runspace with no UI: Azure Automation, hosted runspaces, jobs.
            if (host is null || host.UI is null || string.Equals(host.Name, "Default Host", StringComparison.OrdinalIgnoreCase)
                || string.Equals(host.Name, "ServerRemoteHost", StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            return Environment.UserInteractive;
        }

        // pwsh accepts any unambiguous prefix of -NonInteractive down to -noni, with - or /.
        private static bool IsNonInteractiveSwitch(string argument)
        {
            var trimmed = argument.TrimStart('-', '/');
            return trimmed.Length >= 4 && "noninteractive".StartsWith(trimmed, StringComparison.OrdinalIgnoreCase);
        }
    }
}
