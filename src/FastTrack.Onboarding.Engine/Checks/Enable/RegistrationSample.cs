using System;
using System.Collections.Generic;
using System.Linq;
using FastTrack.Onboarding.Engine.Collection;
using FastTrack.Onboarding.Engine.Snapshots;

namespace FastTrack.Onboarding.Engine.Checks
{
    /// <summary>
    /// How much of the per-user registration report the SSPR and MFA checks saw. By default the
    /// collector reads only its first two pages (DatasetCatalog: Graph allows 5 report requests per
    /// 10 s); then the checks' shares are estimates and their evidence must say so.
    /// </summary>
    internal sealed class RegistrationSample
    {
        private RegistrationSample(bool isSample, int rowsRead, long? usersInTenant)
        {
            IsSample = isSample;
            RowsRead = rowsRead;
            UsersInTenant = usersInTenant;
        }

        /// <summary>True when the rows are the report's first rows only, not all of them.</summary>
        public bool IsSample { get; }

        public int RowsRead { get; }

        /// <summary>The directory's user count, when the snapshot holds the users (the report has a row per user).</summary>
        public long? UsersInTenant { get; }

        public static RegistrationSample Of(CheckContext context)
        {
            var data = context.Data(DatasetIds.UserRegistrationDetails);
            var rows = data.ItemCount ?? context.Items(DatasetIds.UserRegistrationDetails).Count;
            var sampled = data.Truncated;
            // The users' count from the dataset's counts, not by walking the records (issue #14): a stored large
            // collection declares its item count (SnapshotValidator rejects one that does not).
            var read = context.Has(DatasetIds.Users) ? context.Data(DatasetIds.Users) : null;
            long? users = read is null ? null : read.ServerCount ?? read.ItemCount;
            return new RegistrationSample(sampled, rows, users);
        }

        /// <summary>
        /// The sentence a sampled verdict ends with ("" for a complete read). The rows are the first in
        /// Graph's order, not a random draw, so the estimate can lean whichever way that order leans.
        /// </summary>
        public string Caveat
        {
            get
            {
                if (!IsSample)
                {
                    return string.Empty;
                }

                // Invariant digits: a saved snapshot re-evaluated elsewhere gives the same evidence.
                var of = UsersInTenant is long users ? FormattableString.Invariant($" (of ~{users:N0} users)") : string.Empty;
                return FormattableString.Invariant($" These shares are estimated from the first {RowsRead:N0} rows Graph returned for the ")
                    + FormattableString.Invariant($"registration report{of}, in Graph's order rather than at random; ")
                    + "run with -FullRegistrationReport for every row.";
            }
        }

        /// <summary>The figures every registration verdict carries: whether it is a sample and how many rows were read.</summary>
        public IReadOnlyDictionary<string, object?> AddTo(IReadOnlyDictionary<string, object?> figures)
        {
            var all = figures.ToDictionary(f => f.Key, f => f.Value);
            all["Sampled"] = IsSample;
            all["RowsRead"] = RowsRead;
            if (IsSample && UsersInTenant is long users)
            {
                all["UsersInTenant"] = users;
            }

            return all;
        }
    }
}
