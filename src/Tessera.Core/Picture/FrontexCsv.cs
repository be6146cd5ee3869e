using Tessera.Core.Model;

namespace Tessera.Core.Picture;

/// <summary>Frontex detections as CSV: the wide sheet (one column per month) and the long form (one row per cell).</summary>
internal static class FrontexCsv
{
    public static DetectionBatch ReadWide(string file, string hash, string[] header, List<(int Line, string[] Fields)> rows)
    {
        var months = header.Skip(3).Select(h => YearMonth.Parse(h)).ToArray();
        var detections = new List<DetectionCount>();
        foreach (var (line, fields) in rows.Skip(1))
        {
            if (fields.Length != header.Length)
            {
                throw new ModelException($"expected {header.Length} columns, found {fields.Length}", file, line);
            }

            Require(fields[0], file, line, header[0]);
            for (var i = 0; i < months.Length; i++)
            {
                var count = DetectionFiles.ParseCount(fields[i + 3], file, line, header[i + 3]);
                if (count > 0)
                {
                    detections.Add(new DetectionCount(months[i], fields[0].Trim(), fields[1].Trim(), fields[2].Trim(), count,
                        PictureSources.Frontex, Nationalities.Iso3(fields[2])));
                }
            }
        }

        return new DetectionBatch(file, DetectionFormat.FrontexWideCsv, PictureSources.Frontex, null, hash, detections, [], [], []);
    }

    public static DetectionBatch ReadLong(string file, string hash, string[] header, List<(int Line, string[] Fields)> rows)
    {
        int Col(string name) => Array.FindIndex(header, h => h.Equals(name, StringComparison.OrdinalIgnoreCase));
        var (route, type, nat, iso, month, count, section, source) =
            (Col("route"), Col("border_type"), Col("nationality"), Col("nationality_iso3"), Col("month"), Col("detections"), Col("border_section"), Col("source"));
        string Get(string[] f, int i) => i >= 0 && i < f.Length ? f[i].Trim() : "";
        var detections = new List<DetectionCount>();
        var sources = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (line, fields) in rows.Skip(1))
        {
            if (fields.Length != header.Length)
            {
                throw new ModelException($"expected {header.Length} columns, found {fields.Length}", file, line);
            }

            Require(Get(fields, route), file, line, "route");
            var m = YearMonth.TryParse(Get(fields, month))
                ?? throw new ModelException($"'{Get(fields, month)}' is not a month (yyyy-MM)", file, line, "month");
            var n = DetectionFiles.ParseCount(Get(fields, count), file, line, "detections");
            var src = Get(fields, source) is { Length: > 0 } s ? s : PictureSources.Frontex;
            sources.Add(src);
            var nationality = Get(fields, nat);
            var code = Get(fields, iso);
            detections.Add(new DetectionCount(m, Get(fields, route), Get(fields, type), nationality, n, src,
                code.Length > 0 ? code : Nationalities.Iso3(nationality), Get(fields, section)));
        }

        if (sources.Count > 1)
        {
            throw new ModelException("one file holds one source; found " + string.Join(", ", sources.Order(StringComparer.Ordinal)), file, null, "source");
        }

        var batchSource = sources.Count == 1 ? sources.First() : PictureSources.Frontex;
        return new DetectionBatch(file, DetectionFormat.DetectionsLongCsv, batchSource, null, hash, detections, [], [], []);
    }

    private static void Require(string value, string file, int line, string column)
    {
        if (value.Trim().Length == 0)
        {
            throw new ModelException("value is empty", file, line, column);
        }
    }
}
