using System.Globalization;
using Tessera.Core.Model;

namespace Tessera.Core.Ingest;

/// <summary>One entity as FollowTheMoney writes it: the standard part, Tessera's extension and the values no type accepted.</summary>
/// <param name="Id">The entity id.</param>
/// <param name="Schema">A FollowTheMoney schema, or one of the extension's <c>Tessera…</c> schemata.</param>
/// <param name="Properties">Values of the schema's own properties, each in its type's normalised form.</param>
/// <param name="Extension">Values of properties the extension adds to a standard schema (<c>tessera…</c> names).</param>
/// <param name="Invalid">Values, as provided, that failed their type's check; FollowTheMoney has no place for them.</param>
public sealed record FtmEntity(string Id, string Schema, IReadOnlyList<KeyValuePair<string, string>> Properties,
    IReadOnlyList<KeyValuePair<string, string>> Extension, IReadOnlyList<KeyValuePair<string, string>> Invalid);

/// <summary>One value as FollowTheMoney holds it: the property (a <c>tessera…</c> name when <paramref name="Extension"/>)
/// and the value in its type's form.</summary>
public sealed record FtmValue(string Property, string Value, bool Extension);

/// <summary>Maps Tessera's entities onto the FollowTheMoney model and Tessera's declared extension (<c>docs/ftm-extension/</c>).</summary>
/// <remarks>
/// Values leave in their normalised form (E.164 phones, ISO dates, lower-case ISO 3166 countries, IBANs without spaces);
/// names, free text and references leave as provided. A property FollowTheMoney lacks is renamed to the extension's
/// <c>tessera</c>-prefixed name; Tessera's own schemata (cases, detections, incidents, border sections, actions) are the
/// extension's <c>Tessera…</c> schemata; online posts are FollowTheMoney <c>Document</c>s. A required <c>name</c>
/// (every Thing) missing from the source is the entity's caption, and a post's required <c>fileName</c> is its id.
/// </remarks>
public static class FollowTheMoneyExport
{
    /// <summary>The key of a line's extension values on a standard schema; FollowTheMoney readers ignore it.</summary>
    public const string ExtensionKey = "tessera:properties";

    /// <summary>The key of a line's values that failed their type's check, as provided.</summary>
    public const string InvalidKey = "tessera:invalid";

    /// <summary>The prefix of every extension schema and property.</summary>
    public const string Prefix = "tessera";

    private static readonly Dictionary<string, string> OwnSchemata = new(StringComparer.Ordinal)
    {
        ["Case"] = "TesseraCase", ["Detection"] = "TesseraDetection", ["Incident"] = "TesseraIncident",
        ["BorderSection"] = "TesseraBorderSection", ["Action"] = "TesseraAction", ["Post"] = "Document",
    };

    // Properties of standard schemata that FollowTheMoney does not have (the schema that declares them, the property).
    private static readonly (string Schema, string Property)[] NotInFtm =
    [
        ("Person", "role"), ("Asset", "assetStatus"), ("Asset", "owner"), ("Asset", "seizedBy"), ("Asset", "seizureDate"),
        ("BankAccount", "holder"), ("Identification", "mrz"), ("Payment", "method"), ("Trip", "traveller"),
        ("Trip", "startLocation"), ("Trip", "endLocation"),
    ];

    private static readonly Dictionary<string, string> PostProperties = new(StringComparer.Ordinal)
    {
        ["authorHandle"] = "author", ["url"] = "sourceUrl", ["bodyText"] = "bodyText", ["publishedAt"] = "publishedAt",
        ["language"] = "language", ["mentionsPhone"] = "phoneMentioned", ["mentionsEmail"] = "emailMentioned",
        ["mentionsIban"] = "ibanMentioned", ["name"] = "name", ["summary"] = "summary", ["description"] = "description",
        ["country"] = "country", ["notes"] = "notes", ["sourceUrl"] = "sourceUrl", ["keywords"] = "keywords",
    };

