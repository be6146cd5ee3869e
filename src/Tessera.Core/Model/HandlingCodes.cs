namespace Tessera.Core.Model;

/// <summary>A SIENA handling code. The set on a contribution restricts use; the strictest wins.</summary>
public enum HandlingCode
{
    /// <summary>Use only to prevent and combat crime.</summary>
    H0,

    /// <summary>Not to be used in judicial proceedings without the provider's permission.</summary>
    H1,

    /// <summary>Not to be disseminated without the provider's permission.</summary>
    H2,

    /// <summary>Other restrictions, in the provider's own words.</summary>
    H3,
}

/// <summary>The set of handling codes of a contribution; H3 carries the provider's text.</summary>
public sealed record HandlingCodes
{
    public HandlingCodes(IEnumerable<HandlingCode> codes, string? h3Text = null)
    {
        Codes = new SortedSet<HandlingCode>(codes);
        if (Codes.Count == 0)
        {
            Codes.Add(HandlingCode.H0);
        }

        if (Codes.Contains(HandlingCode.H3) && string.IsNullOrWhiteSpace(h3Text))
        {
            throw new ModelException("handling code H3 needs the provider's restriction text");
        }

        H3Text = Codes.Contains(HandlingCode.H3) ? h3Text : null;
    }

    public SortedSet<HandlingCode> Codes { get; }

    public string? H3Text { get; }

    public bool Has(HandlingCode code) => Codes.Contains(code);

    /// <summary>Only H0: the least restricted set.</summary>
    public static HandlingCodes Default { get; } = new([HandlingCode.H0]);

    /// <summary>Parses "H0,H2" (case-insensitive, spaces allowed).</summary>
    /// <exception cref="ModelException">An element is not H0–H3.</exception>
    public static HandlingCodes Parse(string text, string? h3Text = null)
    {
        var codes = new List<HandlingCode>();
        foreach (var part in text.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries))
        {
            if (!Enum.TryParse<HandlingCode>(part.Trim(), ignoreCase: true, out var code) || !Enum.IsDefined(code))
            {
                throw new ModelException($"'{part}' is not a handling code (H0, H1, H2, H3)", field: "handling");
            }

            codes.Add(code);
        }

        return new HandlingCodes(codes, h3Text);
    }

    public override string ToString() => string.Join(',', Codes);

    public bool Equals(HandlingCodes? other) =>
        other is not null && Codes.SetEquals(other.Codes) && H3Text == other.H3Text;

    public override int GetHashCode() => HashCode.Combine(ToString(), H3Text);
}
