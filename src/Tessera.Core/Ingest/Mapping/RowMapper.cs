using System.Globalization;
using System.Runtime.ExceptionServices;
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
/// <remarks>
/// Two stages: every row is mapped and normalised on its own — in parallel over chunks of rows, each raw value normalised
/// once per import (<see cref="ValueCache"/>) — then the rows are merged into entities strictly in row order, so the
/// entities, their values and the problems come out exactly as a single pass over the rows would give them.
/// </remarks>
public static class RowMapper
{
    // Rows per parallel work item: large enough that scheduling costs nothing, small enough that two cores share the work evenly.
    private const int ChunkRows = 2_048;

    /// <summary>Maps every row (or the first <paramref name="limit"/> for a preview).</summary>
    /// <param name="normalise">Normalises one raw value of a property; invalid values are kept and reported. It must be a
    /// pure function: it is called from several threads, and once per distinct raw value of a property.</param>
    /// <param name="idPrefix">Prefix of generated ids, e.g. the organisation code, so that providers' ids never collide.</param>
    /// <exception cref="ModelException">A mapped column is missing from the table, a row holds a value that is no subject category, or one
    /// entity is given two categories; the message names file, line and field, and the whole table is refused.</exception>
    public static MappedTable Map(Table table, ImportMapping mapping, Func<SchemaProperty, string, PropertyValue> normalise, string idPrefix, int? limit = null)
    {
        var columns = mapping.Columns.ToDictionary(c => c, table.Column, StringComparer.Ordinal);
        var plan = new RowPlan(mapping, columns, normalise, idPrefix, table.File);
        var rows = limit is { } n && n < table.Rows.Count ? table.Rows.Take(Math.Max(n, 0)).ToList() : table.Rows;
        var mapped = new MappedRow[rows.Count];
        var chunks = (rows.Count + ChunkRows - 1) / ChunkRows;
        var failures = new Exception?[chunks];
        Parallel.For(0, chunks, c =>
        {
            try
            {
                for (var i = c * ChunkRows; i < Math.Min(rows.Count, (c + 1) * ChunkRows); i++)
                {
                    mapped[i] = plan.Map(rows[i]);
                }
            }
            catch (Exception ex)
            {
                failures[c] = ex;
            }
        });

        // The first failure in row order, as a single pass would have thrown it.
        if (failures.FirstOrDefault(f => f is not null) is { } failure)
        {
            ExceptionDispatchInfo.Capture(failure).Throw();
        }

        return Merge(mapping, mapped, table.File);
    }

    private static MappedTable Merge(ImportMapping mapping, MappedRow[] mapped, string file)
    {
        var entities = new Dictionary<string, MergedEntity>(StringComparer.Ordinal);
        var order = new List<MergedEntity>();
        var problems = new List<ImportProblem>();
        foreach (var row in mapped)
        {
            if (row.Problems is { } found)
            {
                problems.AddRange(found);
            }

            for (var k = 0; k < mapping.Entities.Count; k++)
            {
                if (row.Values[k] is not { } values)
                {
                    continue;
                }

                var id = row.Ids[k]!;
                if (!entities.TryGetValue(id, out var entity))
                {
                    entities[id] = entity = new MergedEntity(id, mapping.Entities[k].Schema.Name);
                    order.Add(entity);
                }

                foreach (var v in values)
                {
                    entity.Add(v);
                }

                if (row.Subjects?[k] is { } subject)
                {
                    entity.SetSubject(subject, file, row.Line, mapping.Entities[k].Subject!.Column ?? $"entities.{mapping.Entities[k].Name}.subject");
                }
            }
        }

        return new MappedTable(order.Select(e => new Entity(e.Id, e.Schema, e.Values) { Subject = e.Subject }).ToList(), problems, mapped.Length);
    }

