namespace Tessera.Core.Normalisation;

/// <summary>Segregated-witness addresses: bech32 (BIP 173, witness v0) and bech32m (BIP 350, witness v1+).</summary>
internal static class Bech32
{
    private const string Charset = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    private const uint Bech32Constant = 1;
    private const uint Bech32mConstant = 0x2bc830a3;

    /// <summary>Decodes a segwit address of the given human-readable part; null when any BIP 173/350 rule fails.</summary>
    public static (int Version, byte[] Program)? DecodeSegwit(string address, string hrp)
    {
        if (address.Length is < 8 or > 90 || (address.Any(char.IsLower) && address.Any(char.IsUpper)))
        {
            return null;
        }

        var text = address.ToLowerInvariant();
        var sep = text.LastIndexOf('1');
        if (sep != hrp.Length || !text.StartsWith(hrp, StringComparison.Ordinal) || text.Length - sep - 1 < 6)
        {
            return null;
        }

        var data = new byte[text.Length - sep - 1];
        for (var i = 0; i < data.Length; i++)
        {
            var v = Charset.IndexOf(text[sep + 1 + i], StringComparison.Ordinal);
            if (v < 0)
            {
                return null;
            }

            data[i] = (byte)v;
        }

        var check = Polymod(hrp, data);
        var values = data[..^6];
        if (values.Length == 0)
        {
            return null;
        }

        var version = values[0];
        // BIP 350: witness version 0 uses the bech32 constant, versions 1–16 the bech32m constant.
        if (version > 16 || check != (version == 0 ? Bech32Constant : Bech32mConstant))
        {
            return null;
        }

        var program = ConvertBits(values.AsSpan(1));
        if (program is null || program.Length is < 2 or > 40 || (version == 0 && program.Length is not (20 or 32)))
        {
            return null;
        }

        return (version, program);
    }

    private static uint Polymod(string hrp, byte[] data)
    {
        uint[] generator = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];
        uint chk = 1;
        void Step(uint value)
        {
            var top = chk >> 25;
            chk = ((chk & 0x1ffffff) << 5) ^ value;
            for (var i = 0; i < 5; i++)
            {
                if (((top >> i) & 1) != 0)
                {
                    chk ^= generator[i];
                }
            }
        }

        foreach (var c in hrp)
        {
            Step((uint)(c >> 5));
        }

        Step(0);
        foreach (var c in hrp)
        {
            Step((uint)(c & 31));
        }

        foreach (var d in data)
        {
            Step(d);
        }

        return chk;
    }

    // 5-bit groups to bytes, without padding (BIP 173 "convertbits" with pad = false).
    private static byte[]? ConvertBits(ReadOnlySpan<byte> data)
    {
        var acc = 0;
        var bits = 0;
        var result = new List<byte>(data.Length * 5 / 8);
        foreach (var value in data)
        {
            acc = (acc << 5) | value;
            bits += 5;
            while (bits >= 8)
            {
                bits -= 8;
                result.Add((byte)((acc >> bits) & 0xFF));
            }
        }

        return bits >= 5 || ((acc << (8 - bits)) & 0xFF) != 0 ? null : result.ToArray();
    }
}
