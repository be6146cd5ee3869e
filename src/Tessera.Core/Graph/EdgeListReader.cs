using System.Globalization;
using Tessera.Core.Model;

namespace Tessera.Core.Graph;

/// <summary>Reads an edge list CSV (<c>source,target[,weight][,time][,type]</c>; <c>relation</c> is read as <c>type</c>) and an optional node list CSV
/// (<c>id</c> or <c>node</c> column) into a <see cref="GraphBuilder"/>.</summary>
/// <remarks>RFC 4180 quoting; extra columns are ignored. Bad input throws <see cref="ModelException"/> naming the
/// file, the 1-based line and the field.</remarks>
internal static class EdgeListReader
{
    public static GraphBuilder Read(string edgesPath, string? nodesPath = null)
    {
        var builder = new GraphBuilder();
        if (nodesPath is not null)
        {
            ReadNodes(builder, nodesPath);
        }

        ReadEdges(builder, edgesPath);
        return builder;
    }

    public static void ReadNodes(GraphBuilder builder, string path)
    {
        using var reader = Open(path);
        var header = ReadHeader(reader, path);
        var id = Array.IndexOf(header, "id");
        if (id < 0)
        {
            id = Array.IndexOf(header, "node");
        }

        if (id < 0)
        {
            throw new ModelException("missing header column (expected 'id')", path, 1, "id");
        }

        foreach (var (line, fields) in CsvLine.Rows(reader))
        {
            var value = id < fields.Count ? fields[id] : "";
            if (value.Length == 0)
            {
                throw new ModelException("empty node id", path, line, "id");
            }

            builder.AddNode(value);
        }
    }

    public static void ReadEdges(GraphBuilder builder, string path)
    {
        using var reader = Open(path);
        var header = ReadHeader(reader, path);
        var source = Column(header, "source", path, required: true);
        var target = Column(header, "target", path, required: true);
        var weight = Column(header, "weight", path, required: false);
        var time = Column(header, "time", path, required: false);
        var type = Column(header, "type", path, required: false);
        if (type < 0)
        {
            type = Column(header, "relation", path, required: false);
        }

        foreach (var (line, fields) in CsvLine.Rows(reader))
        {
            var s = Field(fields, source, path, line, "source");
            var t = Field(fields, target, path, line, "target");
            var w = 1.0;
            if (weight >= 0)
            {
                var raw = Field(fields, weight, path, line, "weight");
                if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out w) || !double.IsFinite(w))
                {
                    throw new ModelException($"not a number: '{raw}'", path, line, "weight");
                }
            }

            DateTimeOffset? when = null;
            if (time >= 0 && time < fields.Count && fields[time].Length > 0)
            {
                if (!DateTimeOffset.TryParse(fields[time], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
                {
                    throw new ModelException($"not a date/time: '{fields[time]}'", path, line, "time");
                }

                when = parsed;
            }

            var kind = type >= 0 && type < fields.Count && fields[type].Length > 0 ? fields[type] : null;
            builder.AddTie(s, t, w, when, kind);
        }
    }

    private static StreamReader Open(string path)
    {
        try
        {
            return new StreamReader(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ModelException("cannot read the file: " + ex.Message, path);
        }
    }

    private static string[] ReadHeader(StreamReader reader, string path)
    {
        var first = reader.ReadLine() ?? throw new ModelException("empty file, expected a header line", path, 1);
        return [.. CsvLine.Split(first.TrimStart('\uFEFF')).Select(h => h.Trim().ToLowerInvariant())];
    }

    private static int Column(string[] header, string name, string path, bool required)
    {
        var i = Array.IndexOf(header, name);
        if (i < 0 && required)
        {
            throw new ModelException($"missing header column '{name}'", path, 1, name);
        }

        return i;
    }

    private static string Field(List<string> fields, int column, string path, int line, string name)
    {
        var value = column < fields.Count ? fields[column] : "";
        return value.Length == 0 ? throw new ModelException("empty value", path, line, name) : value;
    }
}

/// <summary>Splits one CSV line (RFC 4180 quotes, no embedded line breaks).</summary>
internal static class CsvLine
{
    /// <summary>The rows after the header line, each with its line number in the file (the first row is line 2); empty lines
    /// are skipped.</summary>
    public static IEnumerable<(int Line, List<string> Fields)> Rows(TextReader reader)
    {
        var line = 1;
        while (reader.ReadLine() is { } text)
        {
            line++;
            if (text.Length > 0)
            {
                yield return (line, Split(text));
            }
        }
    }

    public static List<string> Split(string line)
    {
        if (!line.Contains('"', StringComparison.Ordinal))
        {
            return [.. line.Split(',')];
        }

        var fields = new List<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    current.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        fields.Add(current.ToString());
        return fields;
    }

    /// <summary>A text field for a CSV file that a spreadsheet may open: a value starting with <c>=</c>, <c>+</c>, <c>-</c>,
    /// <c>@</c>, tab or carriage return gets a leading apostrophe so that it is shown, never run as a formula (OWASP
    /// "CSV injection"), and the field is quoted when it needs it. Numbers the exporter writes itself do not pass here.</summary>
    public static string Quote(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
