using Tessera.Core.FollowUp;

namespace Tessera.Core.Tests.FollowUp;

public sealed class IdentityClustersTests
{
    private static readonly IdentityClusters Clusters = IdentityClusters.Of([("IT:b", "GR:a"), ("MT:c", "IT:b"), ("IT:x", "IT:y")]);

    [Fact]
    public void IdentityOf_ChainOfPairs_IsNamedByTheSmallestRecord()
    {
        Assert.Equal(["GR:a", "GR:a", "GR:a", "IT:x", "DE:z"], new[] { "GR:a", "IT:b", "MT:c", "IT:y", "DE:z" }.Select(Clusters.IdentityOf));
        Assert.Equal(["GR:a", "IT:b", "MT:c"], Clusters.MembersOf("MT:c"));
    }

    [Theory]
    [InlineData("GR:a IT:b MT:c", "GR:a GR:a GR:a")]
    [InlineData("IT:b MT:c", "IT:b IT:b")]
    [InlineData("MT:c IT:x", "MT:c IT:x")]
    [InlineData("MT:c", "MT:c")]
    [InlineData("DE:z", "DE:z")]
    public void ShownAs_VisibleRecords_AreShownAsTheSmallestVisibleMember(string visible, string expected)
    {
        var records = visible.Split(' ');
        var shown = Clusters.ShownAs(records);

        Assert.Equal(expected.Split(' '), records.Select(r => shown.GetValueOrDefault(r, r)));
        // A record the user may not see never names what they are shown.
        Assert.All(shown.Values, v => Assert.Contains(v, records));
    }
}
