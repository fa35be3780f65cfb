namespace FastTrack.Onboarding.Engine.Collection
{
    /// <summary>The shape of a Graph read and therefore how the collector fetches it.</summary>
    public enum DatasetKind
    {
        /// <summary>One entity (a policy, the tenant's Intune settings). Fetched in $batch.</summary>
        Singleton,

        /// <summary>A configuration collection of tens or hundreds of items. First page in $batch, rest by nextLink.</summary>
        Collection,

        /// <summary>
        /// Users, groups, devices, service principals: paged at the largest page size, in parallel shards,
        /// streamed into slim records and never held as SDK models.
        /// </summary>
        LargeCollection,

        /// <summary>Only the number matters: <c>/$count</c> with ConsistencyLevel: eventual.</summary>
        Count,

        /// <summary>One read per item of another dataset (each verified domain's DNS records). In $batch.</summary>
        PerItem,
    }
}
