using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Tessera.Core.Model;

namespace Tessera.Core.Ingest.Mapping;

/// <summary>A value that was kept but did not validate, or another problem found in a row.</summary>
public sealed record ImportProblem(string File, int Line, string Column, string Property, string Value, string Reason)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{File}:{Line}: column '{Column}' ({Property}): {Reason}: '{Value}'");
}

/// <summary>What a table becomes under a mapping: entities (merged by id) and the problems found.</summary>
public sealed record MappedTable(IReadOnlyList<Entity> Entities, IReadOnlyList<ImportProblem> Problems, int Rows);

/// <summary>Turns the rows of a table into entities as a mapping says, normalising every value.</summary>
public static class RowMapper
{
    /// <summary>Maps every row (or the first <paramref name="limit"/> for a preview).</summary>
    /// <param name="normalise">Normalises one raw value of a property; invalid values are kept and reported.</param>
    /// <param name="idPrefix">Prefix of generated ids, e.g. the organisation code, so that providers' ids never collide.</param>
    /// <exception cref="ModelException">A mapped column is missing from the table.</exception>
    public static MappedTable Map(Table table, ImportMapping mapping, Func<SchemaProperty, string, PropertyValue> normalise, string idPrefix, int? limit = null)
    {
        var columns = mapping.Columns.ToDictionary(c => c, table.Column, StringComparer.Ordinal);
        var entities = new Dictionary<string, (string Schema, List<PropertyValue> Values, HashSet<(string, string)> Seen)>(StringComparer.Ordinal);
        var order = new List<string>();
        var problems = new List<ImportProblem>();
        var rows = limit is { } n ? table.Rows.Take(n) : table.Rows;
        var count = 0;
        foreach (var row in rows)
        {
            count++;
            var ids = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var e in mapping.Entities)
            {
                if (IdOf(e, row, columns, idPrefix, table.File) is { } id)
                {
                    ids[e.Name] = id;
                }
            }

            foreach (var e in mapping.Entities.Where(e => ids.ContainsKey(e.Name)))
            {
                var values = ValuesOf(e, row, columns, ids, normalise, table.File, problems);
                if (values.Count == 0 || (e.Schema.Edge is { } edge && !(values.Any(v => v.Property == edge.Source) && values.Any(v => v.Property == edge.Target))))
                {
                    // A relationship needs both its ends in the row.
                    continue;
                }

                var id = ids[e.Name];
                if (!entities.TryGetValue(id, out var entity))
                {
                    entities[id] = entity = (e.Schema.Name, [], []);
                    order.Add(id);
                }

                foreach (var v in values.Where(v => entity.Seen.Add((v.Property, v.Value))))
                {
                    entity.Values.Add(v);
                }
            }
        }

        return new MappedTable(order.Select(id => new Entity(id, entities[id].Schema, entities[id].Values)).ToList(), problems, count);
    }

    // An entity exists in a row when any of its own columns has a value; its id comes from the template, its keys, or the row.
    private static string? IdOf(EntityMapping e, TableRow row, Dictionary<string, int> columns, string prefix, string file)
    {
        var own = e.Keys.Concat(Template.Columns(e.IdTemplate)).Concat(e.Properties.Where(p => p.Reference is null).SelectMany(p => p.Columns)).ToList();
        if (own.Count > 0 && !own.Any(c => row[columns[c]].Trim().Length > 0))
        {
            return null;
        }

        if (e.IdTemplate is not null)
        {
            return Template.Fill(e.IdTemplate, c => row[columns[c]].Trim());
        }

        var basis = e.Keys.Count > 0
            ? string.Join('\u001f', e.Keys.Select(k => row[columns[k]].Trim().ToUpperInvariant()))
            : string.Join('\u001f', row.Cells) + "\u001f" + row.Line.ToString(CultureInfo.InvariantCulture);
        if (e.Keys.Count > 0 && e.Keys.All(k => row[columns[k]].Trim().Length == 0))
        {
            return null;
        }

        // Keyed entities are identified by schema and key, so that the same phone holder on the calling and the called
        // side of an intercept, on any row, is one person.
        var scope = e.Keys.Count > 0 ? e.Schema.Name : file + "\u001f" + e.Name;
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(scope + "\u001f" + basis));
        return $"{prefix}-{e.Schema.Name.ToLowerInvariant()}-{Convert.ToHexStringLower(hash, 0, 8)}";
    }

    private static List<PropertyValue> ValuesOf(EntityMapping e, TableRow row, Dictionary<string, int> columns, Dictionary<string, string> ids,
        Func<SchemaProperty, string, PropertyValue> normalise, string file, List<ImportProblem> problems)
    {
        var values = new List<PropertyValue>();
        foreach (var p in e.Properties)
        {
            if (p.Reference is not null)
            {
                if (ids.TryGetValue(p.Reference, out var target))
                {
                    values.Add(new PropertyValue(p.Property, target));
                }

                continue;
            }

            foreach (var (column, raw) in RawValues(p, row, columns))
            {
                var value = normalise(p.Schema, raw);
                if (!value.Valid)
                {
                    problems.Add(new ImportProblem(file, row.Line, column, p.Property, raw, value.Reason ?? "invalid"));
                }

                values.Add(value);
            }
        }

        return values;
    }

    private static IEnumerable<(string Column, string Raw)> RawValues(PropertyMapping p, TableRow row, Dictionary<string, int> columns)
    {
        if (p.Constant is not null)
        {
            yield return ("(constant)", p.Constant);
        }
        else if (p.Template is not null)
        {
            if (Template.Fill(p.Template, c => row[columns[c]].Trim()) is { } filled)
            {
                yield return (string.Join('+', p.Columns), filled);
            }
        }
        else
        {
            foreach (var c in p.Columns)
            {
                var raw = row[columns[c]].Trim();
                if (raw.Length > 0)
                {
                    yield return (c, raw);
                }
            }
        }
    }
}
