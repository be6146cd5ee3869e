using System.Text.Json;
using Tessera.Core.Picture;

namespace Tessera.Core.Tests.Picture;

/// <summary>The picture's GeoJSON checked by an independent RFC 7946 validator: structure, [longitude, latitude] order,
/// no <c>crs</c> member, closed rings wound by the right-hand rule, and a correct <c>bbox</c> where one is given.</summary>
public sealed class GeoJsonRfc7946Tests
{
    public static TheoryData<string, string> Documents() => new()
    {
        { "starter", PictureGeoJson.Starter() },
        { "routes", PictureGeoJson.Routes() },
        { "routes with totals", PictureGeoJson.Routes(new Dictionary<string, long?> { ["Central Mediterranean Route"] = 1234, ["Western Balkan Route"] = null }) },
    };

    [Theory]
    [MemberData(nameof(Documents))]
    public void PictureGeoJson_IsValidRfc7946(string name, string json)
    {
        var errors = Rfc7946.Validate(json);

        Assert.True(errors.Count == 0, name + ": " + string.Join("; ", errors));
        // Europe and its neighbourhood: a [latitude, longitude] swap puts Mediterranean points south of 20° N.
        Assert.All(Rfc7946.Positions(JsonDocument.Parse(json).RootElement), p => Assert.InRange(p[1], 20, 72));
    }

    [Theory]
    [InlineData("""{"type":"FeatureCollection","crs":{"type":"name"},"features":[]}""", "crs")]
    [InlineData("""{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[200,10]},"properties":{}}]}""", "longitude")]
    [InlineData("""{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[0,0],[0,1],[1,1],[1,0],[0,0]]]},"properties":{}}]}""", "right-hand rule")]
    [InlineData("""{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1]]]},"properties":{}}]}""", "closed")]
    [InlineData("""{"type":"FeatureCollection","bbox":[0,0,1,1],"features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[2,0]},"properties":{}}]}""", "bbox")]
    [InlineData("""{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"LineString","coordinates":[[0,0]]},"properties":{}}]}""", "two positions")]
    [InlineData("""{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[0,0]}}]}""", "properties")]
    public void Validator_BrokenDocuments_AreFound(string json, string expected)
    {
        Assert.Contains(Rfc7946.Validate(json), e => e.Contains(expected, StringComparison.Ordinal));
    }

    /// <summary>RFC 7946 rules, written from the RFC (sections 3, 3.1, 4, 5).</summary>
    private static class Rfc7946
    {
        public static List<string> Validate(string json)
        {
            var errors = new List<string>();
            var root = JsonDocument.Parse(json).RootElement;
            Object(root, "root", errors);
            return errors;
        }

        public static IEnumerable<double[]> Positions(JsonElement e) => e.ValueKind switch
        {
            JsonValueKind.Array when e.GetArrayLength() > 0 && e[0].ValueKind == JsonValueKind.Number => [e.EnumerateArray().Select(x => x.GetDouble()).ToArray()],
            JsonValueKind.Array => e.EnumerateArray().SelectMany(Positions),
            JsonValueKind.Object => e.EnumerateObject().Where(p => p.Name is "coordinates" or "geometry" or "features" or "geometries").SelectMany(p => Positions(p.Value)),
            _ => [],
        };

