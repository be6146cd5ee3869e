using System.Text.Json;
using Tessera.Core.Model;

namespace Tessera.Core.Ingest.Mapping;

/// <summary>How the columns of a table become entities, properties and relationships (a mapping file, YAML or JSON).</summary>
/// <remarks>
/// One row can create several entities: an intercept table's row gives two Persons and a Call between them. An entity's id
/// comes from an <c>id</c> template (<c>"it-{CALLER_ID}"</c>), or from its <c>keys</c> columns (so that the same phone on many
/// rows is one entity), or else from the row itself. A property maps from a column, several columns, a constant, a template
/// (<c>"{FIRST} {LAST}"</c>) or another entity of the same row (<c>"@caller"</c>). An entity may say who it is about
/// (<c>subject: victim</c>, or <c>subject: { column: ROLE }</c> for a category per row, see <see cref="SubjectMapping"/>).
/// </remarks>
public sealed record ImportMapping(
    string? Format,
    string? Delimiter,
    string? Encoding,
    string? Sheet,
    string? Region,
    string? Platform,
    IReadOnlyList<EntityMapping> Entities)
{
    /// <summary>Reads a mapping file (.yml, .yaml or .json) and checks it against the model.</summary>
    /// <exception cref="ModelException">The file is malformed, or names an unknown schema, property or entity.</exception>
    public static ImportMapping Load(string path)
    {
        var text = File.ReadAllText(path);
        var name = Path.GetFileName(path);
        return Parse(text, name, path.EndsWith(".json", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Parses a mapping's text and checks it against the model.</summary>
    /// <exception cref="ModelException">The text is malformed, longer than <see cref="IngestLimits.MaxMappingChars"/>, nested deeper
    /// than <see cref="IngestLimits.MaxJsonDepth"/>, or names an unknown schema, property or entity.</exception>
    public static ImportMapping Parse(string text, string fileName, bool json)
    {
        if (text.Length > IngestLimits.MaxMappingChars)
        {
            throw new ModelException(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"the mapping is longer than {IngestLimits.MaxMappingChars:N0} characters"), fileName);
        }

        JsonElement root;
        try
        {
            root = json ? JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = IngestLimits.MaxJsonDepth }).RootElement : YamlAsJson.Parse(text);
        }
        // YamlDotNet reports some malformed documents (a bad global tag, an event it cannot load) as ArgumentException,
        // found by the parser fuzzer (corpus/mapping/crash-*): they are bad input like any other.
        catch (Exception ex) when (ex is JsonException or YamlDotNet.Core.YamlException or InvalidOperationException or ArgumentException)
        {
            throw new ModelException("the mapping is not valid " + (json ? "JSON" : "YAML") + ": " + ex.Message, fileName);
        }
        catch (ModelException ex)
        {
            throw ex.At(fileName, null);
        }

        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("entities", out var entities) || entities.ValueKind != JsonValueKind.Object)
        {
            throw new ModelException("a mapping needs an 'entities' section", fileName, field: "entities");
        }

        var mapped = entities.EnumerateObject().Select(e => e.Value.ValueKind == JsonValueKind.Object
            ? EntityMapping.Parse(e.Name, e.Value, fileName)
            : throw new ModelException("an entity is a section with a schema and properties", fileName, field: "entities." + e.Name)).ToList();
        var mapping = new ImportMapping(Text(root, "format"), Text(root, "delimiter"), Text(root, "encoding"), Text(root, "sheet"),
            Text(root, "region"), Text(root, "platform"), mapped);
        mapping.CheckReferences(fileName);
        return mapping;
    }

    /// <summary>Every column the mapping reads.</summary>
    public IEnumerable<string> Columns => Entities.SelectMany(e => e.Columns).Distinct(StringComparer.Ordinal);

    private void CheckReferences(string fileName)
    {
        var names = Entities.Select(e => e.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var e in Entities)
        {
            foreach (var p in e.Properties.Where(p => p.Reference is not null))
            {
                if (!names.Contains(p.Reference!))
                {
                    throw new ModelException($"'@{p.Reference}' names no entity of this mapping", fileName, field: $"entities.{e.Name}.properties.{p.Property}");
                }
            }
        }
    }

    internal static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var v) && v.ValueKind is JsonValueKind.String or JsonValueKind.Number ? v.ToString() : null;

    /// <summary>A list of column names: each item a string (or number).</summary>
    internal static List<string> Names(JsonElement list, string fileName, string field) =>
        list.ValueKind == JsonValueKind.Array && list.EnumerateArray().All(x => x.ValueKind is JsonValueKind.String or JsonValueKind.Number)
            ? list.EnumerateArray().Select(x => x.ToString()).ToList()
            : throw new ModelException("expected a list of column names", fileName, field: field);
}

