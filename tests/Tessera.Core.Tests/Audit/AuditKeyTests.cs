using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Tessera.Core.Audit;

namespace Tessera.Core.Tests.Audit;

/// <summary>The audit key survives its text form, signs heads that only it verifies, and keys entries from its first keyed sequence.</summary>
public sealed class AuditKeyTests
{
    private static readonly DateTimeOffset Time = new(2026, 12, 7, 17, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Parse_TextOfAKey_GivesTheSameKey()
    {
        using var key = AuditKey.Create(42);
        using var read = AuditKey.Parse(key.ToText());
        var entry = AuditEntry.Next(42, AuditEntry.GenesisHash, new AuditEvent("it.analyst", "IT", "entity.search", "search", "ok") { Query = "+218 9" }, Time, key);

        Assert.Equal((key.Id, 42L), (read.Id, read.KeyedFrom));
        Assert.True(entry.HashMatches(read));
        Assert.True(read.Signed(new AuditHead(42, entry.Hash, Time, key.Sign(42, entry.Hash, Time))));
    }

    [Fact]
    public async Task ComputeHash_ManyEntriesOnManyThreads_IsTheHmacOfTheKeyedCanonicalForm()
    {
        using var key = AuditKey.Create(1);
        var secret = Convert.FromBase64String(key.ToText().Split('\n')[2]["hmac-sha256 ".Length..]);

        await Task.WhenAll(Enumerable.Range(0, 4).Select(t => Task.Run(() =>
        {
            for (var i = 1; i <= 500; i++)
            {
                var e = new AuditEntry(i, Time.AddTicks(i), "u" + t.ToString(CultureInfo.InvariantCulture), "IT", "check.identifier", "list:all", "hit", "1 hits", new string('0', 64), "")
                {
                    Query = "phone=+21894777" + i.ToString(CultureInfo.InvariantCulture),
                    Purpose = "ü€😀",
                };
                var canonical = string.Join('\u001f', i.ToString(CultureInfo.InvariantCulture), e.Time.UtcTicks.ToString(CultureInfo.InvariantCulture),
                    e.Actor, e.Organisation, e.Action, e.Target, e.Outcome, e.Details, e.Query, e.Purpose, e.PreviousHash);

                Assert.Equal(Convert.ToHexStringLower(HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes(canonical))), e.ComputeHash(key));
            }
        })));
    }

    [Theory]
    [InlineData("")]
    [InlineData("tessera-audit-key 1\nkeyed-from 0\nhmac-sha256 AAAA\nx")]
    [InlineData("tessera-audit-key 1\nkeyed-from 1\nhmac-sha256 AAAA\n-----BEGIN PRIVATE KEY-----\n-----END PRIVATE KEY-----")]
    [InlineData("tessera-audit-key 1\nkeyed-from 1\nhmac-sha256 AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\nnot a key")]
    public void Parse_NotAKey_IsAFormatError(string text) => Assert.Throws<FormatException>(() => AuditKey.Parse(text));

    [Fact]
    public void HashMatches_KeyedEntryUnderAnotherKeyOrThePlainRule_IsFalse()
    {
        using var key = AuditKey.Create(1);
        using var other = AuditKey.Create(1);
        var entry = AuditEntry.Next(1, AuditEntry.GenesisHash, new AuditEvent("it.analyst", "IT", "entity.read", "entity:p1", "Deny"), Time, key);

        Assert.True(entry.HashMatches(key));
        Assert.False(entry.HashMatches(other));
        Assert.False((entry with { Hash = entry.ComputeHash() }).HashMatches(key));
        Assert.False((entry with { Purpose = "x" }).HashMatches(key));
    }

    [Fact]
    public void Verifies_HeadSignedByAnotherKeyOrAltered_IsFalse()
    {
        using var key = AuditKey.Create(1);
        using var other = AuditKey.Create(1);
        var head = new AuditHead(7, new string('a', 64), Time, key.Sign(7, new string('a', 64), Time));

        Assert.True(AuditKey.Verifies(key.PublicKeyPem, head));
        Assert.False(AuditKey.Verifies(other.PublicKeyPem, head));
        Assert.False(key.Signed(head with { Sequence = 6 }));
        Assert.False(key.Signed(head with { Time = Time.AddTicks(1) }));
        Assert.False(key.Signed(head with { Signature = "" }));
    }

    [Fact]
    public void Parse_WitnessLineOfThisKey_RoundTrips()
    {
        using var key = AuditKey.Create(1);
        var head = new AuditHead(9, new string('b', 64), Time.AddTicks(3), key.Sign(9, new string('b', 64), Time.AddTicks(3)));

        var read = AuditWitness.Parse(AuditWitness.Format(head) + "\n\n" + AuditWitness.Format(head) + "\n", key);

        Assert.Equal([head, head], read);
        Assert.Throws<FormatException>(() => AuditWitness.Parse("{\"seq\":1}\n", key));
    }
}
