using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Language;
using FastTrack.Onboarding.Engine.Checks;

namespace FastTrack.Onboarding.Completion
{
    /// <summary>
    /// Tab completion for -CheckId: the ids of the check catalog, with each check's title as the
    /// tooltip so an admin can pick a check without knowing the id scheme. Ids never need quoting
    /// (FT-ASSESS-IDENTITY-01), but a quote the user already typed is kept.
    /// </summary>
    public sealed class CheckIdCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var word = wordToComplete ?? string.Empty;
            var quote = word.Length > 0 && (word[0] == '\'' || word[0] == '"') ? word[0].ToString() : string.Empty;
            var typed = word.Trim('\'', '"');

            // A prefix, or a wildcard pattern when the user typed one (FT-*-INTUNE-*).
            var pattern = new WildcardPattern(
                WildcardPattern.ContainsWildcardCharacters(typed) ? typed : typed + "*",
                WildcardOptions.IgnoreCase);
            var results = new List<CompletionResult>();
            foreach (var check in CheckCatalog.All)
            {
                if (pattern.IsMatch(check.Id))
                {
                    var tooltip = string.IsNullOrEmpty(check.Title) ? check.Id : $"{check.Title} ({check.Phase}, {check.Service})";
                    results.Add(new CompletionResult(quote + check.Id + quote, check.Id, CompletionResultType.ParameterValue, tooltip));
                }
            }

            return results;
        }
    }
}
