using FastTrack.Onboarding.Engine.Collection;
using Xunit;

namespace FastTrack.Onboarding.Engine.Tests.Collecting;

/// <summary>Shard ranges: they cover every value, they split real (skewed) names evenly, and they quote safely.</summary>
public sealed class ShardPlannerTests
{
    // Names as tenants have them: most Windows devices share one prefix, phones another.
    private static IEnumerable<string> DeviceNames(int count, int seed)
    {
        var random = new Random(seed);
        const string Chars = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        string Tag(int length) => new(Enumerable.Range(0, length).Select(_ => Chars[random.Next(Chars.Length)]).ToArray());
        for (var i = 0; i < count; i++)
        {
            var roll = random.Next(100);
            yield return roll < 70 ? "DESKTOP-" + Tag(7) : roll < 90 ? "iPhone-" + Tag(6) : "Android-" + Tag(6);
        }
    }

    /// <summary>Which shards a value falls in, with the same ge/le semantics Graph applies (case-insensitive here).</summary>
    private static List<int> ShardsOf(string value, IReadOnlyList<string> boundaries)
    {
        var shards = new List<int>();
        int Compare(string a, string b) => StringComparer.OrdinalIgnoreCase.Compare(a, b);
        if (Compare(value, boundaries[0]) <= 0) shards.Add(0);
        for (var i = 0; i < boundaries.Count - 1; i++)
        {
            if (Compare(value, boundaries[i]) >= 0 && Compare(value, boundaries[i + 1]) <= 0) shards.Add(i + 1);
        }

        if (Compare(value, boundaries[^1]) >= 0) shards.Add(boundaries.Count);
        return shards;
    }

    [Fact]
    public void Boundaries_from_a_first_page_split_skewed_names_into_shards_of_about_equal_size()
    {
        var sample = DeviceNames(1000, seed: 1).ToList();
        var boundaries = ShardPlanner.Boundaries(8, sample);
        var population = DeviceNames(50_000, seed: 2).ToList();
        var sizes = new int[boundaries.Count + 1];
        foreach (var name in population)
        {
            foreach (var shard in ShardsOf(name, boundaries)) sizes[shard]++;
        }

        Assert.Equal(8, sizes.Length);
        var even = population.Count / 8.0;
        Assert.All(sizes, size => Assert.InRange(size, even * 0.75, even * 1.25));

        // The fixed-letter plan this replaced puts most of the same names in one shard.
        var letters = ShardPlanner.Boundaries(8, sample: null);
        var letterSizes = new int[letters.Count + 1];
        foreach (var name in population)
        {
            foreach (var shard in ShardsOf(name, letters)) letterSizes[shard]++;
        }

        Assert.True(letterSizes.Max() > population.Count / 2, "letters were expected to leave one shard with most names");
    }

    [Theory]
    [InlineData(2)]
    [InlineData(5)]
    [InlineData(16)]
    public void Every_value_falls_in_at_least_one_shard(int shards)
    {
        var sample = DeviceNames(999, seed: 3).Concat(["", "zzz", "Ünïcode-1", "o'brien@contoso.com"]).ToList();
        var boundaries = ShardPlanner.Boundaries(shards, sample);
        foreach (var value in DeviceNames(5000, seed: 4).Concat(["", "a", "~~~", "Ünïcode-2", "o'brien@contoso.com", "DESKTOP-"]))
        {
            Assert.NotEmpty(ShardsOf(value, boundaries));
        }
    }

    [Fact]
    public void A_sample_too_small_to_trust_falls_back_to_letter_ranges()
    {
        Assert.Equal(ShardPlanner.Boundaries(8, sample: null), ShardPlanner.Boundaries(8, DeviceNames(10, seed: 5).ToList()));
    }

    [Fact]
    public void Filters_are_OData_ranges_with_quotes_doubled()
    {
        var sample = Enumerable.Range(0, 40).Select(i => $"user{i:D2}").ToList();
        var filters = ShardPlanner.Filters("userPrincipalName", 2, sample);

        Assert.Equal(2, filters.Count);
        Assert.Equal("userPrincipalName le 'user20'", filters[0]);
        Assert.Equal("userPrincipalName ge 'user20'", filters[1]);
        var quoted = ShardPlanner.Filters("displayName", 2, Enumerable.Repeat("o'brien", 40).ToList());
        Assert.Equal("displayName le 'o''brien'", quoted[0]);
        Assert.Equal(new string?[] { null }, ShardPlanner.Filters("displayName", 1, sample));
    }
}
