namespace Tessera.Core.Ingest.Indicators;

/// <summary>Something found in free text that can link records: a phone, IBAN, wallet, e-mail, URL, handle, MRZ, price or place.</summary>
/// <param name="Kind">phone, iban, wallet, email, url, handle, mrz, price or place.</param>
/// <param name="Start">Offset of the first UTF-16 code unit in the text.</param>
/// <param name="Length">Length in UTF-16 code units.</param>
/// <param name="Text">The text as written.</param>
/// <param name="Value">The normalised value (E.164 phone, compact IBAN, "1500 EUR", place name …).</param>
/// <param name="Valid">False for a candidate that failed its check but is still worth showing.</param>
/// <param name="Attributes">Kind-specific details: currency and amount, a place's country, route and coordinates …</param>
public sealed record Indicator(string Kind, int Start, int Length, string Text, string? Value, bool Valid = true,
    IReadOnlyDictionary<string, string>? Attributes = null)
{
    /// <summary>The offset just past the indicator.</summary>
    public int End => Start + Length;

    /// <summary>True when the two indicators share a character.</summary>
    public bool Overlaps(Indicator other) => Start < other.End && other.Start < End;
}
