using FastTrack.Onboarding.Engine.Snapshots;

namespace FastTrack.Onboarding.Engine.Checks
{
    /// <summary>
    /// What the directory-sync checks (FT-ENABLE-AADP-05, FT-ENABLE-TENANT-05) keep of the users, read once each as a
    /// stream: how many are synced and how many carry provisioning errors. Two counts, whatever the tenant's size.
    /// </summary>
    public sealed class DirectorySyncTally
    {
        public int SyncedUsers { get; private set; }

        public int WithErrors { get; private set; }

        public static DirectorySyncTally Add(DirectorySyncTally tally, UserRecord user)
        {
            if (user.IsSynced) tally.SyncedUsers++;
            if (user.ProvisioningErrors.Count > 0) tally.WithErrors++;
            return tally;
        }
    }
}