    // ISO 639-1 → ISO 639-3, the codes of FollowTheMoney's language type, for the languages of the posts Tessera reads.
    private static readonly Dictionary<string, string> Languages = new(StringComparer.OrdinalIgnoreCase)
    {
        ["ar"] = "ara", ["en"] = "eng", ["fr"] = "fra", ["de"] = "deu", ["it"] = "ita", ["es"] = "spa", ["el"] = "ell",
        ["tr"] = "tur", ["ru"] = "rus", ["uk"] = "ukr", ["fa"] = "fas", ["ps"] = "pus", ["ur"] = "urd", ["sr"] = "srp",
        ["sq"] = "sqi", ["ti"] = "tir", ["so"] = "som", ["bn"] = "ben", ["pt"] = "por", ["nl"] = "nld", ["mt"] = "mlt",
        ["ku"] = "kur", ["am"] = "amh", ["hr"] = "hrv", ["bg"] = "bul", ["ro"] = "ron", ["hu"] = "hun", ["pl"] = "pol",
    };

    private static readonly Dictionary<string, string> Genders = new(StringComparer.OrdinalIgnoreCase)
    {
        ["m"] = "male", ["male"] = "male", ["man"] = "male", ["f"] = "female", ["female"] = "female", ["woman"] = "female",
        ["w"] = "female", ["other"] = "other", ["x"] = "other", ["d"] = "other",
    };

    /// <summary>The FollowTheMoney (or extension) schema name for a Tessera schema.</summary>
    public static string SchemaName(string tesseraSchema) => OwnSchemata.GetValueOrDefault(tesseraSchema, tesseraSchema);

    /// <summary>Maps one entity; values must carry their normalised form (as stored) for the typed properties.</summary>
    public static FtmEntity Convert(Entity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        var schema = SchemaModel.Default.GetSchema(entity.Schema);
        var properties = new List<KeyValuePair<string, string>>();
        var extension = new List<KeyValuePair<string, string>>();
        var invalid = new List<KeyValuePair<string, string>>();
        foreach (var value in entity.Values)
        {
            if (!schema.Properties.ContainsKey(value.Property) || MapValue(schema.Name, value) is not { } mapped)
            {
                invalid.Add(new(value.Property, value.Value));
            }
            else
            {
                (mapped.Extension ? extension : properties).Add(new(mapped.Property, mapped.Value));
            }
        }

        // Every FollowTheMoney Thing requires a name; a post, as a Document, also a file name.
        if (schema.IsA("Thing") && !properties.Any(p => p.Key == "name"))
        {
            properties.Insert(0, new("name", CaptionOf(entity)));
        }

        if (entity.Schema == "Post" && !properties.Any(p => p.Key == "fileName"))
        {
            properties.Add(new("fileName", entity.Id));
        }

        return new FtmEntity(entity.Id, SchemaName(entity.Schema), Distinct(properties), Distinct(extension), Distinct(invalid));
    }

    /// <summary>The Tessera schema a FollowTheMoney (or extension) schema is read as: the inverse of <see cref="SchemaName"/>.</summary>
    public static string TesseraSchema(string ftmSchema) =>
        OwnSchemata.FirstOrDefault(kv => kv.Value == ftmSchema).Key ?? ftmSchema;

    /// <summary>The Tessera property a FollowTheMoney (or extension) property of an entity of <paramref name="tesseraSchema"/> is read as.</summary>
    public static string TesseraProperty(string tesseraSchema, string ftmProperty)
    {
        ArgumentNullException.ThrowIfNull(ftmProperty);
        if (ftmProperty.Length > Prefix.Length && ftmProperty.StartsWith(Prefix, StringComparison.Ordinal) && char.IsAsciiLetterUpper(ftmProperty[Prefix.Length]))
        {
            return char.ToLowerInvariant(ftmProperty[Prefix.Length]) + ftmProperty[(Prefix.Length + 1)..];
        }

        if (tesseraSchema == "Post")
        {
            return ftmProperty == "sourceUrl" ? "url" : PostProperties.FirstOrDefault(kv => kv.Value == ftmProperty).Key ?? ftmProperty;
        }

        return tesseraSchema == "UserAccount" && ftmProperty == "number" ? "phone" : ftmProperty;
    }

