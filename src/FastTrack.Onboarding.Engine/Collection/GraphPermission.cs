using System;
using System.Collections.Generic;

namespace FastTrack.Onboarding.Engine.Collection
{
    /// <summary>
    /// The permissions that allow a read, least-privileged first, for app-only and delegated tokens
    /// (docs/graph-notes.md, 'Permissions', from Microsoft's permissions.json). An empty list means that kind of token is not
    /// supported at all for this read (for example directory/onPremisesSynchronization app-only).
    /// </summary>
    public sealed record GraphPermission(IReadOnlyList<string> Application, IReadOnlyList<string> Delegated)
    {
        public static GraphPermission Same(params string[] permissions) => new GraphPermission(permissions, permissions);

        public static GraphPermission DelegatedOnly(params string[] permissions) => new GraphPermission(Array.Empty<string>(), permissions);

        /// <summary>The least-privileged permission for the token type ("Application" or "Delegated").</summary>
        public string? Least(bool delegated)
        {
            var list = delegated ? Delegated : Application;
            return list.Count > 0 ? list[0] : null;
        }

        /// <summary>True when any granted permission allows the read.</summary>
        public bool IsSatisfiedBy(IEnumerable<string> granted, bool delegated)
        {
            var list = delegated ? Delegated : Application;
            foreach (var permission in granted)
            {
                foreach (var accepted in list)
                {
                    if (string.Equals(permission, accepted, StringComparison.OrdinalIgnoreCase))
                    {
                        return true;
                    }
                }
            }

            return false;
        }
    }
}
