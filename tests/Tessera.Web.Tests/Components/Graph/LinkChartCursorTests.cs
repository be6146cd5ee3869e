using Tessera.Storage.Graph;
using Tessera.Web.Components.Graph;

namespace Tessera.Web.Tests.Components.Graph;

public sealed class LinkChartCursorTests
{
    private static NetworkNode Node(string id, double organiser = 0) =>
        new(id, "Person", "caption " + id, [id], ["IT"], 1, 0, 0, 0, organiser, 0, 0, 0, "", []);

    // a (organiser 90) – b called on 2 June, a – c share a phone (no date), c – d associates; b, c, d have no score.
    private static LinkChartState Star()
    {
        var state = new LinkChartState();
        state.Add(new NetworkView(
            [Node("d"), Node("c"), Node("b"), Node("a", organiser: 90)],
            [new("a", "b", "called (Call)", 1, "2026-06-02"), new("a", "c", "shares phone:+39351", 1), new("c", "d", "associate (Associate)", 1)]));
        return state;
    }

    private static bool All(ChartEdge e) => true;

    [Fact]
    public void Move_RightFromNowhere_StartsOnTheStrongestLeadAndSaysWhereItIs()
    {
        var cursor = new LinkChartCursor();

        var said = cursor.Move(Star(), "ArrowRight", All);

        Assert.Equal("a", cursor.Node);
        Assert.Equal("caption a, Person, organiser 90, 2 ties shown. Node 1 of 4.", said);
    }

    [Fact]
    public void Move_RightAndLeft_WalkEveryNodeAndWrapAround()
    {
        var state = Star();
        var cursor = new LinkChartCursor();
        var seen = new List<string?>();
        for (var i = 0; i < 5; i++)
        {
            cursor.Move(state, "ArrowRight", All);
            seen.Add(cursor.Node);
        }

        cursor.Move(state, "ArrowLeft", All);

        Assert.Equal(["a", "b", "c", "d", "a"], seen);
        Assert.Equal("d", cursor.Node);
    }

    [Fact]
    public void Move_DownThenEnter_FollowsTheTieToItsOtherEnd()
    {
        var state = Star();
        var cursor = new LinkChartCursor();
        cursor.Move(state, "ArrowRight", All);

        var tie = cursor.Move(state, "ArrowDown", All);
        var arrived = cursor.Move(state, "Enter", All);

        Assert.Equal("Tie 1 of 2 of caption a: called (Call) to caption b, 2026-06-02. Enter goes to caption b.", tie);
        Assert.Equal("b", cursor.Node);
        Assert.StartsWith("caption b, Person, best score 0, 1 ties shown.", arrived, StringComparison.Ordinal);
    }

    [Fact]
    public void Move_DownWithTheTieKindFilteredOut_WalksOnlyTheShownTies()
    {
        var state = Star();
        var cursor = new LinkChartCursor();
        cursor.Move(state, "ArrowRight", All);

        var first = cursor.Move(state, "ArrowDown", e => e.Kind != "called (Call)");
        var again = cursor.Move(state, "ArrowDown", e => e.Kind != "called (Call)");

        Assert.Equal("Tie 1 of 1 of caption a: shares phone with caption c, no date. Enter goes to caption c.", first);
        Assert.Equal(first, again);
        Assert.DoesNotContain("+39351", first, StringComparison.Ordinal);
    }

    [Fact]
    public void Move_NodeTakenOffTheChart_StartsAgainFromTheFirst()
    {
        var state = Star();
        var cursor = new LinkChartCursor();
        cursor.Move(state, "ArrowRight", All);
        cursor.Move(state, "ArrowRight", All);
        state.Hide("b");

        cursor.Move(state, "ArrowRight", All);

        Assert.Equal("a", cursor.Node);
    }

    [Theory]
    [InlineData("Tab")]
    [InlineData("a")]
    [InlineData("Escape")]
    public void Move_KeyItDoesNotUse_SaysNothingAndStays(string key)
    {
        var state = Star();
        var cursor = new LinkChartCursor();
        cursor.Move(state, "ArrowRight", All);

        Assert.Null(cursor.Move(state, key, All));
        Assert.Equal("a", cursor.Node);
    }

    [Fact]
    public void Move_EmptyChart_SaysSo()
    {
        var cursor = new LinkChartCursor();

        Assert.Equal("The chart has no node.", cursor.Move(new LinkChartState(), "ArrowRight", All));
        Assert.Null(cursor.Node);
    }
}