    /// <summary>One value of a Tessera property as FollowTheMoney (or the extension) holds it; null when the value failed
    /// its type's check or has no form in the target type.</summary>
    public static FtmValue? MapValue(string tesseraSchema, PropertyValue value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var schema = SchemaModel.Default.GetSchema(tesseraSchema);
        if (!schema.Properties.TryGetValue(value.Property, out var property))
        {
            return null;
        }

        var (name, isExtension) = Route(schema, property.Name);
        return FormOf(property, name, value) switch
        {
            null => null,
            { Language: { } unmapped } => new FtmValue(Prefix + "Language", unmapped, true),
            var form => new FtmValue(name, form.Text!, isExtension),
        };
    }

    private static (string Name, bool Extension) Route(Schema schema, string property)
    {
        if (schema.Name == "Post")
        {
            return PostProperties.TryGetValue(property, out var renamed) ? (renamed, false) : (Extended(property), true);
        }

        if (OwnSchemata.ContainsKey(schema.Name))
        {
            // The extension's schemata keep FollowTheMoney's inherited properties and prefix their own.
            var inherited = SchemaModel.Default.GetSchema(schema.IsA("Thing") ? "Thing" : "Interval").Properties.ContainsKey(property);
            return (inherited ? property : Extended(property), false);
        }

        if (schema.IsA("UserAccount") && property == "phone")
        {
            return ("number", false);
        }

        return NotInFtm.Any(n => schema.IsA(n.Schema) && n.Property == property) ? (Extended(property), true) : (property, false);
    }

    private static string Extended(string property) => Prefix + char.ToUpperInvariant(property[0]) + property[1..];

    private sealed record Form(string? Text, string? Language = null);

    private static Form? FormOf(SchemaProperty property, string target, PropertyValue value)
    {
        if (!value.Valid)
        {
            return null;
        }

        if (target == "language")
        {
            var code = value.Value.Trim();
            return Languages.TryGetValue(code, out var iso3) ? new Form(iso3)
                : code.Length == 3 && code.All(char.IsAsciiLetterLower) ? new Form(code) : new Form(null, code);
        }

        if (target == "gender")
        {
            return Genders.TryGetValue(value.Value.Trim(), out var gender) ? new Form(gender) : null;
        }

        return property.Type switch
        {
            PropertyTypes.Name or PropertyTypes.Text or PropertyTypes.Entity => value.Value.Trim() is { Length: > 0 } t ? new Form(t) : null,
            PropertyTypes.Number => NumberOf(value.Normalised ?? value.Value),
            // A price read from a post is an amount with its currency ("3500 EUR"): the extension keeps it whole.
            PropertyTypes.Amount => NumberOf(value.Normalised ?? value.Value)
                ?? (target.StartsWith(Prefix, StringComparison.Ordinal) && value.Normalised is { Length: > 0 } a ? new Form(a) : null),
            PropertyTypes.Country => value.Normalised is { Length: > 0 } c ? new Form(c.ToLowerInvariant()) : null,
            _ => (value.Normalised ?? value.Value).Trim() is { Length: > 0 } n ? new Form(n) : null,
        };
    }

    private static Form? NumberOf(string text) =>
        decimal.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? new Form(number.ToString(CultureInfo.InvariantCulture))
            : null;

    private static string CaptionOf(Entity entity)
    {
        var normalised = new Entity(entity.Id, entity.Schema,
            entity.Values.Select(v => v with { Value = v.Valid && v.Normalised is { Length: > 0 } n && v.Property != "name" ? n : v.Value }).ToList());
        return normalised.Caption;
    }

    private static List<KeyValuePair<string, string>> Distinct(List<KeyValuePair<string, string>> values) =>
        values.DistinctBy(v => (v.Key, v.Value)).ToList();
}
