using Dapper;
using Tessera.Core.Access;
using Tessera.Core.Model;

namespace Tessera.Storage.Tests.Contributions;

/// <summary>A store written before provider namespaces is moved into them by migration 0010, once.</summary>
public sealed class ProviderNamespaceMigrationTests
{
    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task Migration_OldIdsReferencesAndHits_MoveIntoTheProvidersNamespace(string provider)
    {
        var store = await TestStores.CreateSeededAsync(provider);
        var it = await store.Contributions.WriteAsync(TestStores.Contribution("IT", "C1", hash: "it"),
            [TestStores.Person("p1", "Mohammed Ali"), new Entity("c1", "Call", [new("caller", "p1"), new("receiver", "p2")])], TestStores.User("IT", Role.Analyst));
        var gr = await store.Contributions.WriteAsync(TestStores.Contribution("GR", null, hash: "gr"), [TestStores.Person("g1", "Muhammad Ali")], TestStores.User("GR", Role.Analyst));
        await using (var connection = await store.ConnectAsync())
        {
            // As an older Tessera stored them: local ids, local references, a hit between the two records.
            await connection.ExecuteAsync("UPDATE statements SET entity_id = substr(entity_id, 4)");
            await connection.ExecuteAsync("UPDATE statements SET value = substr(value, 4), normalised = substr(normalised, 4) WHERE property IN ('caller', 'receiver')");
            await connection.ExecuteAsync("UPDATE statements SET entity_id = 'IT:kept' WHERE entity_id = 'c1'");
            await connection.ExecuteAsync(
                "INSERT INTO hits (created, kind, new_contribution_id, new_entity_id, existing_contribution_id, existing_entity_id, weight, probability, summary, explanation) " +
                "VALUES ('2026-11-01T00:00:00.0000000Z', 'same-person', @gr, 'g1', @it, 'p1', 10, 0.99, '', '{}')", new { gr = gr.ContributionId, it = it.ContributionId });
            await connection.ExecuteAsync("DELETE FROM schema_migrations WHERE version = 10");
        }

        var options = store.Options;
        await store.DisposeAsync();
        await using var reopened = await Store.OpenAsync(options);
        await using var check = await reopened.ConnectAsync();
        var ids = (await check.QueryAsync<string>("SELECT DISTINCT entity_id FROM statements ORDER BY entity_id")).ToList();
        var references = (await check.QueryAsync<(string Value, string Normalised)>("SELECT value, normalised FROM statements WHERE property IN ('caller', 'receiver') ORDER BY property")).ToList();
        var hit = await check.QuerySingleAsync<(string New, string Existing)>("SELECT new_entity_id, existing_entity_id FROM hits");

        Assert.Equal(["GR:g1", "IT:kept", "IT:p1"], ids);
        Assert.Equal([("IT:p1", "IT:p1"), ("IT:p2", "IT:p2")], references);
        Assert.Equal(("GR:g1", "IT:p1"), hit);
    }
}
