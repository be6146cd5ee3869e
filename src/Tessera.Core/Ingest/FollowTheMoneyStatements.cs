using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Tessera.Core.Model;

namespace Tessera.Core.Ingest;

/// <summary>One row of FollowTheMoney's statement format: one value of one property of one entity, with its provenance.</summary>
/// <remarks>Columns and their order are those of <c>followthemoney.statement</c>'s CSV form. Every field is kept as text, so
/// that reading and writing a file gives back the same bytes.</remarks>
public sealed record FtmStatement(string CanonicalId, string EntityId, string Prop, string PropType, string Schema, string Value,
    string Dataset, string Origin, string Lang, string OriginalValue, string External, string FirstSeen, string LastSeen, string Id);

/// <summary>FollowTheMoney statements as CSV (RFC 4180, UTF-8, a header row): export with Tessera's value as provided beside
/// its normalised form, and import as Aleph, OpenSanctions and nomenklatura write them.</summary>
public static class FollowTheMoneyStatements
{
    /// <summary>The header row, in <c>followthemoney.statement.serialize.CSV_COLUMNS</c> order.</summary>
    public static readonly IReadOnlyList<string> Columns =
        ["canonical_id", "entity_id", "prop", "prop_type", "schema", "value", "dataset", "origin", "lang", "original_value", "external", "first_seen", "last_seen", "id"];

    /// <summary>The statement of one stored value: the normalised value in FollowTheMoney's form, the value as provided in
    /// <c>original_value</c> when it differs; first and last seen are when the contribution arrived.</summary>
    /// <param name="dataset">The dataset the statement belongs to (Tessera writes the contributing organisation).</param>
    public static FtmStatement From(string entityId, string schema, PropertyValue value, string dataset, string origin, DateTimeOffset seen)
    {
        ArgumentNullException.ThrowIfNull(value);
        var mapped = FollowTheMoneyExport.MapValue(schema, value);
        var prop = mapped?.Property ?? value.Property;
        var text = mapped?.Value ?? value.Value;
        var type = SchemaModel.Default.GetSchema(schema).Properties.TryGetValue(value.Property, out var p) ? TypeName(p, prop) : "string";
        var time = seen.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
        var original = string.Equals(value.Value, text, StringComparison.Ordinal) ? "" : value.Value;
        var ftmSchema = FollowTheMoneyExport.SchemaName(schema);
        return new FtmStatement(entityId, entityId, prop, type, ftmSchema, text, dataset, origin, "", original, "f", time, time,
            IdOf(dataset, entityId, prop, text));
    }

    // FollowTheMoney's statement id is a SHA-1 over dataset, entity, property and value: an identifier in FollowTheMoney's
    // form, not a security measure (nothing is protected by it).
#pragma warning disable CA5350
    private static string IdOf(string dataset, string entity, string prop, string value) =>
        Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes($"{dataset}.{entity}.{prop}.{value}")));
