using Microsoft.Extensions.Time.Testing;
using Tessera.Core.Model;
using Tessera.Core.Pprl;

namespace Tessera.Core.Tests.Pprl;

public sealed class FederationKeyRingTests
{
    [Fact]
    public void Rotate_TwiceThenParse_KeepsBothKeysAndTheLastIsCurrent()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 8, 2, 0, 0, TimeSpan.Zero));
        var first = FederationKeyRing.Rotate(null, clock);
        var second = FederationKeyRing.Rotate(first, clock);

        var parsed = FederationKeyRing.Parse(new StringReader(second.Format()), "keys.txt");

        Assert.Equal(2, parsed.Keys.Count);
        Assert.NotEqual(parsed.Keys[0].Id, parsed.Keys[1].Id);
        Assert.Equal(second.Current.Id, parsed.Current.Id);
        Assert.Equal(second.Current.Secret, parsed.Current.Secret);
        Assert.NotEqual(parsed.Keys[0].Secret, parsed.Keys[1].Secret);
        Assert.Equal(first.Current.Secret, parsed.Find(first.Current.Id)!.Secret);
    }

    [Theory]
    [InlineData("key k1 c2hvcnQ= 2026-12-08T00:00:00Z", "secret")]
    [InlineData("key k/1 AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA= 2026-12-08T00:00:00Z", "id")]
    [InlineData("key k1 AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA= yesterday", "created")]
    [InlineData("k1 AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", "key")]
    public void Parse_BadLine_NamesFileLineAndField(string line, string field)
    {
        var error = Assert.Throws<ModelException>(() => FederationKeyRing.Parse(new StringReader("# keys\n" + line + "\n"), "keys.txt"));

        Assert.Equal("keys.txt", error.File);
        Assert.Equal(2, error.Line);
        Assert.Equal(field, error.Field);
    }

    [Fact]
    public void Parse_NoKey_IsRefused() =>
        Assert.Throws<ModelException>(() => FederationKeyRing.Parse(new StringReader("# nothing\n\n"), "keys.txt"));
}
