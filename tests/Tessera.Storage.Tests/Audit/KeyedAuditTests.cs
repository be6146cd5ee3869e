using Dapper;
using Microsoft.Extensions.Time.Testing;
using Tessera.Core.Access;
using Tessera.Core.Audit;

namespace Tessera.Storage.Tests.Audit;

/// <summary>The keyed chain, the signed head and the witness: rewriting entries and head is detected, on both databases.</summary>
public sealed class KeyedAuditTests
{
    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task VerifyAsync_DenyTurnedAllowWithChainAndHeadRecomputed_NamesTheEntry(string provider)
    {
        await using var store = await SeededAsync(provider);
        var entries = await EntriesAsync(store);
        var at = entries.Single(e => e.Outcome == "Deny").Sequence;

        // What an attacker with write access to the database could do before the chain was keyed: change the entry and
        // recompute every hash after it and the head, with the published (unkeyed) rule.
        var previous = entries[(int)at - 2].Hash;
        await using (var connection = await store.ConnectAsync())
        {
            foreach (var e in entries.Where(e => e.Sequence >= at))
            {
                var forged = (e.Sequence == at ? e with { Outcome = "Allow" } : e) with { PreviousHash = previous };
                forged = forged with { Hash = forged.ComputeHash() };
                await connection.ExecuteAsync("UPDATE audit_log SET outcome = @Outcome, prev_hash = @PreviousHash, hash = @Hash WHERE seq = @Sequence", forged);
                previous = forged.Hash;
            }

            await connection.ExecuteAsync("UPDATE audit_head SET hash = @previous WHERE id = 1", new { previous });
        }

        var result = await store.Audit.VerifyAsync();

        Assert.Equal(at, result.FirstBroken);
    }

    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task VerifyAsync_AnotherKey_FailsAtTheFirstKeyedEntry(string provider)
    {
        await using var store = await SeededAsync(provider);
        var key = store.Audit.Key;
        using var other = AuditKey.Create(1);

        store.Audit.Key = other;
        var result = await store.Audit.VerifyAsync();
        store.Audit.Key = key;

        Assert.Equal(1, result.FirstBroken);
        Assert.True((await store.Audit.VerifyAsync()).Intact);
    }

    [Fact]
    public async Task OpenAsync_AnotherKeyFile_IsRefused()
    {
        var folder = Path.Combine(Path.GetTempPath(), "tessera-tests", Guid.NewGuid().ToString("N"));
        await (await Store.OpenAsync(StorageOptions.Sqlite(folder))).DisposeAsync();
        var path = Path.Combine(folder, "audit.key");
        using (var other = AuditKey.Create(1))
        {
            File.Move(path, path + ".original");
            await File.WriteAllTextAsync(path, other.ToText());
        }

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => Store.OpenAsync(StorageOptions.Sqlite(folder)));
        File.Delete(path);
        var missing = await Assert.ThrowsAsync<InvalidOperationException>(() => Store.OpenAsync(StorageOptions.Sqlite(folder)));

