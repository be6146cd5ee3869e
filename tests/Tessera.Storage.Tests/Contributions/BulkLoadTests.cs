using System.Globalization;
using Dapper;
using Tessera.Core.Access;
using Tessera.Core.Model;
using Tessera.Storage.Contributions;

namespace Tessera.Storage.Tests.Contributions;

public sealed class BulkLoadTests
{
    [Theory]
    [InlineData(99, 0, false)]
    [InlineData(100, 0, true)]
    [InlineData(100, 300, true)]
    [InlineData(100, 301, false)]
    [InlineData(1_000_000, 2_000_000, true)]
    public void Pays_AddedAgainstTable_OnlyForLargeShare(long added, long existing, bool expected) =>
        Assert.Equal(expected, BulkLoad.Pays(added, existing, 100));

    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task WriteAsync_LargeContribution_StoresEveryStatementAndRestoresIndexesAndKeys(string provider)
    {
        await using var store = await TestStores.CreateSeededAsync(provider);
        await store.Contributions.WriteAsync(TestStores.Contribution("GR", null, hash: "small"), [TestStores.Person("gr-1", "Omar Faruk")], Principal.System);
        var schemaBefore = await SchemaOfStatementsAsync(store);
        store.Contributions.BulkMinimum = 10;
        // 41 entities × 5 values: 205 statements, not a multiple of the rows per insert, with null and invalid values.
        var entities = Enumerable.Range(0, 41).Select(Entity).ToList();

        var result = await store.Contributions.WriteAsync(TestStores.Contribution("IT", "C1", hash: "large"), entities, Principal.System);
        var stored = await store.Contributions.StatementsOfAsync(entities.Select(e => "IT:" + e.Id).ToList());

        Assert.Equal(205, result.Statements);
        Assert.Equal(entities.SelectMany(e => e.Values.Select(v => ("IT:" + e.Id, v.Property, v.Value, v.Normalised, v.Valid, v.Reason))),
            stored.Select(s => (s.Statement.EntityId, s.Statement.Property, s.Statement.Value, s.Statement.Normalised, s.Statement.Valid, s.Statement.Reason)));
        Assert.All(stored, s => Assert.Equal(result.ContributionId, s.Contribution.Id));
        Assert.Equal(schemaBefore, await SchemaOfStatementsAsync(store));
        Assert.Contains(await AuditActionsAsync(store), a => a == "contribution.write");
        Assert.True((await store.Audit.VerifyAsync()).Intact);
    }

    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task WriteAsync_LargeContributionFailingMidway_StoresNothingAndKeepsIndexes(string provider)
    {
        await using var store = await TestStores.CreateSeededAsync(provider);
        var schemaBefore = await SchemaOfStatementsAsync(store);
        store.Contributions.BulkMinimum = 10;
        // A value the table refuses (NOT NULL), far into the load: the indexes are dropped by then.
        var entities = Enumerable.Range(0, 40).Select(Entity).Append(new Entity("bad", "Person", [new PropertyValue("name", null!)])).ToList();

        await Assert.ThrowsAnyAsync<Exception>(() => store.Contributions.WriteAsync(TestStores.Contribution("IT", "C1", hash: "broken"), entities, Principal.System));
        var retry = await store.Contributions.WriteAsync(TestStores.Contribution("IT", "C1", hash: "broken"), entities.SkipLast(1).ToList(), Principal.System);

        Assert.Equal(schemaBefore, await SchemaOfStatementsAsync(store));
        Assert.True(retry.Added);
        Assert.Equal((1L, 40L, 200L), await store.Contributions.CountsAsync());
    }

    private static Entity Entity(int i) => new("p-" + i.ToString("D3", CultureInfo.InvariantCulture), "Person",
    [
        new PropertyValue("name", "Person " + i.ToString(CultureInfo.InvariantCulture), "person " + i.ToString(CultureInfo.InvariantCulture)),
        new PropertyValue("birthDate", "31/02/1990", null, false, "no such day"),
        new PropertyValue("phone", "+39 333 " + i.ToString("D7", CultureInfo.InvariantCulture), "+39333" + i.ToString("D7", CultureInfo.InvariantCulture)),
        new PropertyValue("nationality", "Libya", "ly"),
        new PropertyValue("notes", "ÄÖ ليبيا " + i.ToString(CultureInfo.InvariantCulture)),
    ]);

    // The definitions of the statement table's indexes and foreign keys, as the database's catalogue gives them.
    private static async Task<List<string>> SchemaOfStatementsAsync(Store store)
    {
        await using var connection = await store.ConnectAsync();
        var sql = store.Provider == StorageProvider.Postgres
            ? "SELECT pg_get_indexdef(indexrelid) FROM pg_index WHERE indrelid = 'statements'::regclass " +
              "UNION ALL SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'statements'::regclass"
            : "SELECT COALESCE(sql, name) FROM sqlite_master WHERE tbl_name = 'statements' " +
              "UNION ALL SELECT \"table\" || '.' || \"from\" || '->' || \"to\" FROM pragma_foreign_key_list('statements')";
        return (await connection.QueryAsync<string>(sql)).Order(StringComparer.Ordinal).ToList();
    }

    private static async Task<List<string>> AuditActionsAsync(Store store)
    {
        var actions = new List<string>();
        await foreach (var entry in store.Audit.ReadAsync())
        {
            actions.Add(entry.Action);
        }

        return actions;
    }
}
