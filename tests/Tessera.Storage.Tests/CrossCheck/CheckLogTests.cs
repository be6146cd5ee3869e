using Tessera.Core.Access;
using Tessera.Storage.CrossCheck;

namespace Tessera.Storage.Tests.CrossCheck;

/// <summary>Checks logged concurrently share transactions (group commit) without losing an entry or breaking the audit chain.</summary>
public sealed class CheckLogTests
{
    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task LogCheck_ManyAtOnce_EveryCheckLoggedOnceAndChainVerifies(string provider)
    {
        await using var store = await TestStores.CreateSeededAsync(provider);
        var auditBefore = await store.Audit.CountAsync();
        var organisations = new[] { "IT", "GR", "MT" };

        // 300 checks from three organisations at once: each task completes only once its entry is committed.
        await Task.WhenAll(Enumerable.Range(0, 300).Select(i => Task.Run(() => store.Hits.LogCheckAsync(
            new CheckLogEntry(store.Time.GetUtcNow(), "user" + (i % 7), organisations[i % 3], i % 2 == 0 ? "all" : "un", "identifier", i % 5 == 0 ? "hit" : "no-hit", i % 5 == 0 ? 1 : 0)))));

        var stats = await store.Hits.CheckStatisticsAsync();
        Assert.Equal(300, stats.Sum(s => s.Count));
        Assert.Equal(Enumerable.Range(0, 300).Count(i => i % 3 == 0 && i % 2 == 0 && i % 5 == 0), stats.Single(s => s is ("IT", "all", "hit", _)).Count);
        Assert.Equal(auditBefore + 300, await store.Audit.CountAsync());
        await foreach (var entry in store.Audit.ReadAsync(auditBefore + 1))
        {
            Assert.Equal("check.identifier", entry.Action);
        }

        Assert.True((await store.Audit.VerifyAsync()).Intact);
    }

    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task Screening_ConcurrentChecks_EachAnsweredAfterItsEntryIsStored(string provider)
    {
        await using var store = await TestStores.CreateSeededAsync(provider);
        var it = TestStores.User("IT", Role.Analyst);

        // Whenever a check has been answered, its log entry is already there: the count never lags behind the answers.
        var answered = 0;
        await Task.WhenAll(Enumerable.Range(0, 40).Select(async i =>
        {
            await store.CrossCheck.ScreenIdentifierAsync("phone", "+39320" + (1000000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture), it);
            var seen = Interlocked.Increment(ref answered);
            Assert.True((await store.Hits.CheckStatisticsAsync()).Sum(s => s.Count) >= seen);
        }));

        Assert.Equal(40, (await store.Hits.CheckStatisticsAsync()).Sum(s => s.Count));
        Assert.True((await store.Audit.VerifyAsync()).Intact);
    }
}
