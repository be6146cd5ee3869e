using Tessera.Storage.Graph;
using Tessera.Web.Components.Graph;

namespace Tessera.Web.Tests.Components.Graph;

public sealed class LinkChartStateTests
{
    private static NetworkNode Node(string id, double organiser = 0, double broker = 0, double money = 0, params string[] alsoMembers) =>
        new(id, "Person", "caption " + id, [id, .. alsoMembers], ["IT"], 1, 0, 0, 0, organiser, broker, money, 0, "", []);

    private static NetworkView Star() => new(
        [Node("a", organiser: 90), Node("b"), Node("c"), Node("d")],
        [new("a", "b", "called (Call)", 1, "2026-06-02"), new("a", "c", "shares phone:+39351", 1), new("c", "d", "associate (Associate)", 1)]);

    [Fact]
    public void Ranked_VictimWithTheHighestScores_IsNeverAmongTheLeads()
    {
        var state = new LinkChartState();
        state.Add(new NetworkView([Node("a", organiser: 40), Node("v", broker: 95) with { ProtectedRole = "victim" }, Node("b", broker: 20)], []));

        Assert.Equal(["a", "b"], state.Ranked(10).Select(n => n.Id));
    }

    [Fact]
    public void Add_SameViewTwice_DrawsNothingTheSecondTime()
    {
        var state = new LinkChartState();

        var first = state.Add(Star());
        var second = state.Add(Star());

        Assert.Equal((4, 3), (first.Nodes.Count, first.Edges.Count));
        Assert.Empty(second.Nodes);
        Assert.Empty(second.Edges);
    }

    [Fact]
    public void Add_NodeMergedInAnotherView_IsRecognisedByItsMemberRecords()
    {
        var state = new LinkChartState();
        state.Add(Star());

        // The wider view resolved d and x as the same person, under x's id; e is new and tied to that person.
        var added = state.Add(new NetworkView([Node("x", alsoMembers: "d"), Node("e")], [new("x", "e", "paid (Payment)", 1, "2026-06-20")]));

        Assert.Equal(["e"], added.Nodes.Select(n => n.Id));
        Assert.Equal(("d", "e"), (added.Edges.Single().Source, added.Edges.Single().Target));
        Assert.Equal("d", state.Resolve("x"));
    }

    [Fact]
    public void FocusAndHide_TakeOffNodesWithTheirTies()
    {
        var state = new LinkChartState();
        state.Add(Star());

        var focused = state.Focus("c");
        var hidden = state.Hide("d");

        Assert.Equal(["b"], focused);
        Assert.Equal(["d"], hidden);
        Assert.Equal(["a", "c"], state.Nodes.Select(n => n.Id).Order(StringComparer.Ordinal));
        Assert.Equal(1, state.EdgeCount);
    }

    [Fact]
    public void KindsDatesAndDirection_ComeFromTheTies()
    {
        var state = new LinkChartState();

        var graph = state.Add(Star());

        Assert.Equal(["associate (Associate)", "called (Call)", "shares phone"], state.Kinds);
        Assert.Equal(("2026-06-02", "2026-06-02"), state.Dates);
        Assert.True(graph.Edges.Single(e => e.Kind == "called (Call)").Directed);
        Assert.False(graph.Edges.Single(e => e.Kind == "associate (Associate)").Directed);
        Assert.False(graph.Edges.Single(e => e.Kind == "shares phone").Directed);
    }

    [Theory]
    [InlineData(90, 10, 10, "organiser")]
    [InlineData(10, 60, 55, "broker")]
    [InlineData(10, 60, 70, "moneyHandler")]
    [InlineData(49, 20, 30, "none")]
    public void LeadingRole_BestScoreFromTheThreshold(double organiser, double broker, double money, string role) =>
        Assert.Equal(role, LinkChartState.LeadingRole(Node("n", organiser, broker, money)));

    [Fact]
    public void Ranked_StrongestRoleScoreFirst()
    {
        var state = new LinkChartState();
        state.Add(new NetworkView([Node("a", organiser: 20), Node("b", money: 95), Node("c", broker: 60)], []));

        Assert.Equal(["b", "c"], state.Ranked(2).Select(n => n.Id));
    }
}
