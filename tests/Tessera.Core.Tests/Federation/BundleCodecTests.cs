using System.Text;
using Tessera.Core.Federation;

namespace Tessera.Core.Tests.Federation;

public sealed class BundleCodecTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 12, 8, 3, 0, 0, TimeSpan.Zero);
    private readonly NodeIdentity _it = NodeIdentity.Create();
    private readonly NodeIdentity _hub = NodeIdentity.Create();

    public void Dispose()
    {
        _it.Dispose();
        _hub.Dispose();
    }

    private Dictionary<string, string> HubPeers => new(StringComparer.Ordinal) { ["it"] = _it.PublicKey };

    [Fact]
    public void Open_SealedBundle_AcceptedOnceThenRefusedAsReplay()
    {
        var wire = BundleCodec.Seal(_it, "it", "hub", 1, Now, "statements"u8);
        var guard = new ReplayGuard();

        var first = BundleCodec.Open(wire, "hub", HubPeers, guard);
        var again = BundleCodec.Open(wire, "hub", HubPeers, guard);

        Assert.Equal("statements", Encoding.UTF8.GetString(first.Bundle!.Payload));
        Assert.Equal(64, first.Bundle.Id.Length);
        Assert.Equal(BundleRefusal.Replayed, again.Refusal);
        Assert.Equal(1, guard.Highest("it"));
    }

    [Fact]
    public void Open_AnyAlteredByte_IsRefused()
    {
        var wire = BundleCodec.Seal(_it, "it", "hub", 1, Now, "payload of statements"u8);
        for (var i = 0; i < wire.Length; i++)
        {
            var altered = (byte[])wire.Clone();
            altered[i] ^= 0x01;

            var check = BundleCodec.Open(altered, "hub", HubPeers, new ReplayGuard());

            Assert.True(check.Bundle is null, $"byte {i} altered and accepted");
        }
    }

    [Fact]
    public void Open_SignedByAnotherKey_IsRefused()
    {
        using var impostor = NodeIdentity.Create();
        var wire = BundleCodec.Seal(impostor, "it", "hub", 1, Now, "x"u8);

        Assert.Equal(BundleRefusal.BadSignature, BundleCodec.Open(wire, "hub", HubPeers, new ReplayGuard()).Refusal);
    }

    [Fact]
    public void Open_ForAnotherNodeOrFromAStranger_IsRefused()
    {
        var toGreece = BundleCodec.Seal(_it, "it", "gr", 1, Now, "x"u8);
        var fromStranger = BundleCodec.Seal(_hub, "mt", "hub", 1, Now, "x"u8);

        Assert.Equal(BundleRefusal.WrongRecipient, BundleCodec.Open(toGreece, "hub", HubPeers, new ReplayGuard()).Refusal);
        Assert.Equal(BundleRefusal.UnknownSender, BundleCodec.Open(fromStranger, "hub", HubPeers, new ReplayGuard()).Refusal);
    }

    [Fact]
    public void Open_OlderSequenceAfterNewer_IsRefused()
    {
        var guard = new ReplayGuard();
        Assert.NotNull(BundleCodec.Open(BundleCodec.Seal(_it, "it", "hub", 2, Now, "b"u8), "hub", HubPeers, guard).Bundle);

        Assert.Equal(BundleRefusal.Replayed, BundleCodec.Open(BundleCodec.Seal(_it, "it", "hub", 1, Now, "a"u8), "hub", HubPeers, guard).Refusal);
    }

    [Fact]
    public void Identity_ExportedAndImported_SignsAsTheSameNode()
    {
        using var again = NodeIdentity.Import(_it.ExportPrivateKey());

        Assert.Equal(_it.PublicKey, again.PublicKey);
        Assert.NotNull(BundleCodec.Open(BundleCodec.Seal(again, "it", "hub", 1, Now, "x"u8), "hub", HubPeers, new ReplayGuard()).Bundle);
    }
}
