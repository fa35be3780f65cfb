using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using FastTrack.Onboarding.Model.Errors;

namespace FastTrack.Onboarding.PipeBinds
{
    /// <summary>What the PipeBinds share: flattening what PowerShell bound, and the one "not recognised" error.</summary>
    internal static class PipeBindItems
    {
        /// <summary>
        /// Arrays nested by binding (@(Test-FastTrackDns) inside @(...)) opened; PSObjects unwrapped to
        /// their base object except PSCustomObjects (deserialised and JSON objects), whose properties live on the wrapper.
        /// </summary>
        public static IEnumerable<object> Flatten(object? input)
        {
            var value = input is PSObject ps && !(ps.BaseObject is PSCustomObject) ? ps.BaseObject : input;
            if (value is IEnumerable nested && !(value is string) && !(value is IDictionary))
            {
                foreach (var item in nested)
                {
                    foreach (var inner in Flatten(item))
                    {
                        yield return inner;
                    }
                }
            }
            else if (value != null)
            {
                yield return value;
            }
        }

        public static FastTrackException NotRecognized(string parameter, object item, string expected, string remedy)
        {
            var loose = LooseObject.Of(item);
            var shown = loose.IsScalar ? $"{loose.TypeName} '{Shorten(item.ToString() ?? string.Empty)}'" : loose.TypeName;
            return new FastTrackException(ErrorIds.InputNotRecognized, FailureKind.InvalidArgument,
                $"-{parameter} got a {shown}, which is not {expected}.", remedy, targetObject: parameter);
        }

        private static string Shorten(string text) => text.Length <= 40 ? text : text.Substring(0, 40) + "…";
    }
}