        private static void Object(JsonElement e, string at, List<string> errors)
        {
            if (e.TryGetProperty("crs", out _))
            {
                errors.Add(at + ": has a crs member (RFC 7946 section 4 removed it)");
            }

            if (e.TryGetProperty("bbox", out var bbox))
            {
                Bbox(bbox, Positions(e).ToList(), at, errors);
            }

            var type = e.TryGetProperty("type", out var t) ? t.GetString() : null;
            switch (type)
            {
                case "FeatureCollection":
                    var i = 0;
                    foreach (var f in e.GetProperty("features").EnumerateArray())
                    {
                        if (f.TryGetProperty("type", out var ft) && ft.GetString() == "Feature")
                        {
                            Object(f, $"{at}.features[{i}]", errors);
                        }
                        else
                        {
                            errors.Add($"{at}.features[{i}]: not a Feature");
                        }

                        i++;
                    }

                    break;
                case "Feature":
                    if (!e.TryGetProperty("properties", out var props) || props.ValueKind is not (JsonValueKind.Object or JsonValueKind.Null))
                    {
                        errors.Add(at + ": a Feature needs a properties member (object or null)");
                    }

                    if (!e.TryGetProperty("geometry", out var g))
                    {
                        errors.Add(at + ": a Feature needs a geometry member");
                    }
                    else if (g.ValueKind != JsonValueKind.Null)
                    {
                        Object(g, at + ".geometry", errors);
                    }

                    break;
                case "Point":
                    Position(e.GetProperty("coordinates"), at, errors);
                    break;
                case "MultiPoint":
                    foreach (var p in e.GetProperty("coordinates").EnumerateArray())
                    {
                        Position(p, at, errors);
                    }

                    break;
                case "LineString":
                    Line(e.GetProperty("coordinates"), at, errors);
                    break;
                case "MultiLineString":
                    foreach (var l in e.GetProperty("coordinates").EnumerateArray())
                    {
                        Line(l, at, errors);
                    }

                    break;
                case "Polygon":
                    Polygon(e.GetProperty("coordinates"), at, errors);
                    break;
                case "MultiPolygon":
                    foreach (var p in e.GetProperty("coordinates").EnumerateArray())
                    {
                        Polygon(p, at, errors);
                    }

                    break;
                case "GeometryCollection":
                    foreach (var g2 in e.GetProperty("geometries").EnumerateArray())
                    {
                        Object(g2, at + ".geometries", errors);
                    }

                    break;
                default:
                    errors.Add($"{at}: unknown type '{type}'");
                    break;
            }
        }

        private static void Position(JsonElement p, string at, List<string> errors)
        {
            if (p.ValueKind != JsonValueKind.Array || p.GetArrayLength() is < 2 or > 3 || p.EnumerateArray().Any(x => x.ValueKind != JsonValueKind.Number))
            {
                errors.Add(at + ": a position is 2 or 3 numbers");
                return;
            }

            if (p[0].GetDouble() is < -180 or > 180)
            {
                errors.Add($"{at}: longitude {p[0]} outside [-180, 180]");
            }

            if (p[1].GetDouble() is < -90 or > 90)
            {
                errors.Add($"{at}: latitude {p[1]} outside [-90, 90]");
            }
        }

        private static void Line(JsonElement l, string at, List<string> errors)
        {
            if (l.GetArrayLength() < 2)
            {
                errors.Add(at + ": a LineString needs two positions or more");
            }

            foreach (var p in l.EnumerateArray())
            {
                Position(p, at, errors);
            }
        }

        // Section 3.1.6: rings are closed with four positions or more; exterior counterclockwise, holes clockwise.
        private static void Polygon(JsonElement rings, string at, List<string> errors)
        {
            var index = 0;
            foreach (var ring in rings.EnumerateArray())
            {
                var pts = ring.EnumerateArray().Select(p => (X: p[0].GetDouble(), Y: p[1].GetDouble())).ToList();
                foreach (var p in ring.EnumerateArray())
                {
                    Position(p, at, errors);
                }

                if (pts.Count < 4 || pts[0] != pts[^1])
                {
                    errors.Add($"{at}: ring {index} is not closed with four positions or more");
                }
                else
                {
                    var area = 0.0;
                    for (var i = 0; i + 1 < pts.Count; i++)
                    {
                        area += (pts[i].X * pts[i + 1].Y) - (pts[i + 1].X * pts[i].Y);
                    }

                    if ((index == 0) != (area > 0))
                    {
                        errors.Add($"{at}: ring {index} breaks the right-hand rule");
                    }
                }

                index++;
            }
        }

        private static void Bbox(JsonElement bbox, List<double[]> positions, string at, List<string> errors)
        {
            var b = bbox.EnumerateArray().Select(x => x.GetDouble()).ToArray();
            if (b.Length is not (4 or 6))
            {
                errors.Add(at + ": a bbox has 2 × n numbers");
                return;
            }

            var n = b.Length / 2;
            if (positions.Any(p => Enumerable.Range(0, Math.Min(n, p.Length)).Any(k => p[k] < b[k] || p[k] > b[n + k])))
            {
                errors.Add(at + ": the bbox does not contain every position");
            }
        }
    }
}
