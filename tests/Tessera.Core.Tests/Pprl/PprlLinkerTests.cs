using CsCheck;
using Tessera.Core.Matching;
using Tessera.Core.Model;
using Tessera.Core.Pprl;

namespace Tessera.Core.Tests.Pprl;

public sealed class PprlLinkerTests
{
    private static readonly Gen<ulong[]> Bloom = Gen.ULong.Array[BloomBits.Words];

    [Fact]
    public void Dice_AnyTwoEncodings_SymmetricBoundedAndEqualToTheDefinition()
    {
        Gen.Select(Bloom, Bloom).Sample((a, b) =>
        {
            var set = new EncodingSet([new PersonEncoding("a", "k", a, []), new PersonEncoding("b", "k", b, [])]);
            var ab = Dice.Coefficient(set.Bits, 0, set.Counts[0], set.Bits, BloomBits.Words, set.Counts[1]);
            var ba = Dice.Coefficient(set.Bits, BloomBits.Words, set.Counts[1], set.Bits, 0, set.Counts[0]);
            var common = Enumerable.Range(0, BloomBits.Length).Count(p => set.Bit(0, p) && set.Bit(1, p));
            var expected = 2.0 * common / (set.Counts[0] + set.Counts[1]);
            return ab == ba && ab is >= 0 and <= 1 && Math.Abs(ab - expected) < 1e-12;
        });
    }

    [Fact]
    public void Link_EncodingsUnderDifferentKeys_AreRefused()
    {
        var left = new EncodingSet([new PersonEncoder(PprlTestKeys.Key("a")).Encode(new PersonRecord("l") { Name = "Ali Omar" })]);
        var right = new EncodingSet([new PersonEncoder(PprlTestKeys.Key("b")).Encode(new PersonRecord("r") { Name = "Ali Omar" })]);

        var error = Assert.Throws<ModelException>(() => PprlLinker.Link(left, right));
        Assert.Contains("different keys", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Link_WithBlocking_KeepsEveryPersonsPairAndAddsNone()
    {
        var encoder = new PersonEncoder(PprlTestKeys.Key("a"));
        string[] given = ["Mohammed", "Ahmed", "Omar", "Youssef", "Khaled", "Hassan", "Ibrahim", "Mustafa"];
        string[] family = ["Ali", "Hassan", "Saleh", "Haddad", "Nasser", "Khalil", "Mansour", "Aziz"];
        var people = Enumerable.Range(0, 64).Select(i => new PersonRecord("p" + i)
        {
            FirstName = given[i % 8], LastName = family[i / 8], BirthDate = $"19{60 + (i % 40)}-0{1 + (i % 9)}-1{i % 10}",
        }).ToList();
        var variants = people.Select(p => p with { Id = p.Id + "v", FirstName = p.FirstName + "e", BirthDate = p.BirthDate }).ToList();
        var left = new EncodingSet([.. people.Select(encoder.Encode)]);
        var right = new EncodingSet([.. variants.Select(encoder.Encode)]);

        var blocked = PprlLinker.Link(left, right);
        var full = PprlLinker.Link(left, right, blocking: false);

        // Blocking is probabilistic: it may drop a weak pair, never add one, and keeps the strong ones.
        Assert.Subset(full.Pairs.Select(p => (p.Left, p.Right)).ToHashSet(), blocked.Pairs.Select(p => (p.Left, p.Right)).ToHashSet());
        Assert.True(blocked.Comparisons < full.Comparisons);
        Assert.All(Enumerable.Range(0, 64), i => Assert.Contains(blocked.Pairs, p => p.Left == i && p.Right == i));
        Assert.All(blocked.Pairs, p => Assert.InRange(p.Probability, 0, 1));
    }

    [Fact]
    public void OneToOne_KeepsTheBestPairPerRecord()
    {
        PprlPair[] pairs = [new(0, 0, 0.9, 1), new(0, 1, 0.95, 1), new(1, 1, 0.85, 1), new(1, 0, 0.8, 1)];

        var kept = PprlLinker.OneToOne(pairs);

        Assert.Equal([(0, 1), (1, 0)], kept.Select(p => (p.Left, p.Right)));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void Link_ThresholdOutsideDiceRange_IsRefused(double threshold)
    {
        var set = new EncodingSet([new PersonEncoding("a", "k", new ulong[BloomBits.Words], [])]);
        Assert.Throws<ModelException>(() => PprlLinker.Link(set, set, threshold));
    }
}