        Assert.Contains("keyed with key", refused.Message, StringComparison.Ordinal);
        Assert.Contains("is missing", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAsync_FirstStart_WritesAKeyOnlyItsOwnerMayRead()
    {
        var folder = Path.Combine(Path.GetTempPath(), "tessera-tests", Guid.NewGuid().ToString("N"));
        await using var store = await Store.OpenAsync(StorageOptions.Sqlite(folder));

        var path = Path.Combine(folder, "audit.key");
        Assert.True(File.Exists(path));
        Assert.True(File.Exists(Path.Combine(folder, "audit.pub")));
        Assert.Equal(store.Audit.Key.Id, await KeyIdAsync(store));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }
    }

    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task VerifyAsync_TailCutBackToAnEarlierSignedHead_IsCaughtByTheWitness(string provider)
    {
        await using var store = await SeededAsync(provider);
        var earlier = await store.Audit.HeadAsync();
        await AppendAsync(store, 5);
        var witness = WitnessPath();
        await store.Audit.WitnessAsync(witness);

        // Cut the tail and put back the head signed earlier: chain and head alone look intact.
        await ExecuteAsync(store, "DELETE FROM audit_log WHERE seq > @Sequence", earlier);
        await ExecuteAsync(store, "UPDATE audit_head SET seq = @Sequence, hash = @Hash, signed = @signed, signature = @Signature WHERE id = 1",
            new { earlier.Sequence, earlier.Hash, signed = Store.Format(earlier.Time), earlier.Signature });
        var alone = await store.Audit.VerifyAsync();
        var witnessed = await store.Audit.VerifyAsync(AuditWitness.Parse(await File.ReadAllTextAsync(witness), store.Audit.Key));

        Assert.True(alone.Intact, alone.Problem);
        Assert.Equal(earlier.Sequence + 1, witnessed.FirstBroken);
        Assert.Contains("witness", witnessed.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task VerifyAsync_ChainRewrittenWithTheKeyBelowAWitnessedHead_NamesTheWitnessedEntry(string provider)
    {
        await using var store = await SeededAsync(provider);
        var witness = WitnessPath();
        var head = await store.Audit.WitnessAsync(witness);
        var entries = await EntriesAsync(store);

        // An insider holding the key rewrites entry 3 and everything after it, and re-signs the head.
        var previous = entries[1].Hash;
        var now = DateTimeOffset.UnixEpoch;
        await using (var connection = await store.ConnectAsync())
        {
            foreach (var e in entries.Skip(2))
            {
                var forged = (e.Sequence == 3 ? e with { Target = "entity:other" } : e) with { PreviousHash = previous };
                forged = forged with { Hash = forged.ComputeHash(store.Audit.Key) };
                await connection.ExecuteAsync("UPDATE audit_log SET target = @Target, prev_hash = @PreviousHash, hash = @Hash WHERE seq = @Sequence", forged);
                previous = forged.Hash;
            }

            await connection.ExecuteAsync("UPDATE audit_head SET hash = @previous, signed = @signed, signature = @signature WHERE id = 1",
                new { previous, signed = Store.Format(now), signature = store.Audit.Key.Sign(entries.Count, previous, now) });
        }

        var alone = await store.Audit.VerifyAsync();
        var witnessed = await store.Audit.VerifyAsync(AuditWitness.Parse(await File.ReadAllTextAsync(witness), store.Audit.Key));

        // The witness holds the head's hash only: the first entry known to differ is the witnessed one.
        Assert.True(alone.Intact, alone.Problem);
        Assert.Equal(head.Sequence, witnessed.FirstBroken);
        Assert.Contains("rewritten", witnessed.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task Parse_WitnessOfAnotherChain_IsRefused(string provider)
    {
        await using var mine = await SeededAsync(provider);
        await using var theirs = await SeededAsync(provider);
        var witness = WitnessPath();
        await theirs.Audit.WitnessAsync(witness);

        var refused = Assert.Throws<FormatException>(() => AuditWitness.Parse(File.ReadAllText(witness), mine.Audit.Key));

        Assert.Contains("line 1", refused.Message, StringComparison.Ordinal);
        Assert.Single(AuditWitness.Parse(File.ReadAllText(witness), theirs.Audit.Key));
    }

    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task VerifyAsync_HeadRewrittenWithoutTheSigningKey_IsDetected(string provider)
    {
        await using var store = await SeededAsync(provider);
        var count = await store.Audit.CountAsync();

        // The last entry and the head both removed: the chain is consistent, but the head's signature is not for it.
        await ExecuteAsync(store, "DELETE FROM audit_log WHERE seq = @count", new { count });
        await ExecuteAsync(store, "UPDATE audit_head SET seq = @seq, hash = (SELECT hash FROM audit_log WHERE seq = @seq) WHERE id = 1", new { seq = count - 1 });
        var result = await store.Audit.VerifyAsync();

        Assert.False(result.Intact);
        Assert.Contains("not signed", result.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task VerifyAsync_EntriesFromBeforeTheKey_VerifyUnderTheOldRuleAndStayAnchored(string provider)
    {
        await using var store = await TestStores.CreateAsync(provider);
        var folder = store.Options.DataFolder;
        // A log written before the key existed (migration 0006 and older): plain SHA-256 entries and an unsigned head.
        var previous = AuditEntry.GenesisHash;
        await using (var connection = await store.ConnectAsync())
        {
            await connection.ExecuteAsync("DELETE FROM audit_log");
            for (var i = 1; i <= 5; i++)
            {
                var e = AuditEntry.Next(i, previous, new AuditEvent("it.analyst", "IT", "entity.read", "entity:p" + TestStores.Id(i), "Allow"), DateTimeOffset.UnixEpoch.AddDays(i));
                await connection.ExecuteAsync("INSERT INTO audit_log (seq, time, actor, organisation, action, target, outcome, details, prev_hash, hash) " +
                    "VALUES (@Sequence, @time, @Actor, @Organisation, @Action, @Target, @Outcome, @Details, @PreviousHash, @Hash)", new { e.Sequence, time = Store.Format(e.Time), e.Actor, e.Organisation, e.Action, e.Target, e.Outcome, e.Details, e.PreviousHash, e.Hash });
                previous = e.Hash;
            }

            await connection.ExecuteAsync("UPDATE audit_head SET seq = 5, hash = @previous, signed = NULL, signature = NULL, key_id = NULL WHERE id = 1", new { previous });
        }

        File.Delete(Path.Combine(folder, "audit.key"));
        await using var reopened = await Store.OpenAsync(store.Options);
        await reopened.Audit.AppendAsync(AuditEvent.By(TestStores.User("GR", Role.Analyst), "entity.read", "entity:q", "Allow"));
        var intact = await reopened.Audit.VerifyAsync();
        await ExecuteAsync(reopened, "UPDATE audit_log SET outcome = 'Deny' WHERE seq = 2");
        var altered = await reopened.Audit.VerifyAsync();

        Assert.Equal(6, reopened.Audit.Key.KeyedFrom);
        Assert.True(intact.Intact, intact.Problem);
        Assert.Equal(6, intact.Checked);
        Assert.Equal(2, altered.FirstBroken);
    }

    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task AppendAsync_PurposeAndQuery_AreKeptAndCoveredByTheHash(string provider)
    {
        await using var store = await SeededAsync(provider);
        var user = TestStores.User("IT", Role.Analyst) with { Purpose = "OP-ZUWARA follow-up" };
        await store.Audit.AppendAsync(AuditEvent.By(user, "entity.search", "search", "ok", "", "+218 9"));
        var count = await store.Audit.CountAsync();
        var entry = (await EntriesAsync(store))[^1];

        await ExecuteAsync(store, "UPDATE audit_log SET purpose = 'something else' WHERE seq = @count", new { count });
        var altered = await store.Audit.VerifyAsync();

        Assert.Equal(("+218 9", "OP-ZUWARA follow-up"), (entry.Query, entry.Purpose));
        Assert.Equal(count, altered.FirstBroken);
    }

    private static async Task<Store> SeededAsync(string provider)
    {
        var store = await TestStores.CreateSeededAsync(provider, new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.Zero)));
        await AppendAsync(store, 10);
        return store;
    }

    private static async Task AppendAsync(Store store, int n)
    {
        var user = TestStores.User("IT", Role.Analyst);
        for (var i = 0; i < n; i++)
        {
            await store.Audit.AppendAsync(AuditEvent.By(user, "entity.read", "entity:p" + TestStores.Id(i), i == 4 ? "Deny" : "Allow"));
        }
    }

    private static async Task<List<AuditEntry>> EntriesAsync(Store store)
    {
        var entries = new List<AuditEntry>();
        await foreach (var e in store.Audit.ReadAsync())
        {
            entries.Add(e);
        }

        return entries;
    }

    private static async Task<string> KeyIdAsync(Store store)
    {
        await using var connection = await store.ConnectAsync();
        return await connection.ExecuteScalarAsync<string>("SELECT key_id FROM audit_head WHERE id = 1") ?? "";
    }

    private static string WitnessPath() => Path.Combine(Path.GetTempPath(), "tessera-tests", "witness-" + Guid.NewGuid().ToString("N") + ".jsonl");

    private static async Task ExecuteAsync(Store store, string sql, object? args = null)
    {
        await using var connection = await store.ConnectAsync();
        await connection.ExecuteAsync(sql, args);
    }
}
