using System.Text;
using Tessera.Core.Model;

namespace Tessera.Core.Matching;

/// <summary>Reads persons from a CSV file with a column → property mapping (RFC 4180 quoting; header cells trimmed).</summary>
public static class PersonCsv
{
    /// <summary>The person properties a column can be mapped to.</summary>
    public static readonly IReadOnlySet<string> Properties = new HashSet<string>(StringComparer.Ordinal)
    {
        "name", "firstName", "middleName", "lastName", "fatherName", "alias", "birthDate", "birthPlace", "nationality", "gender",
        "idNumber", "passportNumber", "phone", "email", "iban", "street", "street2", "city", "postalCode", "region", "country",
    };

    /// <summary>Parses "COLUMN=property" mappings; an unknown property is a <see cref="ModelException"/>.</summary>
    public static IReadOnlyList<(string Column, string Property)> ParseMappings(IEnumerable<string> maps)
    {
        var result = new List<(string, string)>();
        foreach (var map in maps)
        {
            var eq = map.LastIndexOf('=');
            if (eq <= 0 || eq == map.Length - 1)
            {
                throw new ModelException($"mapping '{map}' is not COLUMN=property", field: "--map");
            }

            var property = map[(eq + 1)..].Trim();
            if (!Properties.Contains(property))
            {
                throw new ModelException($"unknown person property '{property}' (known: {string.Join(", ", Properties.Order(StringComparer.Ordinal))})", field: "--map");
            }

            result.Add((map[..eq].Trim(), property));
        }

        return result;
    }

    /// <summary>Reads every row of <paramref name="path"/> into a person; bad input names the file, line and field.</summary>
    public static List<PersonRecord> Read(string path, string idColumn, IReadOnlyList<(string Column, string Property)> mappings)
    {
        if (!File.Exists(path))
        {
            throw new ModelException("file not found", path);
        }

        using var reader = new StreamReader(path, Encoding.UTF8);
        var line = 1;
        var header = ReadRow(reader, ref line) ?? throw new ModelException("empty file: no header row", path, 1);
        var columns = header.Select(h => h.Trim()).ToList();
        int Index(string column, string field)
        {
            var idx = columns.IndexOf(column);
            return idx >= 0 ? idx : throw new ModelException($"no column '{column}' in the header", path, 1, field);
        }

        var idIndex = Index(idColumn.Trim(), "--id-column");
        var mapped = mappings.Select(m => (Index: Index(m.Column, m.Column), m.Property)).ToList();
        var records = new List<PersonRecord>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            var rowLine = line;
            var row = ReadRow(reader, ref line);
            if (row is null)
            {
                break;
            }

            if (row.Count == 1 && row[0].Length == 0)
            {
                continue;
            }

            if (row.Count != columns.Count)
            {
                throw new ModelException($"expected {columns.Count} cells, found {row.Count}", path, rowLine, columns[Math.Min(row.Count, columns.Count) - 1]);
            }

            var id = row[idIndex].Trim();
            if (id.Length == 0)
            {
                throw new ModelException("empty id", path, rowLine, columns[idIndex]);
            }

            if (!seen.Add(id))
            {
                throw new ModelException($"duplicate id '{id}'", path, rowLine, columns[idIndex]);
            }

            records.Add(ToRecord(id, mapped.Select(m => (m.Property, row[m.Index].Trim()))));
        }

        return records;
    }

    private static PersonRecord ToRecord(string id, IEnumerable<(string Property, string Value)> cells)
    {
        var values = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (property, value) in cells)
        {
            if (value.Length > 0)
            {
                (values.TryGetValue(property, out var list) ? list : values[property] = []).Add(value);
            }
        }

        string? One(string p) => values.TryGetValue(p, out var v) ? string.Join(' ', v) : null;
        IReadOnlyList<string> Many(string p) => values.TryGetValue(p, out var v) ? v : [];
        return new PersonRecord(id)
        {
            Name = One("name"), FirstName = One("firstName"), MiddleName = One("middleName"), LastName = One("lastName"),
            FatherName = One("fatherName"), Aliases = Many("alias"), BirthDate = One("birthDate"), BirthPlace = One("birthPlace"),
            Nationality = One("nationality"), Gender = One("gender"), IdNumbers = Many("idNumber"), PassportNumbers = Many("passportNumber"),
            Phones = Many("phone"), Emails = Many("email"), Ibans = Many("iban"), Street = One("street"), Street2 = One("street2"),
            City = One("city"), PostalCode = One("postalCode"), Region = One("region"), Country = One("country"),
        };
    }

    /// <summary>One RFC 4180 row (quoted cells may span lines), or null at the end of the file.</summary>
    internal static List<string>? ReadRow(TextReader reader, ref int line)
    {
        var c = reader.Read();
        if (c < 0)
        {
            return null;
        }

        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        while (true)
        {
            if (c < 0)
            {
                cells.Add(cell.ToString());
                return cells;
            }

            var ch = (char)c;
            if (quoted)
            {
                if (ch == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        cell.Append('"');
                        reader.Read();
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    line += ch == '\n' ? 1 : 0;
                    cell.Append(ch);
                }
            }
            else if (ch == '"' && cell.ToString().Trim().Length == 0)
            {
                cell.Clear();
                quoted = true;
            }
            else if (ch == ',')
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else if (ch == '\n' || ch == '\r')
            {
                if (ch == '\r' && reader.Peek() == '\n')
                {
                    reader.Read();
                }

                line++;
                cells.Add(cell.ToString());
                return cells;
            }
            else
            {
                cell.Append(ch);
            }

            c = reader.Read();
        }
    }
}
