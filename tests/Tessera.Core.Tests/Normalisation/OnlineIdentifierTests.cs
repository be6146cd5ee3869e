using Tessera.Core.Normalisation;

namespace Tessera.Core.Tests.Normalisation;

public sealed class OnlineIdentifierTests
{
    [Theory]
    [InlineData("Ali.Smuggler+x@Exämple.com", "ali.smuggler+x@xn--exmple-cua.com", "ali.smuggler@xn--exmple-cua.com")]
    [InlineData("\"Ali\" <A.L.I@GMAIL.com>", "a.l.i@gmail.com", "ali@gmail.com")]
    [InlineData("mailto:someone@example.org", "someone@example.org", "someone@example.org")]
    public void Email_Valid_LowerCasedWithCanonicalKey(string raw, string value, string key)
    {
        var result = EmailNormaliser.Normalise(raw);

        Assert.True(result.Valid, result.Reason);
        Assert.Equal(value, result.Value);
        Assert.Equal(key, result.CanonicalKey);
    }

    [Theory]
    [InlineData("ali@")]
    [InlineData("ali.example.com")]
    [InlineData("a..b@example.com")]
    [InlineData("ali@localhost")]
    public void Email_Bad_Invalid(string raw)
    {
        Assert.False(EmailNormaliser.Normalise(raw).Valid);
    }

    [Theory]
    [InlineData("HTTPS://WWW.Example.com:443/Path/?utm_source=x&id=7#top", "https://example.com/Path?id=7")]
    [InlineData("t.me/ali_smuggler", "https://t.me/ali_smuggler")]
    [InlineData("http://exämple.com", "http://xn--exmple-cua.com")]
    public void Url_Variants_Canonical(string raw, string value)
    {
        var result = UrlNormaliser.Normalise(raw);

        Assert.True(result.Valid, result.Reason);
        Assert.Equal(value, result.Value);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("http://localhost")]
    [InlineData("")]
    public void Url_NotAWebAddress_Invalid(string raw)
    {
        Assert.False(UrlNormaliser.Normalise(raw).Valid);
    }

    [Theory]
    [InlineData("telegram:Ali_Smuggler", null, "telegram:ali_smuggler")]
    [InlineData("@ali_smuggler", "telegram", "telegram:ali_smuggler")]
    [InlineData("https://t.me/ali_smuggler", null, "telegram:ali_smuggler")]
    [InlineData("tiktok.com/@boat.trips", null, "tiktok:boat.trips")]
    [InlineData("https://twitter.com/someone", null, "x:someone")]
    [InlineData("ali_smuggler", null, "ali_smuggler")]
    public void Handle_ScopedByPlatform(string raw, string? platform, string value)
    {
        var result = HandleNormaliser.Normalise(raw, platform);

        Assert.True(result.Valid, result.Reason);
        Assert.Equal(value, result.Value);
    }

    [Theory]
    [InlineData("telegram:abc")]
    [InlineData("@")]
    [InlineData("x:name_that_is_far_too_long")]
    public void Handle_BreaksPlatformRules_Invalid(string raw)
    {
        Assert.False(HandleNormaliser.Normalise(raw).Valid);
    }

    [Theory]
    [InlineData("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa", "bitcoin", "p2pkh")]
    [InlineData("3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy", "bitcoin", "p2sh")]
    [InlineData("BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4", "bitcoin", "p2wpkh")]
    [InlineData("bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0", "bitcoin", "p2tr")]
    [InlineData("bitcoin:1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa?amount=0.1", "bitcoin", "p2pkh")]
    [InlineData("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "ethereum", "account")]
    [InlineData("0xfb6916095ca1df60bb79ce92ce3ea74c37c5d359", "ethereum", "account")]
    [InlineData("TLa2f6VPqDgRE67v1736s7bJ8Ray5wYjU7", "tron", "account")]
    [InlineData("TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t", "tron", "account")]
    public void Wallet_KnownAddress_ValidWithChain(string raw, string chain, string type)
    {
        var result = WalletNormaliser.Normalise(raw);

        Assert.True(result.Valid, result.Reason);
        Assert.Equal(chain, result.Chain);
        Assert.Equal(type, result.AddressType);
    }

    [Theory]
    // EIP-55 reference vectors: the lower-case form gets the checksum letter case back.
    [InlineData("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed")]
    [InlineData("0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359")]
    [InlineData("0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB")]
    [InlineData("0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb")]
    public void Wallet_EthereumLowerCase_ChecksummedValue(string checksummed)
    {
        Assert.Equal(checksummed, WalletNormaliser.Normalise(checksummed.ToLowerInvariant()).Value);
    }

    [Theory]
    [InlineData("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb")]
    [InlineData("3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLz")]
    [InlineData("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5")]
    [InlineData("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD")]
    [InlineData("TLa2f6VPqDgRE67v1736s7bJ8Ray5wYjU8")]
    [InlineData("hello")]
    public void Wallet_OneCharacterChanged_Invalid(string raw)
    {
        var result = WalletNormaliser.Normalise(raw);

        Assert.False(result.Valid);
        Assert.NotNull(result.Reason);
    }
}
