using Tessera.Core.Access;
using Tessera.Core.Model;

namespace Tessera.Storage.Tests.Contributions;

/// <summary>Records a visible record refers to are named only where the policy lets the reader see them.</summary>
public sealed class LinkedRecordTests
{
    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task Linked_CallOfACase_NamesWhatThePartnerMaySeeAndWithholdsTheRest(string provider)
    {
        await using var store = await SeededAsync(provider);
        var italian = TestStores.User("IT", Role.Analyst);
        var greek = TestStores.User("GR", Role.Analyst);

        var call = (await store.Contributions.ReadEntityAsync("IT:call-1", greek))!;
        var forGreece = await store.Contributions.LinkedAsync([call], greek);
        var forItaly = await store.Contributions.LinkedAsync([(await store.Contributions.ReadEntityAsync("IT:call-1", italian))!], italian);

        Assert.Equal("Karim Caller", forItaly.Single(l => l.Property == "caller").Caption);
        Assert.Equal("Hidden Receiver", forItaly.Single(l => l.Property == "receiver").Caption);
        // The caller is shared with the case in H0: Greece reads the name. The receiver is H3 in the same case: a hit only.
        Assert.Equal("Karim Caller", forGreece.Single(l => l.Property == "caller").Caption);
        var receiver = forGreece.Single(l => l.Property == "receiver");
        Assert.Null(receiver.Caption);
        Assert.Equal("IT", receiver.Withheld!.Owner);
        Assert.DoesNotContain(forGreece, l => l.Caption == "Hidden Receiver");
    }

    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task Linked_RecordOutsideAnyRelation_IsWithheldWithoutReferenceAndTheReadIsAudited(string provider)
    {
        await using var store = await SeededAsync(provider);
        var greek = TestStores.User("GR", Role.Analyst);
        var before = await store.Audit.CountAsync();

        var call = (await store.Contributions.ReadEntityAsync("IT:call-2", greek))!;
        var linked = await store.Contributions.LinkedAsync([call], greek);

        // The caller of the second call is H2 data of Italy outside any case: Greece may not even know it exists.
        var caller = linked.Single(l => l.Property == "caller");
        Assert.Null(caller.Caption);
        Assert.Null(caller.Withheld);
        var entries = new List<Core.Audit.AuditEntry>();
        await foreach (var e in store.Audit.ReadAsync(before + 1))
        {
            entries.Add(e);
        }

        Assert.Contains(entries, e => e.Action == "entity.linked" && e.Actor == greek.UserName);
    }

    // Italy's calls in case C1 (shared with Greece), their parties in contributions with other handling.
    private static async Task<Store> SeededAsync(string provider)
    {
        var store = await TestStores.CreateSeededAsync(provider);
        var italian = TestStores.User("IT", Role.Analyst);
        await store.Contributions.WriteAsync(TestStores.Contribution("IT", "C1", "H0", "calls"),
            [Call("call-1", "p-caller", "p-receiver"), Call("call-2", "p-secret", "p-caller")], italian);
        await store.Contributions.WriteAsync(TestStores.Contribution("IT", "C1", "H0", "caller"), [TestStores.Person("p-caller", "Karim Caller")], italian);
        await store.Contributions.WriteAsync(TestStores.Contribution("IT", "C1", "H0,H3", "receiver"), [TestStores.Person("p-receiver", "Hidden Receiver")], italian);
        await store.Contributions.WriteAsync(TestStores.Contribution("IT", null, "H0,H2", "secret"), [TestStores.Person("p-secret", "Secret Source")], italian);
        return store;
    }

    private static Entity Call(string id, string caller, string receiver) =>
        new(id, "Call", [new PropertyValue("caller", caller, caller), new PropertyValue("receiver", receiver, receiver), new PropertyValue("date", "2026-06-02", "2026-06-02")]);
}