#pragma warning restore CA5350

    private static string TypeName(SchemaProperty p, string target) => target switch
    {
        "language" => "language",
        "gender" => "gender",
        _ => p.Type switch { PropertyTypes.Amount => "number", PropertyTypes.Text => "string", var t => t },
    };

    /// <summary>Writes the header and one row per statement; fields quoted when they hold a comma, quote or line break.</summary>
    public static void Write(TextWriter writer, IEnumerable<FtmStatement> statements)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(string.Join(',', Columns) + "\r\n");
        foreach (var s in statements)
        {
            string[] row = [s.CanonicalId, s.EntityId, s.Prop, s.PropType, s.Schema, s.Value, s.Dataset, s.Origin, s.Lang, s.OriginalValue,
                s.External, s.FirstSeen, s.LastSeen, s.Id];
            writer.Write(string.Join(',', row.Select(Quote)) + "\r\n");
        }
    }

    private static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;

    /// <summary>True when the first line of a file is a statement header (it names at least entity_id, prop, schema and value).</summary>
    public static bool IsStatementHeader(string firstLine)
    {
        var names = (firstLine ?? "").TrimStart('\uFEFF').Split(',').Select(n => n.Trim()).ToHashSet(StringComparer.Ordinal);
        return names.IsSupersetOf(["entity_id", "prop", "schema", "value"]);
    }

    /// <summary>Reads every statement of a CSV file; columns are found by the header's names, in any order, so that older
    /// files (with <c>target</c>, without <c>origin</c>) read too.</summary>
    /// <exception cref="ModelException">The header lacks a required column, a row has another number of fields than the header,
    /// or a quote is not closed; the message names the file, line and field.</exception>
    public static IReadOnlyList<FtmStatement> Read(TextReader reader, string file)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var rows = Rows(reader, file).GetEnumerator();
        if (!rows.MoveNext())
        {
            throw new ModelException("the file is empty; a statement file starts with a header row", file, 1);
        }

        var header = rows.Current.Fields.Select(f => f.TrimStart('\uFEFF')).ToList();
        int Column(string name, bool required)
        {
            var i = header.IndexOf(name);
            return i >= 0 || !required ? i : throw new ModelException($"the header has no column '{name}'", file, 1, name);
        }

        var idx = Columns.ToDictionary(c => c, c => Column(c, c is "entity_id" or "prop" or "schema" or "value"), StringComparer.Ordinal);
        var statements = new List<FtmStatement>();
        while (rows.MoveNext())
        {
            var (line, fields) = rows.Current;
            if (fields.Count == 1 && fields[0].Length == 0)
            {
                continue;
            }

            if (fields.Count != header.Count)
            {
                throw new ModelException(string.Create(CultureInfo.InvariantCulture, $"the row has {fields.Count} fields, the header {header.Count}"), file, line);
            }

            string F(string name) => idx[name] >= 0 ? fields[idx[name]] : "";
            foreach (var required in (string[])["entity_id", "prop", "schema"])
            {
                if (F(required).Length == 0)
                {
                    throw new ModelException($"'{required}' is empty", file, line, required);
                }
            }

            statements.Add(new FtmStatement(F("canonical_id"), F("entity_id"), F("prop"), F("prop_type"), F("schema"), F("value"), F("dataset"),
                F("origin"), F("lang"), F("original_value"), F("external"), F("first_seen"), F("last_seen"), F("id")));
        }

        return statements;
    }

    // RFC 4180 fields; a quoted field may span lines. Each row comes with the line it starts on.
    private static IEnumerable<(int Line, List<string> Fields)> Rows(TextReader reader, string file)
    {
        var line = 0;
        while (reader.ReadLine() is { } text)
        {
            line++;
            var start = line;
            var fields = new List<string>();
            var field = new StringBuilder();
            var i = 0;
            var quoted = false;
            while (true)
            {
                if (quoted)
                {
                    if (i >= text.Length)
                    {
                        text = reader.ReadLine() ?? throw new ModelException("a quoted field is not closed", file, start);
                        line++;
                        field.Append("\r\n");
                        i = 0;
                        continue;
                    }

                    if (text[i] == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"')
                        {
                            field.Append('"');
                            i += 2;
                            continue;
                        }

                        quoted = false;
                        i++;
                        continue;
                    }

                    field.Append(text[i++]);
                    continue;
                }

                if (i >= text.Length)
                {
                    fields.Add(field.ToString());
                    break;
                }

                var c = text[i++];
                if (c == ',')
                {
                    fields.Add(field.ToString());
                    field.Clear();
                }
                else if (c == '"' && field.Length == 0)
                {
                    quoted = true;
                }
                else
                {
                    field.Append(c);
                }
            }

            yield return (start, fields);
        }
    }

    /// <summary>The entities the statements describe, in first-seen order, each value as provided (<c>original_value</c>
    /// when set, else <c>value</c>) under Tessera's property name.</summary>
    /// <exception cref="ModelException">A schema or property is unknown to Tessera and its extension, or one entity has two schemata.</exception>
    public static IReadOnlyList<Entity> ToEntities(IReadOnlyList<FtmStatement> statements, string file)
    {
        ArgumentNullException.ThrowIfNull(statements);
        var order = new List<string>();
        var byId = new Dictionary<string, (string Schema, List<PropertyValue> Values)>(StringComparer.Ordinal);
        for (var row = 0; row < statements.Count; row++)
        {
            var s = statements[row];
            var line = row + 2;
            var schemaName = FollowTheMoneyExport.TesseraSchema(s.Schema);
            if (!SchemaModel.Default.TryGetSchema(schemaName, out var schema) || schema.IsAbstract)
            {
                throw new ModelException($"unknown schema '{s.Schema}'", file, line, "schema");
            }

            if (!byId.TryGetValue(s.EntityId, out var entity))
            {
                byId[s.EntityId] = entity = (schema.Name, []);
                order.Add(s.EntityId);
            }
            else if (entity.Schema != schema.Name)
            {
                throw new ModelException($"entity '{s.EntityId}' is a {entity.Schema} on an earlier line and a {schema.Name} here", file, line, "schema");
            }

            if (s.Prop == "id" || (schema.Name == "Post" && s.Prop == "fileName"))
            {
                continue;
            }

            var prop = FollowTheMoneyExport.TesseraProperty(schema.Name, s.Prop);
            if (!schema.Properties.ContainsKey(prop))
            {
                throw new ModelException($"unknown property '{s.Prop}' of schema {s.Schema}", file, line, "prop");
            }

            var value = s.OriginalValue.Length > 0 ? s.OriginalValue : s.Value;
            TextHygiene.Require(value, file, line, "value");
            entity.Values.Add(new PropertyValue(prop, value));
        }

        return order.Select(id => new Entity(id, byId[id].Schema, byId[id].Values)).ToList();
    }
}