/// <summary>One entity a row creates.</summary>
public sealed record EntityMapping(string Name, Schema Schema, string? IdTemplate, IReadOnlyList<string> Keys, IReadOnlyList<PropertyMapping> Properties)
{
    /// <summary>Who the entity is about, when the mapping says so; null when the contribution's category applies.</summary>
    public SubjectMapping? Subject { get; init; }

    public IEnumerable<string> Columns =>
        Keys.Concat(Properties.SelectMany(p => p.Columns)).Concat(Template.Columns(IdTemplate)).Concat(Subject?.Column is { } c ? [c] : []);

    internal static EntityMapping Parse(string name, JsonElement e, string fileName)
    {
        var field = "entities." + name;
        var schemaName = ImportMapping.Text(e, "schema") ?? throw new ModelException("each entity needs a schema", fileName, field: field + ".schema");
        var schema = SchemaModel.Default.TryGetSchema(schemaName, out var s) && !s.IsAbstract
            ? s
            : throw new ModelException($"unknown schema '{schemaName}'", fileName, field: field + ".schema");
        var keys = e.TryGetProperty("keys", out var k) ? ImportMapping.Names(k, fileName, field + ".keys") : [];
        if (!e.TryGetProperty("properties", out var props) || props.ValueKind != JsonValueKind.Object)
        {
            throw new ModelException("each entity needs properties", fileName, field: field + ".properties");
        }

        var properties = props.EnumerateObject().Select(p =>
        {
            if (!schema.Properties.TryGetValue(p.Name, out var property))
            {
                throw new ModelException($"unknown property '{p.Name}' of schema {schema.Name}", fileName, field: $"{field}.properties.{p.Name}");
            }

            return PropertyMapping.Parse(property, p.Value, fileName, $"{field}.properties.{p.Name}");
        }).ToList();
        return new EntityMapping(name, schema, ImportMapping.Text(e, "id"), keys, properties)
        {
            Subject = e.TryGetProperty("subject", out var subject) ? SubjectMapping.Parse(subject, fileName, field + ".subject") : null,
        };
    }
}

/// <summary>Who an entity of a mapping is about: one category for every row (<c>subject: victim</c>, or
/// <c>{ value: victim }</c>), or a column naming it per row (<c>{ column: ROLE }</c>; an empty cell leaves the
/// contribution's category).</summary>
/// <param name="Fixed">The category of every row, when the mapping fixes it.</param>
/// <param name="Column">The column holding the category of each row.</param>
public sealed record SubjectMapping(SubjectCategory? Fixed, string? Column)
{
    internal static SubjectMapping Parse(JsonElement v, string fileName, string field)
    {
        string? text = v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.Object when v.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.String => value.GetString(),
            _ => null,
        };
        if (text is not null)
        {
            return SubjectCategories.TryParse(text, out var category)
                ? new SubjectMapping(category, null)
                : throw new ModelException($"'{text}' is not one of {string.Join(", ", SubjectCategories.Names)}", fileName, field: field);
        }

        return v.ValueKind == JsonValueKind.Object && v.TryGetProperty("column", out var column) && column.ValueKind == JsonValueKind.String
            ? new SubjectMapping(null, column.GetString())
            : throw new ModelException("a subject is a category (suspect, victim …), {value: …} or {column: …}", fileName, field: field);
    }
}

/// <summary>Where the values of one property come from.</summary>
/// <param name="Columns">Columns read as values, one value each.</param>
/// <param name="Template">A text with <c>{COLUMN}</c> placeholders, giving one value.</param>
/// <param name="Constant">A fixed value.</param>
/// <param name="Reference">Another entity of the same row, by its mapping name.</param>
public sealed record PropertyMapping(string Property, SchemaProperty Schema, IReadOnlyList<string> Columns, string? Template, string? Constant, string? Reference)
{
    internal static PropertyMapping Parse(SchemaProperty property, JsonElement v, string fileName, string field)
    {
        switch (v.ValueKind)
        {
            case JsonValueKind.String when v.GetString()!.StartsWith('@'):
                return new(property.Name, property, [], null, null, v.GetString()![1..]);
            case JsonValueKind.String when v.GetString()!.Contains('{', StringComparison.Ordinal):
                return new(property.Name, property, Mapping.Template.Columns(v.GetString()).ToList(), v.GetString(), null, null);
            case JsonValueKind.String:
                return new(property.Name, property, [v.GetString()!], null, null, null);
            case JsonValueKind.Array:
                return new(property.Name, property, ImportMapping.Names(v, fileName, field), null, null, null);
            case JsonValueKind.Object when v.TryGetProperty("value", out var constant):
                return new(property.Name, property, [], null, constant.ToString(), null);
            case JsonValueKind.Object when v.TryGetProperty("column", out var column) && column.ValueKind == JsonValueKind.String:
                return new(property.Name, property, [column.GetString()!], null, null, null);
            default:
                throw new ModelException("a property maps from a column, a list of columns, a {template}, {value: …} or @entity", fileName, field: field);
        }
    }
}
