using Dapper;
using Microsoft.Extensions.Time.Testing;
using Tessera.Core.Audit;

namespace Tessera.Storage.Tests.Audit;

/// <summary>The audit chain detects altered, deleted, reordered and truncated entries, on both databases.</summary>
public sealed class AuditLogTests
{
    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task VerifyAsync_UntouchedLog_IsIntact(string provider)
    {
        await using var store = await SeededAsync(provider);

        var result = await store.Audit.VerifyAsync();

        Assert.True(result.Intact, result.Problem);
        Assert.Equal(await store.Audit.CountAsync(), result.Checked);
    }

    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task VerifyAsync_AlteredEntry_NamesIt(string provider)
    {
        await using var store = await SeededAsync(provider);

        await ExecuteAsync(store, "UPDATE audit_log SET outcome = 'Deny' WHERE seq = 7");
        var result = await store.Audit.VerifyAsync();

        Assert.Equal(7, result.FirstBroken);
    }

    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task VerifyAsync_AlteredEntryWithRecomputedUnkeyedHash_NamesIt(string provider)
    {
        await using var store = await SeededAsync(provider);
        var seventh = await EntryAsync(store, 7);
        var forged = seventh with { Actor = "someone-else" };

        await ExecuteAsync(store, "UPDATE audit_log SET actor = @actor, hash = @hash WHERE seq = 7", new { actor = forged.Actor, hash = forged.ComputeHash() });
        var result = await store.Audit.VerifyAsync();

        Assert.Equal(7, result.FirstBroken);
    }

    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task VerifyAsync_DeletedEntry_NamesTheGap(string provider)
    {
        await using var store = await SeededAsync(provider);

        await ExecuteAsync(store, "DELETE FROM audit_log WHERE seq = 5");
        var result = await store.Audit.VerifyAsync();

        Assert.Equal(5, result.FirstBroken);
    }

    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task VerifyAsync_ReorderedEntries_AreDetected(string provider)
    {
        await using var store = await SeededAsync(provider);

        // Swap the contents of entries 3 and 4 but keep their sequence numbers.
        await ExecuteAsync(store, "UPDATE audit_log SET seq = -3 WHERE seq = 3");
        await ExecuteAsync(store, "UPDATE audit_log SET seq = 3 WHERE seq = 4");
        await ExecuteAsync(store, "UPDATE audit_log SET seq = 4 WHERE seq = -3");
        var result = await store.Audit.VerifyAsync();

        Assert.Equal(3, result.FirstBroken);
    }

    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task VerifyAsync_RemovedTail_IsDetected(string provider)
    {
        await using var store = await SeededAsync(provider);
        var count = await store.Audit.CountAsync();

        await ExecuteAsync(store, "DELETE FROM audit_log WHERE seq >= @from", new { from = count - 1 });
        var result = await store.Audit.VerifyAsync();

        Assert.Equal(count - 1, result.FirstBroken);
    }

    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task VerifyAsync_LastEntryAlteredWithRecomputedHash_IsCaughtByTheHead(string provider)
    {
        await using var store = await SeededAsync(provider);
        var count = await store.Audit.CountAsync();
        var last = await EntryAsync(store, count);
        var forged = last with { Outcome = "Deny" };

        await ExecuteAsync(store, "UPDATE audit_log SET outcome = @Outcome, hash = @hash WHERE seq = @count", new { forged.Outcome, hash = forged.ComputeHash(), count });
        var result = await store.Audit.VerifyAsync();

        Assert.Equal(count, result.FirstBroken);
    }

    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task VerifyAsync_LargeBatchWithTheRealClock_IsIntactAndNamesAnAlteredEntry(string provider)
    {
        await using var store = await TestStores.CreateSeededAsync(provider, TimeProvider.System);
        await store.Audit.AppendAsync(Enumerable.Range(0, 10_000).Select(i => new AuditEvent("analyst-gr", "GR", "entity.read", "entity:q" + TestStores.Id(i), "Allow", "ü€😀")));
        var count = await store.Audit.CountAsync();

        var intact = await store.Audit.VerifyAsync();
        await ExecuteAsync(store, "UPDATE audit_log SET target = 'entity:other' WHERE seq = @at", new { at = count - 100 });
        var altered = await store.Audit.VerifyAsync();

        Assert.True(intact.Intact, intact.Problem);
        Assert.Equal(count, intact.Checked);
        Assert.Equal(count - 100, altered.FirstBroken);
    }

    [Fact]
    public void Verify_AnySingleTamperedField_IsDetected()
    {
        var time = new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.Zero);
        var chain = new List<AuditEntry>();
        var previous = AuditEntry.GenesisHash;
        for (var i = 1; i <= 50; i++)
        {
            var e = AuditEntry.Next(i, previous, new AuditEvent("u" + TestStores.Id(i % 3), "IT", "entity.read", "entity:p" + TestStores.Id(i), "Allow"), time.AddSeconds(i));
            chain.Add(e);
            previous = e.Hash;
        }

        Func<AuditEntry, AuditEntry>[] tamper =
        [
            e => e with { Actor = e.Actor + "x" }, e => e with { Organisation = "GR" }, e => e with { Action = "entity.export" },
            e => e with { Target = "entity:other" }, e => e with { Outcome = "Deny" }, e => e with { Details = "x" },
            e => e with { Time = e.Time.AddTicks(1) }, e => e with { Hash = new string('f', 64) },
        ];
        for (var at = 0; at < chain.Count; at++)
        {
            foreach (var change in tamper)
            {
                var copy = chain.ToList();
                copy[at] = change(copy[at]);

                var result = AuditChain.Verify(copy);

                Assert.False(result.Intact);
                Assert.InRange(result.FirstBroken!.Value, at + 1, at + 2);
            }
        }
    }

    private static async Task<Store> SeededAsync(string provider)
    {
        var store = await TestStores.CreateSeededAsync(provider, new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.Zero)));
        for (var i = 0; i < 10; i++)
        {
            await store.Audit.AppendAsync(new AuditEvent("analyst-it", "IT", "entity.read", "entity:p" + TestStores.Id(i), "Allow"));
        }

        return store;
    }

    private static async Task<AuditEntry> EntryAsync(Store store, long seq)
    {
        await foreach (var e in store.Audit.ReadAsync(seq, 1))
        {
            return e;
        }

        throw new InvalidOperationException("no entry");
    }

    private static async Task ExecuteAsync(Store store, string sql, object? args = null)
    {
        await using var connection = await store.ConnectAsync();
        await connection.ExecuteAsync(sql, args);
    }
}
