using System.Globalization;
using Tessera.Core.Model;

namespace Tessera.Core.Picture;

/// <summary>Incidents as CSV: <c>reference,time,latitude,longitude,border_section,route,category,impact_level,persons[,organisation]</c>.</summary>
internal static class IncidentCsv
{
    public static DetectionBatch Read(string file, string hash, string[] header, List<(int Line, string[] Fields)> rows)
    {
        int Col(string name) => Array.FindIndex(header, h => h.Equals(name, StringComparison.OrdinalIgnoreCase));
        string Get(string[] f, string name) => Col(name) is var i and >= 0 && i < f.Length ? f[i].Trim() : "";
        var incidents = new List<Incident>();
        foreach (var (line, f) in rows.Skip(1))
        {
            if (f.Length != header.Length)
            {
                throw new ModelException($"expected {header.Length} columns, found {f.Length}", file, line);
            }

            var reference = Get(f, "reference");
            if (reference.Length == 0)
            {
                throw new ModelException("value is empty", file, line, "reference");
            }

            if (!DateTimeOffset.TryParse(Get(f, "time"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
            {
                throw new ModelException($"'{Get(f, "time")}' is not a time (ISO 8601)", file, line, "time");
            }

            var lat = Coordinate(Get(f, "latitude"), 90, file, line, "latitude");
            var lon = Coordinate(Get(f, "longitude"), 180, file, line, "longitude");
            var level = IncidentImpactLevels.TryParse(Get(f, "impact_level"))
                ?? throw new ModelException($"'{Get(f, "impact_level")}' is not an incident impact level (low, medium, high, very high)", file, line, "impact_level");
            var persons = Get(f, "persons") is { Length: > 0 } p
                ? (int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : throw new ModelException($"'{p}' is not a number of persons", file, line, "persons"))
                : 0;
            incidents.Add(new Incident(reference, time.ToUniversalTime(), lat, lon, Get(f, "border_section"), Get(f, "route"), Get(f, "category"), level, persons, Get(f, "organisation")));
        }

        return new DetectionBatch(file, DetectionFormat.IncidentsCsv, "incidents", null, hash, [], [], incidents, []);
    }

    private static double Coordinate(string text, double bound, string file, int line, string column) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && Math.Abs(v) <= bound
            ? v
            : throw new ModelException($"'{text}' is not a {column} (decimal degrees within ±{bound.ToString(CultureInfo.InvariantCulture)})", file, line, column);
}
