using Tessera.Core.Access;
using Tessera.Core.Model;

namespace Tessera.Storage.Tests.Contributions;

/// <summary>A contribution into a case that does not exist is refused as input naming something unknown (the API answers
/// 404, the CLI exits 2), and nothing is stored.</summary>
public sealed class UnknownCaseTests
{
    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task WriteAsync_UnknownCase_RefusedAsNotFoundStoringNothing(string provider)
    {
        await using var store = await TestStores.CreateSeededAsync(provider);
        var it = TestStores.User("IT", Role.Analyst);

        var error = await Assert.ThrowsAsync<ModelException>(() =>
            store.Contributions.WriteAsync(TestStores.Contribution("IT", "NO-SUCH-CASE"), [TestStores.Person("p1", "Ali")], it));

        Assert.True(error.NotFound);
        Assert.Equal("case", error.Field);
        Assert.Equal((0L, 0L, 0L), await store.Contributions.CountsAsync());
    }
}
