namespace Tessera.Core.Normalisation;

/// <summary>A BIC (ISO 9362) with its parts; the value is the 8-character form when the branch is the primary office "XXX".</summary>
public sealed record BicResult(string? Value, bool Valid, string? Reason, string? BankCode = null, string? Country = null,
    string? Location = null, string? Branch = null) : NormalisedValue(Value, Valid, Reason);

/// <summary>Validates Business Identifier Codes (SWIFT codes) by format and country.</summary>
public static class BicNormaliser
{
    /// <summary>Normalises a BIC: upper case without spaces; 8 or 11 characters; a known ISO 3166 country.</summary>
    public static BicResult Normalise(string? raw)
    {
        var value = new string((raw ?? "").Where(c => !char.IsWhiteSpace(c) && c != '-').Select(char.ToUpperInvariant).ToArray());
        if (value.Length == 0)
        {
            return new BicResult(null, false, "empty");
        }

        if (value.Length is not (8 or 11))
        {
            return new BicResult(value, false, $"a BIC has 8 or 11 characters, not {value.Length}");
        }

        // ISO 9362: 4 letters (institution, letters or digits since 2009), 2 letters country, 2 location, optional 3 branch.
        var bank = value[..4];
        var country = value[4..6];
        var location = value[6..8];
        var branch = value.Length == 11 ? value[8..] : null;
        if (!bank.All(char.IsAsciiLetterOrDigit) || !location.All(char.IsAsciiLetterOrDigit) || (branch is not null && !branch.All(char.IsAsciiLetterOrDigit)))
        {
            return new BicResult(value, false, "a BIC has only letters and digits", bank, country, location, branch);
        }

        if (!CountryNormaliser.IsAlpha2(country))
        {
            return new BicResult(value, false, $"'{country}' is not an ISO 3166 country code", bank, country, location, branch);
        }

        // "XXX" is the primary office: BIC8 and BIC11 ending in XXX name the same institution.
        var normalised = branch == "XXX" ? value[..8] : value;
        return new BicResult(normalised, true, null, bank, country, location, branch ?? "XXX");
    }
}
