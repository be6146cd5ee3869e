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
    /// <exception cref="ModelException">The file is not a readable table or exceeds <see cref="IngestLimits"/>.</exception>
    public static Table Read(string path, string? declaredEncoding = null, string? declaredDelimiter = null, string? sheet = null) =>
        Read(System.IO.File.ReadAllBytes(path), Path.GetFileName(path), declaredEncoding, declaredDelimiter, sheet);

    /// <summary>Reads a table from its bytes; the name's extension decides the format (.xlsx, else CSV).</summary>
    /// <exception cref="ModelException">The content is not a readable table or exceeds <see cref="IngestLimits"/>.</exception>
    public static Table Read(byte[] content, string name, string? declaredEncoding = null, string? declaredDelimiter = null, string? sheet = null)
    {
        if (name.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            return Xlsx.Read(content, name, sheet);
        }

        var encoding = TextEncodings.Detect(content, declaredEncoding, name);
        var text = TextEncodings.Decode(content, encoding.PreambleLength, encoding.Encoding, name);
        return Csv.Parse(text, name, declaredDelimiter, encoding.Name);
    }
}

/// <summary>One data row: its line number in the file (1-based, header is line 1 for CSV) and its cells.</summary>
public sealed record TableRow(int Line, string[] Cells)
{
    public string this[int column] => column < Cells.Length ? Cells[column] : "";
}

/// <summary>RFC 4180 CSV: quoted fields with doubled quotes and line breaks inside, any single-character delimiter.</summary>
/// <remarks>Bounded by <see cref="IngestLimits"/>: rows, columns and field length; every cell passes <see cref="TextHygiene"/>.</remarks>
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
                    Append(field, c, file, rowLine);
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
                AddField(fields, field, file, rowLine);
            }
            else if (c is '\n' or '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                AddField(fields, field, file, rowLine);
                AddRow(rows, fields, file, rowLine);
                line++;
                rowLine = line;
            }
            else
            {
                Append(field, c, file, rowLine);
            }

            i++;
        }

        if (quoted)
        {
            throw new ModelException("a quoted field is not closed", file, rowLine);
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            AddField(fields, field, file, rowLine);
            AddRow(rows, fields, file, rowLine);
        }

        if (rows.Count == 0)
        {
            throw new ModelException("the file is empty: a header row is needed", file, 1);
        }

        var header = rows[0].Cells.Select(h => h.Trim().TrimStart('\uFEFF')).ToList();
        return new Table(file, header, rows.Skip(1).ToList(), encoding, delimiter);
    }

    private static void Append(StringBuilder field, char c, string file, int line)
    {
        if (field.Length >= IngestLimits.MaxFieldChars)
        {
            throw new ModelException(string.Create(CultureInfo.InvariantCulture, $"a field is longer than {IngestLimits.MaxFieldChars:N0} characters"), file, line);
        }

        field.Append(c);
    }

    private static void AddField(List<string> fields, StringBuilder field, string file, int line)
    {
        if (fields.Count >= IngestLimits.MaxColumns)
        {
            throw new ModelException(string.Create(CultureInfo.InvariantCulture, $"a row has more than {IngestLimits.MaxColumns:N0} columns"), file, line);
        }

        fields.Add(field.ToString());
        field.Clear();
    }

    private static void AddRow(List<TableRow> rows, List<string> fields, string file, int line)
    {
        if (!(fields.Count == 1 && fields[0].Length == 0))
        {
            if (rows.Count > IngestLimits.MaxRows)
            {
                throw new ModelException(string.Create(CultureInfo.InvariantCulture, $"the file has more than {IngestLimits.MaxRows:N0} rows; split it and import the parts"), file, line);
            }

            for (var c = 0; c < fields.Count; c++)
            {
                TextHygiene.Require(fields[c], file, line, rows.Count == 0 ? null : rows[0][c].Trim());
            }

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
/// <remarks>The workbook passes <see cref="XlsxGuard"/> first (a zip within the expansion caps, no DTD); then rows, columns and
/// cells are bounded by <see cref="IngestLimits"/> while MiniExcel streams the sheet, and every cell passes <see cref="TextHygiene"/>.</remarks>
internal static class Xlsx
{
    public static Table Read(byte[] content, string file, string? sheet)
    {
        XlsxGuard.Check(content, file);
        var rows = new List<TableRow>();
        List<string> header;
        try
        {
            using var stream = new MemoryStream(content, writable: false);
            using var raw = MiniExcelLibs.MiniExcel.Query(stream, useHeaderRow: false, sheetName: sheet, excelType: MiniExcelLibs.ExcelType.XLSX)
                .Cast<IDictionary<string, object?>>().GetEnumerator();
            if (!raw.MoveNext())
            {
                throw new ModelException("the sheet is empty: a header row is needed", file, 1);
            }

            var columns = raw.Current.Keys.ToList();
            if (columns.Count > IngestLimits.MaxColumns)
            {
                throw new ModelException(string.Create(CultureInfo.InvariantCulture, $"the sheet has more than {IngestLimits.MaxColumns:N0} columns"), file, 1);
            }

            header = columns.Select(c => Cell(raw.Current[c], file, 1, c).Trim()).ToList();
            var line = 1;
            while (raw.MoveNext())
            {
                line++;
                if (line > IngestLimits.MaxRows + 1)
                {
                    throw new ModelException(string.Create(CultureInfo.InvariantCulture, $"the sheet has more than {IngestLimits.MaxRows:N0} rows; split it and import the parts"), file, line);
                }

                var r = raw.Current;
                var cells = new string[columns.Count];
                for (var c = 0; c < columns.Count; c++)
                {
                    cells[c] = Cell(r.TryGetValue(columns[c], out var v) ? v : null, file, line, header[c]);
                }

                if (cells.Any(c => c.Length > 0))
                {
                    rows.Add(new TableRow(line, cells));
                }
            }
        }
        catch (Exception ex) when (ex is not ModelException and not OutOfMemoryException and not OperationCanceledException)
        {
            // MiniExcel reports a damaged workbook with whatever its reader met (XML, zip, format, index and cast errors);
            // the guard has already bounded what it may expand, so any failure here is a workbook that cannot be read.
            throw new ModelException("not a readable XLSX workbook: " + ex.Message, file);
        }

        return new Table(file, header, rows, "xlsx", null);
    }

    private static string Cell(object? value, string file, int line, string column)
    {
        var text = value switch
        {
            null => "",
            DateTime d when d.TimeOfDay == TimeSpan.Zero => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            DateTime d => d.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture),
            double n => n.ToString("R", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };
        if (text.Length > IngestLimits.MaxFieldChars)
        {
            throw new ModelException(string.Create(CultureInfo.InvariantCulture, $"a cell is longer than {IngestLimits.MaxFieldChars:N0} characters"), file, line, column);
        }

        TextHygiene.Require(text, file, line, column);
        return text;
    }
}
