using System.Text;

namespace Tessera.Core.Normalisation;

/// <summary>A cryptocurrency address with its chain and address type, validated by the chain's own checksum.</summary>
/// <param name="Chain">bitcoin, litecoin, ethereum or tron.</param>
/// <param name="AddressType">p2pkh, p2sh, p2wpkh, p2wsh, p2tr, witness, account.</param>
public sealed record WalletResult(string? Value, bool Valid, string? Reason, string? Chain = null, string? AddressType = null)
    : NormalisedValue(Value, Valid, Reason);

/// <summary>Recognises and validates wallet addresses: Bitcoin (Base58Check, bech32, bech32m), Litecoin, Ethereum (EIP-55), TRON.</summary>
public static class WalletNormaliser
{
    /// <summary>Validates an address; the value is the canonical form (bech32 lower case, Ethereum with the EIP-55 checksum).</summary>
    public static WalletResult Normalise(string? raw)
    {
        var text = (raw ?? "").Trim();
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon is > 0 and < 12)
        {
            // URI schemes of wallets (BIP 21 "bitcoin:", EIP-681 "ethereum:"), with any "?amount=…" dropped.
            text = text[(colon + 1)..];
        }

        var query = text.IndexOfAny(['?', '@']);
        if (query > 0)
        {
            text = text[..query];
        }

        if (text.Length == 0)
        {
            return new WalletResult(null, false, "empty");
        }

        if (text.Length > 100)
        {
            return new WalletResult(null, false, "too long for a wallet address");
        }

        if (text.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            return Ethereum(text);
        }

        var lower = text.ToLowerInvariant();
        if (lower.StartsWith("bc1", StringComparison.Ordinal))
        {
            return Segwit(text, "bc", "bitcoin");
        }

        if (lower.StartsWith("ltc1", StringComparison.Ordinal))
        {
            return Segwit(text, "ltc", "litecoin");
        }

        return text[0] switch
        {
            '1' or '3' => Base58(text, "bitcoin", (0x00, "p2pkh"), (0x05, "p2sh")),
            'L' or 'M' => Base58(text, "litecoin", (0x30, "p2pkh"), (0x32, "p2sh")),
            'T' => Base58(text, "tron", (0x41, "account"), (0x41, "account")),
            _ => new WalletResult(text, false, "not a Bitcoin, Litecoin, Ethereum or TRON address"),
        };
    }

    private static WalletResult Base58(string text, string chain, (byte Version, string Type) a, (byte Version, string Type) b)
    {
        var payload = Base58Check.Decode(text);
        if (payload is null)
        {
            return new WalletResult(text, false, "Base58Check checksum does not match", chain);
        }

        if (payload.Length != 21)
        {
            return new WalletResult(text, false, "wrong payload length for an address", chain);
        }

        var type = payload[0] == a.Version ? a.Type : payload[0] == b.Version ? b.Type : null;
        return type is null
            ? new WalletResult(text, false, $"version byte 0x{payload[0]:X2} is not a {chain} mainnet address", chain)
            : new WalletResult(text, true, null, chain, type);
    }

    private static WalletResult Segwit(string text, string hrp, string chain)
    {
        var lower = text.ToLowerInvariant();
        var decoded = Bech32.DecodeSegwit(text, hrp);
        if (decoded is not { } d)
        {
            return new WalletResult(lower, false, "bech32/bech32m checksum or witness program is invalid", chain);
        }

        var type = (d.Version, d.Program.Length) switch
        {
            (0, 20) => "p2wpkh",
            (0, 32) => "p2wsh",
            (1, 32) => "p2tr",
            _ => "witness",
        };
        return new WalletResult(lower, true, null, chain, type);
    }

    private static WalletResult Ethereum(string text)
    {
        var hex = text[2..];
        if (hex.Length != 40 || !hex.All(char.IsAsciiHexDigit))
        {
            return new WalletResult(text, false, "an Ethereum address is 0x and 40 hexadecimal digits", "ethereum");
        }

        var checksummed = "0x" + Eip55(hex);
        var mixed = hex.Any(char.IsAsciiLetterLower) && hex.Any(char.IsAsciiLetterUpper);
        // EIP-55: a mixed-case address carries a checksum that must hold; all-lower or all-upper carries none.
        return !mixed || checksummed[2..] == hex
            ? new WalletResult(checksummed, true, null, "ethereum", "account")
            : new WalletResult(checksummed, false, "EIP-55 checksum (letter case) does not match", "ethereum", "account");
    }

    /// <summary>EIP-55: the i-th hex letter is upper case when the i-th nibble of Keccak-256(lower-case hex) is 8 or more.</summary>
    internal static string Eip55(string hex)
    {
        var lower = hex.ToLowerInvariant();
        var hash = Keccak256.Hash(Encoding.ASCII.GetBytes(lower));
        var chars = lower.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            var nibble = (i % 2 == 0 ? hash[i / 2] >> 4 : hash[i / 2]) & 0x0F;
            if (char.IsAsciiLetter(chars[i]) && nibble >= 8)
            {
                chars[i] = char.ToUpperInvariant(chars[i]);
            }
        }

        return new string(chars);
    }
}
