using System.Globalization;
using System.Text;
using Tessera.Core.Model;

namespace Tessera.Core.Ingest.Mapping;

/// <summary>A table read from a CSV or XLSX file: trimmed header names and rows with their line numbers in the file.</summary>
public sealed record Table(string File, IReadOnlyList<string> Header, IReadOnlyList<TableRow> Rows, string Encoding, char? Delimiter)
{
    /// <summary>The index of a column by its (trimmed) header name.</summary>
    /// <exception cref="ModelException">The column does not exist.</exception>
    public int Column(string name)
    {
        for (var i = 0; i < Header.Count; i++)
        {
            if (string.Equals(Header[i], name.Trim(), StringComparison.Ordinal))
            {
                return i;
            }
        }

        throw new ModelException($"no column '{name}' (columns: {string.Join(", ", Header)})", File, 1, name);
    }

    /// <summary>Reads a CSV (delimiter and encoding detected unless given) or XLSX file.</summary>
    public static Table Read(string path, string? declaredEncoding = null, string? declaredDelimiter = null, string? sheet = null)
    {
        var name = Path.GetFileName(path);
        if (path.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            return Xlsx.Read(path, name, sheet);
        }

        var bytes = System.IO.File.ReadAllBytes(path);
        var encoding = TextEncodings.Detect(bytes, declaredEncoding, name);
        var text = encoding.Encoding.GetString(bytes, encoding.PreambleLength, bytes.Length - encoding.PreambleLength);
        return Csv.Parse(text, name, declaredDelimiter, encoding.Name);
    }
}

/// <summary>One data row: its line number in the file (1-based, header is line 1 for CSV) and its cells.</summary>
public sealed record TableRow(int Line, string[] Cells)
{
    public string this[int column] => column < Cells.Length ? Cells[column] : "";
}

/// <summary>RFC 4180 CSV: quoted fields with doubled quotes and line breaks inside, any single-character delimiter.</summary>
internal static class Csv
{
    private static readonly char[] Candidates = [',', ';', '\t', '|'];

    public static Table Parse(string text, string file, string? declaredDelimiter, string encoding)
    {
        var delimiter = declaredDelimiter is { Length: > 0 } d ? (d == "\\t" || d == "tab" ? '\t' : d[0]) : Detect(text);
        var rows = new List<TableRow>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var rowLine = 1;
        var quoted = false;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i += 2;
                    continue;
                }

                if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    line += c == '\n' ? 1 : 0;
                    field.Append(c);
                }

                i++;
                continue;
            }

            if (c == '"' && field.Length == 0)
            {
                quoted = true;
            }
            else if (c == delimiter)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c is '\n' or '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                fields.Add(field.ToString());
                field.Clear();
                AddRow(rows, fields, rowLine);
                line++;
                rowLine = line;
            }
            else
            {
                field.Append(c);
            }

            i++;
        }

        if (quoted)
        {
            throw new ModelException("a quoted field is not closed", file, rowLine);
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            AddRow(rows, fields, rowLine);
        }

        if (rows.Count == 0)
        {
            throw new ModelException("the file is empty: a header row is needed", file, 1);
        }

        var header = rows[0].Cells.Select(h => h.Trim().TrimStart('\uFEFF')).ToList();
        return new Table(file, header, rows.Skip(1).ToList(), encoding, delimiter);
    }

    private static void AddRow(List<TableRow> rows, List<string> fields, int line)
    {
        if (!(fields.Count == 1 && fields[0].Length == 0))
        {
            rows.Add(new TableRow(line, fields.ToArray()));
        }

        fields.Clear();
    }

    // The delimiter is the candidate that appears most often in the header line, outside quotes.
    private static char Detect(string text)
    {
        var end = text.IndexOf('\n', StringComparison.Ordinal);
        var header = end < 0 ? text : text[..end];
        return Candidates.OrderByDescending(c => header.Count(h => h == c)).ThenBy(c => Array.IndexOf(Candidates, c)).First();
    }
}

/// <summary>XLSX sheets through MiniExcel: the first row is the header; dates become ISO 8601, numbers invariant.</summary>
internal static class Xlsx
{
    public static Table Read(string path, string file, string? sheet)
    {
        List<IDictionary<string, object?>> raw;
        try
        {
            raw = MiniExcelLibs.MiniExcel.Query(path, useHeaderRow: false, sheetName: sheet).Cast<IDictionary<string, object?>>().ToList();
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or InvalidDataException or ArgumentException or System.Xml.XmlException)
        {
            throw new ModelException("not a readable XLSX workbook: " + ex.Message, file);
        }

        if (raw.Count == 0)
        {
            throw new ModelException("the sheet is empty: a header row is needed", file, 1);
        }

        var columns = raw[0].Keys.ToList();
        var header = columns.Select(c => Cell(raw[0][c]).Trim()).ToList();
        var rows = raw.Skip(1).Select((r, i) => new TableRow(i + 2, columns.Select(c => Cell(r.TryGetValue(c, out var v) ? v : null)).ToArray()))
            .Where(r => r.Cells.Any(c => c.Length > 0))
            .ToList();
        return new Table(file, header, rows, "xlsx", null);
    }

    private static string Cell(object? value) => value switch
    {
        null => "",
        DateTime d when d.TimeOfDay == TimeSpan.Zero => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime d => d.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture),
        double n => n.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