    /// <summary>One row mapped: per entity of the mapping, its id (null when absent), its values (null when not created) and
    /// the subject category the row gives it (null when it gives none).</summary>
    private sealed record MappedRow(string?[] Ids, List<PropertyValue>?[] Values, List<ImportProblem>? Problems, SubjectCategory?[]? Subjects, int Line);

    /// <summary>An entity being merged from rows: each (property, value) is kept once, in the order first seen.</summary>
    private sealed class MergedEntity(string id, string schema)
    {
        // Below this many values a scan is cheaper than a set; most entities come from one row with a dozen values.
        private const int ScanLimit = 24;
        private HashSet<(string, string)>? _seen;

        public string Id => id;

        public string Schema => schema;

        public List<PropertyValue> Values { get; } = [];

        public SubjectCategory? Subject { get; private set; }

        private int _subjectLine;

        // One entity is about one kind of person: rows that disagree are refused, never resolved by a guess.
        public void SetSubject(SubjectCategory subject, string file, int line, string field)
        {
            if (Subject is { } earlier && earlier != subject)
            {
                throw new ModelException(string.Create(CultureInfo.InvariantCulture,
                    $"entity {id} is a {subject.Name()} here but a {earlier.Name()} on line {_subjectLine}"), file, line, field);
            }

            if (Subject is null)
            {
                (Subject, _subjectLine) = (subject, line);
            }
        }

        public void Add(PropertyValue v)
        {
            if (_seen is null && Values.Count >= ScanLimit)
            {
                _seen = Values.Select(x => (x.Property, x.Value)).ToHashSet();
            }

            var isNew = _seen?.Add((v.Property, v.Value)) ?? !Values.Exists(x => x.Property == v.Property && x.Value == v.Value);
            if (isNew)
            {
                Values.Add(v);
            }
        }
    }

    /// <summary>The mapping prepared for rows: the columns each entity owns and a value cache per mapped property.</summary>
    private sealed class RowPlan
    {
        private readonly ImportMapping _mapping;
        private readonly Dictionary<string, int> _columns;
        private readonly string _prefix;
        private readonly string _file;
        private readonly List<string>[] _own;
        private readonly ValueCache[][] _caches;

        public RowPlan(ImportMapping mapping, Dictionary<string, int> columns, Func<SchemaProperty, string, PropertyValue> normalise, string prefix, string file)
        {
            _mapping = mapping;
            _columns = columns;
            _prefix = prefix;
            _file = file;
            _own = [.. mapping.Entities.Select(e => e.Keys.Concat(Template.Columns(e.IdTemplate)).Concat(e.Properties.Where(p => p.Reference is null).SelectMany(p => p.Columns)).ToList())];
            _caches = [.. mapping.Entities.Select(e => e.Properties.Select(p => new ValueCache(p.Schema, normalise)).ToArray())];
        }

        public MappedRow Map(TableRow row)
        {
            var count = _mapping.Entities.Count;
            var ids = new Dictionary<string, string>(StringComparer.Ordinal);
            var rowIds = new string?[count];
            for (var k = 0; k < count; k++)
            {
                if (IdOf(k, row) is { } id)
                {
                    ids[_mapping.Entities[k].Name] = rowIds[k] = id;
                }
            }

            var values = new List<PropertyValue>?[count];
            List<ImportProblem>? problems = null;
            for (var k = 0; k < count; k++)
            {
                var e = _mapping.Entities[k];
                if (rowIds[k] is null)
                {
                    continue;
                }

                var found = ValuesOf(k, row, ids, ref problems);
                // A relationship needs both its ends in the row.
                if (found.Count > 0 && !(e.Schema.Edge is { } edge && !(found.Exists(v => v.Property == edge.Source) && found.Exists(v => v.Property == edge.Target))))
                {
                    values[k] = found;
                }
            }

            return new MappedRow(rowIds, values, problems, SubjectsOf(row, values), row.Line);
        }

