using System.Text.Json;
using System.Text.Json.Nodes;

namespace Tessera.Core.Picture;

/// <summary>GeoJSON (RFC 7946) of the routes and border sections, for maps (Leaflet) and exports.</summary>
/// <remarks>Coordinates are approximate representative points and lines shipped with Tessera, not surveyed borders;
/// GeoJSON order is [longitude, latitude].</remarks>
public static class PictureGeoJson
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>A FeatureCollection: one LineString per route (with its total when given), one Point per section with its level.</summary>
    public static string Build(IReadOnlyList<SectionStatus> sections, IReadOnlyDictionary<string, long>? routeTotals = null) =>
        Collection(RouteFeatures(routeTotals?.ToDictionary(kv => kv.Key, kv => (long?)kv.Value, StringComparer.Ordinal)).Concat(SectionFeatures(sections)));

    /// <summary>A FeatureCollection of the route lines only; a route's <c>detections</c> is null where its total is hidden.</summary>
    public static string Routes(IReadOnlyDictionary<string, long?>? routeTotals = null) => Collection(RouteFeatures(routeTotals));

    /// <summary>A FeatureCollection of the section points only, with their levels and proposals.</summary>
    public static string Sections(IReadOnlyList<SectionStatus> sections) => Collection(SectionFeatures(sections));

    /// <summary>The starter sections, all at level low.</summary>
    public static string Starter() => Build(BorderSections.Starter()
        .Select(s => new SectionStatus(s, SectionImpactLevel.Low, DateTimeOffset.UnixEpoch, "initial level", "system", SectionImpactLevels.Measures(SectionImpactLevel.Low), null))
        .ToList());

    private static IEnumerable<JsonObject> RouteFeatures(IReadOnlyDictionary<string, long?>? routeTotals)
    {
        foreach (var (route, points) in BorderSections.RouteLines().OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            var properties = new JsonObject { ["kind"] = "route", ["route"] = route };
            if (routeTotals is not null)
            {
                properties["detections"] = routeTotals.TryGetValue(route, out var n) ? n : 0;
            }

            yield return Feature(new JsonObject
            {
                ["type"] = "LineString",
                ["coordinates"] = new JsonArray(points.Select(p => (JsonNode)Position(p.Lat, p.Lon)).ToArray()),
            }, properties);
        }
    }

    private static IEnumerable<JsonObject> SectionFeatures(IReadOnlyList<SectionStatus> sections) =>
        sections.Select(s => Feature(new JsonObject { ["type"] = "Point", ["coordinates"] = Position(s.Section.Latitude, s.Section.Longitude) },
            new JsonObject
            {
                ["kind"] = "section",
                ["code"] = s.Section.Code,
                ["name"] = s.Section.Name,
                ["border"] = s.Section.Kind.ToString(),
                ["route"] = s.Section.Route,
                ["memberState"] = s.Section.MemberState,
                ["neighbour"] = s.Section.Neighbour,
                ["lengthKm"] = s.Section.LengthKm,
                ["impactLevel"] = SectionImpactLevels.Name(s.Level),
                ["proposedLevel"] = s.Proposal is { } p ? SectionImpactLevels.Name(p.Level) : null,
            }));

    private static string Collection(IEnumerable<JsonObject> features) =>
        new JsonObject { ["type"] = "FeatureCollection", ["features"] = new JsonArray(features.ToArray<JsonNode>()) }.ToJsonString(Indented);

    private static JsonObject Feature(JsonObject geometry, JsonObject properties) =>
        new() { ["type"] = "Feature", ["geometry"] = geometry, ["properties"] = properties };

    private static JsonArray Position(double lat, double lon) => new(Math.Round(lon, 5), Math.Round(lat, 5));
}
