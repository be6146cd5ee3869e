using Tessera.Core.Access;
using Tessera.Core.Model;
using Tessera.Storage.Graph;

namespace Tessera.Storage.Tests.Contributions;

/// <summary>A row's own subject category decides access in place of its contribution's: an informant row never leaves its
/// provider, even in a contribution about suspects that partners and the hub may read.</summary>
public sealed class RowSubjectTests
{
    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task InformantRow_InAVisibleSuspectContribution_IsInvisibleToTheCasePartnerAndTheHub(string provider)
    {
        await using var store = await TestStores.CreateSeededAsync(provider);
        var suspect = new Entity("it-1", "Person", [new("name", "Omar Haddad")]);
        var informant = new Entity("it-2", "Person", [new("name", "Karim Saleh")]) { Subject = SubjectCategory.Informant };
        var tie = new Entity("it-3", "Associate", [new("person", "it-1"), new("associate", "it-2")]);
        await store.Contributions.WriteAsync(TestStores.Contribution("IT", "C1"), [suspect, informant, tie], TestStores.User("IT", Role.Analyst));
        var partner = TestStores.User("GR", Role.Analyst);
        var hub = TestStores.User("EU", Role.HubAnalyst);

        foreach (var other in new[] { partner, hub })
        {
            Assert.NotNull(await store.Contributions.ReadEntityAsync("IT:it-1", other));
            Assert.Null(await store.Contributions.ReadEntityAsync("IT:it-2", other));
            Assert.DoesNotContain(await store.Contributions.SearchAsync("Karim", other), v => v.Id == "IT:it-2");
            var network = await NetworkView.BuildAsync(store, other, null);
            Assert.Contains(network.Nodes, n => n.Id == "IT:it-1");
            Assert.DoesNotContain(network.Nodes, n => n.Id == "IT:it-2");
        }

        // The case workspace counts for the partner only the entities it may see.
        var workspace = await Storage.Cases.CaseWorkspace.OpenAsync(store, "C1", partner);
        Assert.Equal(2, Assert.Single(workspace!.Contributions).Entities);
        Assert.Equal(3, Assert.Single((await Storage.Cases.CaseWorkspace.OpenAsync(store, "C1", TestStores.User("IT", Role.Analyst)))!.Contributions).Entities);

        var own = await store.Contributions.ReadEntityAsync("IT:it-2", TestStores.User("IT", Role.Analyst));
        Assert.Equal(SubjectCategory.Informant, Assert.Single(own!.Statements).RowSubject);
        Assert.Contains((await NetworkView.BuildAsync(store, TestStores.User("IT", Role.Analyst), null)).Nodes, n => n.Id == "IT:it-2");
    }

    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task NetworkLeads_VictimAtTheCentreOfAPlantedNetwork_IsMarkedAndNeverRanked(string provider)
    {
        await using var store = await TestStores.CreateSeededAsync(provider);
        // Two cells of four persons, joined only through "v": a victim both cells exploit.
        var entities = new List<Entity>();
        foreach (var cell in new[] { "a", "b" })
        {
            for (var i = 1; i <= 4; i++)
            {
                entities.Add(new Entity($"{cell}{i}", "Person", [new("name", $"Member {cell}{i}")]));
                for (var j = i + 1; j <= 4; j++)
                {
                    entities.Add(Tie($"{cell}{i}", $"{cell}{j}"));
                }
            }
        }

        entities.Add(new Entity("v", "Person", [new("name", "Amina Yusuf")]) { Subject = SubjectCategory.Victim });
        entities.Add(Tie("v", "a1"));
        entities.Add(Tie("v", "b1"));
        await store.Contributions.WriteAsync(TestStores.Contribution("IT", "C1"), entities, TestStores.User("IT", Role.Analyst));

        var network = await NetworkView.BuildAsync(store, TestStores.User("IT", Role.Analyst), null);

        var victim = Assert.Single(network.Nodes, n => n.Id == "IT:v");
        Assert.Equal("victim", victim.ProtectedRole);
        Assert.Equal(("", 0.0, 0.0, 0.0), (victim.Role, victim.Organiser, victim.Broker, victim.MoneyHandler));
        var leads = network.Nodes.Where(n => n.Role.Length > 0).OrderByDescending(n => Math.Max(n.Organiser, Math.Max(n.Broker, n.MoneyHandler))).ToList();
        Assert.Equal(8, leads.Count);
        Assert.DoesNotContain(leads, n => n.Id == "IT:v");
        Assert.All(network.Nodes.Where(n => n.Id != "IT:v"), n => Assert.Null(n.ProtectedRole));
    }

    private static Entity Tie(string a, string b) => new($"t-{a}-{b}", "Associate", [new("person", a), new("associate", b)]);
}