        // The category each created entity of the row is about, fixed by the mapping or read from its column.
        private SubjectCategory?[]? SubjectsOf(TableRow row, List<PropertyValue>?[] values)
        {
            SubjectCategory?[]? subjects = null;
            for (var k = 0; k < values.Length; k++)
            {
                if (values[k] is null || _mapping.Entities[k].Subject is not { } mapping)
                {
                    continue;
                }

                var category = mapping.Fixed;
                if (mapping.Column is { } column && row[_columns[column]].Trim() is { Length: > 0 } raw)
                {
                    category = SubjectCategories.TryParse(raw, out var c)
                        ? c
                        : throw new ModelException($"'{raw}' is not a subject category ({string.Join(", ", SubjectCategories.Names)})", _file, row.Line, column);
                }

                if (category is not null)
                {
                    (subjects ??= new SubjectCategory?[values.Length])[k] = category;
                }
            }

            return subjects;
        }

        // An entity exists in a row when any of its own columns has a value; its id comes from the template, its keys, or the row.
        private string? IdOf(int k, TableRow row)
        {
            var e = _mapping.Entities[k];
            var own = _own[k];
            if (own.Count > 0 && !own.Exists(c => row[_columns[c]].AsSpan().Trim().Length > 0))
            {
                return null;
            }

            if (e.IdTemplate is not null)
            {
                return Template.Fill(e.IdTemplate, c => row[_columns[c]].Trim());
            }

            var basis = e.Keys.Count > 0
                ? string.Join('\u001f', e.Keys.Select(key => row[_columns[key]].Trim().ToUpperInvariant()))
                : string.Join('\u001f', row.Cells) + "\u001f" + row.Line.ToString(CultureInfo.InvariantCulture);
            if (e.Keys.Count > 0 && e.Keys.All(key => row[_columns[key]].Trim().Length == 0))
            {
                return null;
            }

            // Keyed entities are identified by schema and key, so that the same phone holder on the calling and the called
            // side of an intercept, on any row, is one person.
            var scope = e.Keys.Count > 0 ? e.Schema.Name : _file + "\u001f" + e.Name;
            var hash = SHA256.HashData(Encoding.UTF8.GetBytes(scope + "\u001f" + basis));
            return $"{_prefix}-{e.Schema.Name.ToLowerInvariant()}-{Convert.ToHexStringLower(hash, 0, 8)}";
        }

        private List<PropertyValue> ValuesOf(int k, TableRow row, Dictionary<string, string> ids, ref List<ImportProblem>? problems)
        {
            var e = _mapping.Entities[k];
            var values = new List<PropertyValue>(e.Properties.Count);
            for (var j = 0; j < e.Properties.Count; j++)
            {
                var p = e.Properties[j];
                if (p.Reference is not null)
                {
                    if (ids.TryGetValue(p.Reference, out var target))
                    {
                        values.Add(new PropertyValue(p.Property, target));
                    }

                    continue;
                }

                foreach (var (column, raw) in RawValues(p, row))
                {
                    var value = _caches[k][j].Normalise(raw);
                    if (!value.Valid)
                    {
                        (problems ??= []).Add(new ImportProblem(_file, row.Line, column, p.Property, raw, value.Reason ?? "invalid"));
                    }

                    values.Add(value);
                }
            }

            return values;
        }

        private IEnumerable<(string Column, string Raw)> RawValues(PropertyMapping p, TableRow row)
        {
            if (p.Constant is not null)
            {
                yield return ("(constant)", p.Constant);
            }
            else if (p.Template is not null)
            {
                if (Template.Fill(p.Template, c => row[_columns[c]].Trim()) is { } filled)
                {
                    yield return (string.Join('+', p.Columns), filled);
                }
            }
            else
            {
                foreach (var c in p.Columns)
                {
                    var raw = row[_columns[c]].Trim();
                    if (raw.Length > 0)
                    {
                        yield return (c, raw);
                    }
                }
            }
        }
    }
}
