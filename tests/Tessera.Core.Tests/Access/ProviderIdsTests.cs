using Tessera.Core.Access;

namespace Tessera.Core.Tests.Access;

public sealed class ProviderIdsTests
{
    [Theory]
    [InlineData("IT", "p1", "IT:p1")]
    [InlineData("IT", "IT:p1", "IT:p1")]
    [InlineData("MT", "IT:p1", "MT:IT:p1")]
    [InlineData("EU-HUB", "EU:p1", "EU-HUB:EU:p1")]
    [InlineData("IT", "ITp1", "IT:ITp1")]
    [InlineData("IT", "", "IT:")]
    public void Qualify_AnyLocalId_LandsInTheProvidersNamespace(string organisation, string id, string expected) =>
        Assert.Equal(expected, ProviderIds.Qualify(organisation, id));

    [Fact]
    public void Qualify_ThenLocal_GivesBackTheIdAsWritten()
    {
        foreach (var id in new[] { "p1", "IT:p1", "BPOL-2026-7781", "a:b:c" })
        {
            Assert.Equal(ProviderIds.Qualify("IT", id), ProviderIds.Qualify("IT", ProviderIds.Qualify("IT", id)));
            Assert.StartsWith("IT:", ProviderIds.Qualify("IT", id), StringComparison.Ordinal);
        }

        Assert.Equal("p1", ProviderIds.Local("IT", "IT:p1"));
        Assert.Equal("MT:p1", ProviderIds.Local("IT", "MT:p1"));
        Assert.Equal("IT", ProviderIds.ProviderOf("IT:p1"));
    }
}

public sealed class WithheldReferencesTests
{
    private static readonly byte[] Key = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();

    [Fact]
    public void For_SameRecord_IsStableAndWellFormed()
    {
        var references = new WithheldReferences(Key);

        var reference = references.For(7, "IT:it-p-002");

        Assert.Equal(reference, references.For(7, "IT:it-p-002"));
        Assert.Matches("^REF-[0-9A-F]{20}$", reference);
        Assert.True(WithheldReferences.IsWellFormed(reference));
    }

    [Fact]
    public void For_AnotherKeyRecordOrContribution_GivesAnotherReference()
    {
        var one = new WithheldReferences(Key);
        var other = new WithheldReferences(Key.Select(b => (byte)(b ^ 0x5A)).ToArray());

        var reference = one.For(7, "IT:it-p-002");

        // Without the key, trying candidate ids offline finds nothing: the reference is a MAC, not a hash of the id.
        Assert.NotEqual(reference, other.For(7, "IT:it-p-002"));
        Assert.NotEqual(reference, one.For(8, "IT:it-p-002"));
        Assert.NotEqual(reference, one.For(7, "IT:it-p-003"));
        Assert.DoesNotContain("7", reference[..4], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("REF-7-1A2B3C4D")]
    [InlineData("REF-0000000000000000000g")]
    [InlineData("REF-000000000000000000000")]
    [InlineData("ref-00000000000000000000")]
    public void IsWellFormed_AnythingElse_IsFalse(string? reference) => Assert.False(WithheldReferences.IsWellFormed(reference));

    [Fact]
    public void Constructor_ShortKey_IsRefused() => Assert.Throws<ArgumentException>(() => new WithheldReferences(new byte[16]));
}
