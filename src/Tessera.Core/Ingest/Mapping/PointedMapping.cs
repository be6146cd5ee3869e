using System.Globalization;
using System.Text;
using Tessera.Core.Model;

namespace Tessera.Core.Ingest.Mapping;

/// <summary>A mapping made by pointing at columns: one schema, the column its record id comes from (if any), and one column
/// per property. Written as the YAML of <see cref="ImportMapping"/>, so that it is read, checked and imported by the same
/// rules as a mapping written by hand.</summary>
/// <param name="Schema">The schema of every row's record (Person, Vessel …).</param>
/// <param name="IdColumn">The column holding the provider's own id of the record; null to derive it from the row.</param>
/// <param name="Columns">Property name → column (the trimmed header), only for the properties that are mapped.</param>
public sealed record PointedMapping(string Schema, string? IdColumn, IReadOnlyDictionary<string, string> Columns)
{
    /// <summary>The mapping's single entity in the YAML.</summary>
    public const string EntityName = "record";

    /// <summary>The mapping as YAML: <c>format</c> from the file's kind, the delimiter and encoding left to detection, the
    /// region left to the provider's country.</summary>
    /// <param name="format"><c>csv</c> or <c>xlsx</c>.</param>
    public string ToYaml(string format)
    {
        var yaml = new StringBuilder();
        yaml.Append("# Made in the import wizard by pointing at columns.\n");
        yaml.Append("format: ").Append(format).Append('\n');
        yaml.Append("entities:\n");
        yaml.Append("  ").Append(EntityName).Append(":\n");
        yaml.Append("    schema: ").Append(Schema).Append('\n');
        if (IdColumn is { } id)
        {
            // An id template: "{COLUMN}"; a column whose name holds a brace cannot be named in a template.
            yaml.Append("    id: ").Append(Quote("{" + id + "}")).Append('\n');
        }

        yaml.Append("    properties:\n");
        foreach (var (property, column) in Columns.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            // A plain text would be read as a template ("{…}") or a reference ("@…"): name the column explicitly then.
            var value = column.Contains('{', StringComparison.Ordinal) || column.StartsWith('@') ? "{ column: " + Quote(column) + " }" : Quote(column);
            yaml.Append("      ").Append(property).Append(": ").Append(value).Append('\n');
        }

        return yaml.ToString();
    }

    /// <summary>Why this mapping cannot be written, or null: an unknown schema or property, a property that refers to another
    /// record, a column the file does not have, or an id column that cannot be named in a template.</summary>
    public string? Problem(IReadOnlyCollection<string> header)
    {
        if (!SchemaModel.Default.TryGetSchema(Schema, out var schema) || schema.IsAbstract)
        {
            return $"'{Schema}' is not a schema records can have";
        }

        if (IdColumn is { } id && (!header.Contains(id) || id.Contains('{', StringComparison.Ordinal) || id.Contains('}', StringComparison.Ordinal)))
        {
            return $"the id column '{id}' is not a column of the file that a template can name";
        }

        foreach (var (property, column) in Columns)
        {
            if (!schema.Properties.TryGetValue(property, out var p) || p.IsEntityReference)
            {
                return $"'{property}' is not a property of {Schema} that a column can fill";
            }

            if (!header.Contains(column))
            {
                return $"'{column}' is not a column of the file";
            }
        }

        return Columns.Count == 0 ? "map at least one column" : null;
    }

    /// <summary>The properties of <paramref name="schema"/> a column can fill, the usual ones first.</summary>
    public static IReadOnlyList<SchemaProperty> Fillable(Schema schema) =>
        schema.Properties.Values
            .Where(p => !p.IsEntityReference)
            .OrderBy(p => Array.IndexOf(Usual, p.Name) is var i and >= 0 ? i : Usual.Length)
            .ThenBy(p => p.Name, StringComparer.Ordinal)
            .ToList();

    /// <summary>A first guess: each fillable property whose name matches a column's name (letters and digits, any case).</summary>
    public static PointedMapping Guess(Schema schema, IReadOnlyList<string> header)
    {
        var columns = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var p in Fillable(schema))
        {
            if (header.FirstOrDefault(h => Key(h) == Key(p.Name)) is { } column)
            {
                columns[p.Name] = column;
            }
        }

        var id = header.FirstOrDefault(h => Key(h) is "id" or "recordid" or "reference");
        return new PointedMapping(schema.Name, id, columns);
    }

    private static readonly string[] Usual =
    [
        "name", "firstName", "lastName", "birthDate", "birthPlace", "nationality", "gender", "phone", "email", "passportNumber",
        "idNumber", "address", "country", "imoNumber", "mmsi", "registrationNumber", "iban", "amount", "currency", "date", "notes",
    ];

    private static string Key(string text) => string.Concat(text.Where(char.IsLetterOrDigit)).ToLower(CultureInfo.InvariantCulture);

    // A YAML double-quoted scalar: backslash and quote escaped, control characters as \uXXXX.
    private static string Quote(string text)
    {
        var quoted = new StringBuilder("\"");
        foreach (var c in text)
        {
            _ = c switch
            {
                '"' => quoted.Append("\\\""),
                '\\' => quoted.Append("\\\\"),
                < ' ' => quoted.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)),
                _ => quoted.Append(c),
            };
        }

        return quoted.Append('"').ToString();
    }
}
