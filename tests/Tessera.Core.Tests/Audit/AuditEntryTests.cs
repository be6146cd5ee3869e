using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CsCheck;
using Tessera.Core.Audit;

namespace Tessera.Core.Tests.Audit;

/// <summary>The entry hash is SHA-256 over the canonical form, whichever way it is computed, and the chain's head catches a
/// last entry altered and re-hashed.</summary>
public sealed class AuditEntryTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 28, 10, 0, 0, TimeSpan.Zero);

    // Any text, surrogates and non-ASCII included, short or far longer than the stack buffer.
    private static readonly Gen<string> Texts = Gen.OneOf(Gen.String, Gen.String[Gen.Char[char.MinValue, char.MaxValue], 0, 3000], Gen.Const(""));

    [Fact]
    public void ComputeHash_AnyEntry_IsSha256OfTheJoinedCanonicalForm()
    {
        Gen.Select(Gen.Long[1, long.MaxValue], Gen.Long[0, 1L << 40], Gen.Select(Texts, Texts, Texts, Texts), Gen.Select(Texts, Texts, Texts)).Sample((seq, ticks, a, b) =>
        {
            var entry = new AuditEntry(seq, Start.AddTicks(ticks), a.Item1, a.Item2, a.Item3, a.Item4, b.Item1, b.Item2, b.Item3, "");
            var canonical = string.Join('\u001f', seq.ToString(CultureInfo.InvariantCulture), entry.Time.UtcTicks.ToString(CultureInfo.InvariantCulture),
                entry.Actor, entry.Organisation, entry.Action, entry.Target, entry.Outcome, entry.Details, entry.PreviousHash);
            var expected = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));

            Assert.Equal(expected, entry.ComputeHash());
            Assert.True((entry with { Hash = expected }).HashMatches());
            Assert.False((entry with { Hash = expected.ToUpperInvariant() }).HashMatches() && expected.Any(char.IsLetter));
        });
    }

    [Theory]
    [InlineData("")]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("not a hash")]
    public void HashMatches_WrongHash_IsFalse(string hash)
    {
        var entry = AuditEntry.Next(1, AuditEntry.GenesisHash, new AuditEvent("it.analyst", "IT", "entity.read", "entity:p1", "Allow"), Start);

        Assert.True(entry.HashMatches());
        Assert.False((entry with { Hash = hash }).HashMatches());
    }

    [Fact]
    public async Task VerifyAsync_LastEntryReHashed_IsCaughtByTheHead()
    {
        var chain = Chain(5000);
        var head = chain[^1].Hash;
        var forged = chain[^1] with { Outcome = "Deny" };
        chain[^1] = forged with { Hash = forged.ComputeHash() };

        var result = await AuditChain.VerifyAsync(Stream(chain), chain.Count, head);

        Assert.Equal(chain.Count, result.FirstBroken);
        Assert.True((await AuditChain.VerifyAsync(Stream(chain), chain.Count, chain[^1].Hash)).Intact);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(1024)]
    [InlineData(1025)]
    [InlineData(4999)]
    public async Task VerifyAsync_OneAlteredEntry_NamesIt(int at)
    {
        var chain = Chain(5000);
        chain[at - 1] = chain[at - 1] with { Details = "changed" };

        var streamed = await AuditChain.VerifyAsync(Stream(chain), chain.Count, chain[^1].Hash);

        Assert.Equal(at, streamed.FirstBroken);
        Assert.Equal(AuditChain.Verify(chain, chain.Count, chain[^1].Hash), streamed);
    }

    private static List<AuditEntry> Chain(int length)
    {
        var chain = new List<AuditEntry>();
        var previous = AuditEntry.GenesisHash;
        for (var i = 1; i <= length; i++)
        {
            var e = AuditEntry.Next(i, previous, new AuditEvent("u" + (i % 7).ToString(CultureInfo.InvariantCulture), "IT", "entity.read", "entity:p" + i.ToString(CultureInfo.InvariantCulture), "Allow"), Start.AddTicks(i));
            chain.Add(e);
            previous = e.Hash;
        }

        return chain;
    }

    private static async IAsyncEnumerable<AuditEntry> Stream(List<AuditEntry> chain)
    {
        foreach (var entry in chain)
        {
            if (entry.Sequence % 1000 == 0)
            {
                await Task.Yield();
            }

            yield return entry;
        }
    }
}
