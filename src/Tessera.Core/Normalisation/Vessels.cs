using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace Tessera.Core.Normalisation;

/// <summary>An IMO ship identification number (7 digits, the last a check digit).</summary>
public sealed record ImoResult(string? Value, bool Valid, string? Reason) : NormalisedValue(Value, Valid, Reason);

/// <summary>A Maritime Mobile Service Identity with the kind of station and the flag state its MID gives.</summary>
public sealed record MmsiResult(string? Value, bool Valid, string? Reason, string? Mid = null, string? FlagState = null, string? StationType = null)
    : NormalisedValue(Value, Valid, Reason);

/// <summary>Normalises vessel identifiers: IMO numbers (IMO resolution A.1117(30)) and MMSIs (ITU-R M.585).</summary>
public static class VesselNormaliser
{
    private static readonly Lazy<FrozenDictionary<int, string>> Mids = new(LoadMids);

    /// <summary>Validates an IMO number written with or without the "IMO" prefix.</summary>
    public static ImoResult NormaliseImo(string? raw)
    {
        var text = Digits.ToAscii(raw ?? "").Trim();
        if (text.StartsWith("IMO", StringComparison.OrdinalIgnoreCase))
        {
            text = text[3..].TrimStart(' ', ':', '.', '-', '#');
        }

        var digits = text.Replace(" ", "", StringComparison.Ordinal);
        if (digits.Length == 0)
        {
            return new ImoResult(null, false, "empty");
        }

        if (digits.Length != 7 || !digits.All(char.IsAsciiDigit))
        {
            return new ImoResult(digits, false, "an IMO number has 7 digits");
        }

        // Check digit: the first six digits weighted 7, 6, 5, 4, 3, 2; the sum's last digit is the seventh.
        var sum = 0;
        for (var i = 0; i < 6; i++)
        {
            sum += (digits[i] - '0') * (7 - i);
        }

        var expected = sum % 10;
        return expected == digits[6] - '0'
            ? new ImoResult(digits, true, null)
            : new ImoResult(digits, false, string.Create(CultureInfo.InvariantCulture, $"check digit is {digits[6]}, expected {expected}"));
    }

    /// <summary>Validates a 9-digit MMSI and reads its Maritime Identification Digits to a flag state.</summary>
    public static MmsiResult NormaliseMmsi(string? raw)
    {
        var text = Digits.ToAscii(raw ?? "").Trim();
        if (text.StartsWith("MMSI", StringComparison.OrdinalIgnoreCase))
        {
            text = text[4..].TrimStart(' ', ':', '.', '-', '#');
        }

        var digits = text.Replace(" ", "", StringComparison.Ordinal);
        if (digits.Length == 0)
        {
            return new MmsiResult(null, false, "empty");
        }

        if (digits.Length != 9 || !digits.All(char.IsAsciiDigit))
        {
            return new MmsiResult(digits, false, "an MMSI has 9 digits");
        }

        // ITU-R M.585 Annex 1: where the MID sits depends on the kind of station.
        var (station, midAt) = digits switch
        {
            ['1', '1', '1', ..] => ("sar-aircraft", 3),
            ['9', '7', '0', ..] or ['9', '7', '2', ..] or ['9', '7', '4', ..] => ("distress-device", -1),
            ['9', '8', ..] => ("craft-associated", 2),
            ['9', '9', ..] => ("aid-to-navigation", 2),
            ['0', '0', ..] => ("coast-station", 2),
            ['0', ..] => ("group", 1),
            ['8', ..] => ("handheld", 1),
            [>= '2' and <= '7', ..] => ("ship", 0),
            _ => ("unknown", -1),
        };
        if (midAt < 0)
        {
            return new MmsiResult(digits, station != "unknown", station == "unknown" ? "no station type starts with this digit" : null, StationType: station);
        }

        var mid = int.Parse(digits.AsSpan(midAt, 3), NumberStyles.None, CultureInfo.InvariantCulture);
        var midText = digits.Substring(midAt, 3);
        return Mids.Value.TryGetValue(mid, out var flag)
            ? new MmsiResult(digits, true, null, midText, flag, station)
            : new MmsiResult(digits, false, $"MID {midText} is not allocated", midText, null, station);
    }

    private static FrozenDictionary<int, string> LoadMids()
    {
        using var stream = typeof(VesselNormaliser).Assembly.GetManifestResourceStream("Tessera.Core.Normalisation.Data.mid.tsv")
            ?? throw new InvalidOperationException("mid.tsv is not embedded");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var table = new Dictionary<int, string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && line[0] != '#')
            {
                var f = line.Split('\t');
                table[int.Parse(f[0], NumberStyles.None, CultureInfo.InvariantCulture)] = f[1];
            }
        }

        return table.ToFrozenDictionary();
    }
}
