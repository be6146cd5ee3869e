using System.Collections.Concurrent;
using System.Collections.Frozen;
using PhoneNumbers;

namespace Tessera.Core.Normalisation;

/// <summary>A phone number in E.164 form with the region and line type libphonenumber assigns to it.</summary>
public sealed record PhoneNumberResult(string? Value, bool Valid, string? Reason, string? Region = null, string? NumberType = null)
    : NormalisedValue(Value, Valid, Reason);

/// <summary>Normalises phone numbers to E.164 with Google's libphonenumber.</summary>
/// <remarks>
/// National numbers are read in the caller's default region (the contributing organisation's country). The
/// <see cref="PhoneNumberUtil"/> instance is a process-wide singleton: creating it loads the metadata once.
/// </remarks>
public static class PhoneNumberNormaliser
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();
    private const int CacheCapacity = 100_000;
    private static readonly ConcurrentDictionary<string, PhoneNumberResult> Cache = new(StringComparer.Ordinal);
    private static int _cached;
    private static readonly FrozenSet<string> Regions = Util.GetSupportedRegions().ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Parses <paramref name="raw"/> as a phone number; national forms use <paramref name="defaultRegion"/>.</summary>
    /// <remarks>Results are cached (bounded): imports and call records repeat the same numbers many times.</remarks>
    public static PhoneNumberResult Normalise(string? raw, string? defaultRegion)
    {
        if (raw is null || raw.Length > 64)
        {
            return Parse(raw, defaultRegion);
        }

        var key = string.Concat(defaultRegion ?? "", "\u0001", raw);
        if (Cache.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var result = Parse(raw, defaultRegion);
        // ConcurrentDictionary.Count takes every lock: count insertions ourselves and start afresh when full.
        if (Interlocked.Increment(ref _cached) > CacheCapacity)
        {
            Cache.Clear();
            Interlocked.Exchange(ref _cached, 0);
        }

        Cache[key] = result;
        return result;
    }

    private static PhoneNumberResult Parse(string? raw, string? defaultRegion)
    {
        var text = raw?.Trim() ?? "";
        if (text.Length == 0)
        {
            return new PhoneNumberResult(null, false, "empty");
        }

        if (text.Length > 64)
        {
            return new PhoneNumberResult(null, false, "too long for a phone number");
        }

        var region = NormaliseRegion(defaultRegion);
        text = Digits.ToAscii(text);
        // Without a region libphonenumber cannot read the "00" international prefix; it is the ITU-T E.164 IDD in Europe.
        if (region == "ZZ" && text.StartsWith("00", StringComparison.Ordinal))
        {
            text = "+" + text[2..];
        }

        PhoneNumber number;
        try
        {
            number = Util.Parse(text, region);
        }
        catch (NumberParseException ex)
        {
            return new PhoneNumberResult(DigitsOnly(text), false, Describe(ex.ErrorType, region));
        }

        var e164 = Util.Format(number, PhoneNumberFormat.E164);
        var numberRegion = Util.GetRegionCodeForNumber(number);
        // A number is valid when its region's numbering plan gives it a type (what IsValidNumber checks); asking for the
        // type once instead of validity and then type halves the pattern matching.
        var type = numberRegion is null ? PhoneNumberType.UNKNOWN : Util.GetNumberType(number);
        if (type == PhoneNumberType.UNKNOWN)
        {
            var why = Util.IsPossibleNumber(number) ? "not a valid number in its numbering plan" : "wrong length for its numbering plan";
            return new PhoneNumberResult(e164, false, why, numberRegion);
        }

        return new PhoneNumberResult(e164, true, null, numberRegion, TypeName(type));
    }

    private static string NormaliseRegion(string? region)
    {
        if (region is { Length: 2 } && char.IsAsciiLetter(region[0]) && char.IsAsciiLetter(region[1]))
        {
            var upper = region.ToUpperInvariant();
            return Regions.Contains(upper) ? upper : "ZZ";
        }

        return "ZZ";
    }

    private static string? DigitsOnly(string text)
    {
        var digits = new string(text.Where(char.IsAsciiDigit).ToArray());
        return digits.Length == 0 ? null : (text.StartsWith('+') ? "+" : "") + digits;
    }

    private static string Describe(ErrorType error, string region) => error switch
    {
        ErrorType.INVALID_COUNTRY_CODE when region == "ZZ" => "national number without a default region",
        ErrorType.INVALID_COUNTRY_CODE => "unknown country calling code",
        ErrorType.NOT_A_NUMBER => "not a phone number",
        ErrorType.TOO_SHORT_AFTER_IDD or ErrorType.TOO_SHORT_NSN => "too short",
        ErrorType.TOO_LONG => "too long",
        _ => "not a phone number",
    };

    private static string TypeName(PhoneNumberType type) => type switch
    {
        PhoneNumberType.MOBILE => "mobile",
        PhoneNumberType.FIXED_LINE => "fixed-line",
        PhoneNumberType.FIXED_LINE_OR_MOBILE => "fixed-line-or-mobile",
        PhoneNumberType.TOLL_FREE => "toll-free",
        PhoneNumberType.PREMIUM_RATE => "premium-rate",
        PhoneNumberType.VOIP => "voip",
        PhoneNumberType.PAGER => "pager",
        PhoneNumberType.UAN => "uan",
        PhoneNumberType.VOICEMAIL => "voicemail",
        PhoneNumberType.SHARED_COST => "shared-cost",
        PhoneNumberType.PERSONAL_NUMBER => "personal",
        _ => "unknown",
    };
}
