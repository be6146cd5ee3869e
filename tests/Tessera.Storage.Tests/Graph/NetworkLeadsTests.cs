using Tessera.Core.Access;
using Tessera.Core.Model;
using Tessera.Storage.Graph;

namespace Tessera.Storage.Tests.Graph;

/// <summary>The leads of a stored network: money handlers come from payments, never from talk alone.</summary>
public sealed class NetworkLeadsTests
{
    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task NetworkLeads_PaymentsToOnePerson_OnlyHeIsScoredAsMoneyHandler(string provider)
    {
        await using var store = await TestStores.CreateSeededAsync(provider);
        var entities = Ring();
        entities.Add(new Entity("cashier", "Person", [new("name", "Samir Nouri")]));
        entities.Add(new Entity("t-cashier", "Associate", [new("person", "cashier"), new("associate", "p1")]));
        for (var i = 1; i <= 6; i++)
        {
            entities.Add(new Entity($"pay-{i}", "Payment", [new("payer", $"p{i}"), new("beneficiary", "cashier"), new("amount", "1500")]));
        }

        await store.Contributions.WriteAsync(TestStores.Contribution("IT", "C1"), entities, TestStores.User("IT", Role.Analyst));

        var network = await NetworkView.BuildAsync(store, TestStores.User("IT", Role.Analyst), "C1");

        var cashier = Assert.Single(network.Nodes, n => n.Id == "IT:cashier");
        Assert.Equal("MoneyHandler", cashier.Role);
        Assert.Equal(network.Nodes.Max(n => n.MoneyHandler), cashier.MoneyHandler);
        Assert.All(network.Nodes.Where(n => n.Id == "IT:p7" || n.Id == "IT:p8"), n => Assert.Equal(0, n.MoneyHandler));
        Assert.Contains(cashier.Why, w => w.StartsWith("amount ", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task NetworkLeads_NoFinancialTies_NoMoneyHandlerScoreOrLabel(string provider)
    {
        await using var store = await TestStores.CreateSeededAsync(provider);
        var entities = Ring();
        entities.Add(new Entity("hub", "Person", [new("name", "Samir Nouri")]));
        for (var i = 1; i <= 8; i++)
        {
            entities.Add(new Entity($"call-{i}", "Call", [new("caller", $"p{i}"), new("receiver", "hub")]));
        }

        await store.Contributions.WriteAsync(TestStores.Contribution("IT", "C1"), entities, TestStores.User("IT", Role.Analyst));

        var network = await NetworkView.BuildAsync(store, TestStores.User("IT", Role.Analyst), "C1");

        Assert.NotEmpty(network.Nodes);
        Assert.All(network.Nodes, n => Assert.Equal(0, n.MoneyHandler));
        Assert.DoesNotContain(network.Nodes, n => n.Role == "MoneyHandler");
        Assert.Equal("Organiser", Assert.Single(network.Nodes, n => n.Id == "IT:hub").Role);
    }

    // Eight persons in a ring of associates.
    private static List<Entity> Ring()
    {
        var entities = new List<Entity>();
        for (var i = 1; i <= 8; i++)
        {
            entities.Add(new Entity($"p{i}", "Person", [new("name", $"Member {i}")]));
            entities.Add(new Entity($"t-{i}", "Associate", [new("person", $"p{i}"), new("associate", $"p{(i % 8) + 1}")]));
        }

        return entities;
    }
}
