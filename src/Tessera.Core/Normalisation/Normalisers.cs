using System.Collections.Frozen;
using System.Text;
using Tessera.Core.Model;

namespace Tessera.Core.Normalisation;

/// <summary>Every normaliser by the key the model names (<see cref="SchemaProperty.NormaliserKey"/>): ingest normalises any value through here.</summary>
/// <remarks>
/// An invalid value is never dropped: the <see cref="PropertyValue"/> keeps the raw text, the best cleaned form and the
/// reason. Properties whose type has no normaliser (text, number, amount, entity references) pass through unchanged.
/// </remarks>
public static class Normalisers
{
    private static readonly FrozenDictionary<string, Func<string, NormalisationContext, NormalisedValue>> ByKey =
        new Dictionary<string, Func<string, NormalisationContext, NormalisedValue>>(StringComparer.Ordinal)
        {
            ["phone"] = (raw, ctx) => PhoneNumberNormaliser.Normalise(raw, ctx.DefaultRegion),
            ["iban"] = (raw, _) => IbanNormaliser.Normalise(raw),
            ["bic"] = (raw, _) => BicNormaliser.Normalise(raw),
            ["mrz"] = MrzNormaliser.Normalise,
            ["document"] = DocumentNumberNormaliser.Normalise,
            ["imo"] = (raw, _) => VesselNormaliser.NormaliseImo(raw),
            ["mmsi"] = (raw, _) => VesselNormaliser.NormaliseMmsi(raw),
            ["plate"] = (raw, _) => PlateNormaliser.Normalise(raw),
            ["email"] = (raw, _) => EmailNormaliser.Normalise(raw),
            ["url"] = (raw, _) => UrlNormaliser.Normalise(raw),
            ["handle"] = (raw, ctx) => HandleNormaliser.Normalise(raw, ctx.Platform),
            ["wallet"] = (raw, _) => WalletNormaliser.Normalise(raw),
            ["date"] = DateNormaliser.Normalise,
            ["country"] = (raw, _) => CountryNormaliser.Normalise(raw),
            ["name"] = (raw, _) => CleanName(raw),
        }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The kinds that have a normaliser.</summary>
    public static IEnumerable<string> Kinds => ByKey.Keys.Order(StringComparer.Ordinal);

    /// <summary>True when <paramref name="kind"/> has a normaliser.</summary>
    public static bool Has(string kind) => ByKey.ContainsKey(kind);

    /// <summary>Normalises a raw value as the given kind (phone, iban, date …); null when the kind has no normaliser.</summary>
    public static NormalisedValue? Normalise(string kind, string? raw, NormalisationContext context) =>
        ByKey.TryGetValue(kind, out var normalise) ? normalise(raw ?? "", context) : null;

    /// <summary>Normalises one value of a property: the raw text is kept, with the normalised form, validity and reason.</summary>
    public static PropertyValue Normalise(SchemaProperty property, string raw, NormalisationContext context)
    {
        ArgumentNullException.ThrowIfNull(property);
        var result = Normalise(property.NormaliserKey, raw, context);
        return result is null
            ? new PropertyValue(property.Name, raw)
            : new PropertyValue(property.Name, raw, result.Value, result.Valid, result.Reason);
    }

    // Hook for person and organisation names: the name normaliser of Normalisation/Names (transliteration, matching keys)
    // replaces this entry under the key "name". Until then a name is only cleaned: NFC, whitespace collapsed.
    private static PlainValue CleanName(string raw)
    {
        var text = UnicodeText.Normalize(raw, NormalizationForm.FormC);
        var cleaned = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return cleaned.Length == 0 ? new PlainValue(null, false, "empty") : new PlainValue(cleaned, true, null);
    }
}
