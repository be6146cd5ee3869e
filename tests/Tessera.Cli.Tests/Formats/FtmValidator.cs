using System.Globalization;
using System.Numerics;
using System.Text.Json;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Tessera.Cli.Tests.Formats;

/// <summary>An independent check of FollowTheMoney JSON lines against the model's own YAML files (and, optionally, an
/// extension in the same form): schema exists and is not abstract, every property exists on the schema or a parent,
/// values are in their type's form, required properties are present, entity references resolve.</summary>
/// <remarks>Written from FollowTheMoney's documentation of its types, not from Tessera's model or normalisers.</remarks>
internal sealed partial class FtmValidator
{
    // ISO 3166-1 alpha-2 (from the IANA time zone database's iso3166.tab), lower case as FollowTheMoney writes them, and
    // FollowTheMoney's own additions (EU, Kosovo, unknown, historical states).
    private static readonly HashSet<string> Countries = new(
        "ad ae af ag ai al am ao aq ar as at au aw ax az ba bb bd be bf bg bh bi bj bl bm bn bo bq br bs bt bv bw by bz ca cc cd cf cg ch ci ck cl cm cn co cr cu cv cw cx cy cz de dj dk dm do dz ec ee eg eh er es et fi fj fk fm fo fr ga gb gd ge gf gg gh gi gl gm gn gp gq gr gs gt gu gw gy hk hm hn hr ht hu id ie il im in io iq ir is it je jm jo jp ke kg kh ki km kn kp kr kw ky kz la lb lc li lk lr ls lt lu lv ly ma mc md me mf mg mh mk ml mm mn mo mp mq mr ms mt mu mv mw mx my mz na nc ne nf ng ni nl no np nr nu nz om pa pe pf pg ph pk pl pm pn pr ps pt pw py qa re ro rs ru rw sa sb sc sd se sg sh si sj sk sl sm sn so sr ss st sv sx sy sz tc td tf tg th tj tk tl tm tn to tr tt tv tw tz ua ug um us uy uz va vc ve vg vi vn vu wf ws ye yt za zm zw eu xk zz su csxx yucs ge-ab x-so".Split(' '), StringComparer.Ordinal);

    private sealed record Prop(string Type, string? Range);

    private sealed record SchemaDef(string Name, bool Abstract, List<string> Extends, HashSet<string> Required, Dictionary<string, Prop> Own);

    private readonly Dictionary<string, SchemaDef> _schemata = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, Prop>> _added = new(StringComparer.Ordinal);

    /// <summary>Loads every YAML file of the given folders; a file naming an already loaded schema adds extension properties to it.</summary>
    public static FtmValidator Load(params string[] folders)
    {
        var v = new FtmValidator();
        foreach (var folder in folders)
        {
            foreach (var file in Directory.GetFiles(folder, "*.yaml").Order(StringComparer.Ordinal))
            {
                var yaml = new YamlStream();
                using (var reader = File.OpenText(file))
                {
                    yaml.Load(reader);
                }

                foreach (var (key, node) in ((YamlMappingNode)yaml.Documents[0].RootNode).Children)
                {
                    v.Add(((YamlScalarNode)key).Value!, (YamlMappingNode)node);
                }
            }
        }

        return v;
    }

    private void Add(string name, YamlMappingNode node)
    {
        var own = new Dictionary<string, Prop>(StringComparer.Ordinal);
        if (Child(node, "properties") is YamlMappingNode props)
        {
            foreach (var (k, p) in props.Children)
            {
                var pm = (YamlMappingNode)p;
                own[((YamlScalarNode)k).Value!] = new Prop(Scalar(pm, "type") ?? "string", Scalar(pm, "range"));
            }
        }

        if (_schemata.ContainsKey(name))
        {
            _added[name] = own;
            return;
        }

        var extends = Child(node, "extends") is YamlSequenceNode e ? e.Children.Select(c => ((YamlScalarNode)c).Value!).ToList() : [];
        var required = Child(node, "required") is YamlSequenceNode r ? r.Children.Select(c => ((YamlScalarNode)c).Value!).ToHashSet(StringComparer.Ordinal) : [];
        _schemata[name] = new SchemaDef(name, Scalar(node, "abstract") == "true", extends, required, own);
    }

    private static YamlNode? Child(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    private static string? Scalar(YamlMappingNode node, string key) => (Child(node, key) as YamlScalarNode)?.Value;

    public bool HasSchema(string name) => _schemata.ContainsKey(name);

    private IEnumerable<SchemaDef> Lineage(string name)
    {
        var def = _schemata[name];
        yield return def;
        foreach (var parent in def.Extends.SelectMany(Lineage))
        {
            yield return parent;
        }
    }

    private bool IsA(string schema, string ancestor) => Lineage(schema).Any(d => d.Name == ancestor);

    private Prop? Property(string schema, string property, bool added)
    {
        foreach (var def in Lineage(schema))
        {
            var table = added ? _added.GetValueOrDefault(def.Name) : def.Own;
            if (table is not null && table.TryGetValue(property, out var p))
            {
                return p;
            }
        }

        return null;
    }

    /// <summary>Every violation of the given JSON lines, each naming the line, entity and property.</summary>
    public List<string> Validate(IReadOnlyList<string> lines)
    {
        var errors = new List<string>();
        var parsed = lines.Select((l, i) => (Line: i + 1, Json: JsonDocument.Parse(l).RootElement.Clone())).ToList();
        var schemaOf = parsed.ToDictionary(p => p.Json.GetProperty("id").GetString()!, p => p.Json.GetProperty("schema").GetString()!, StringComparer.Ordinal);
        foreach (var (line, json) in parsed)
        {
            var id = json.GetProperty("id").GetString()!;
            var schema = json.GetProperty("schema").GetString()!;
            if (!_schemata.TryGetValue(schema, out var def))
            {
                errors.Add($"line {line} ({id}): unknown schema {schema}");
                continue;
            }

            if (def.Abstract)
            {
                errors.Add($"line {line} ({id}): schema {schema} is abstract");
            }

            var present = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (key, added) in new[] { ("properties", false), ("tessera:properties", true) })
            {
                if (!json.TryGetProperty(key, out var props))
                {
                    continue;
                }

                foreach (var p in props.EnumerateObject())
                {
                    var prop = Property(schema, p.Name, added);
                    if (prop is null)
                    {
                        errors.Add($"line {line} ({id}): {schema} has no property {p.Name}{(added ? " in the extension" : "")}");
                        continue;
                    }

                    present.Add(p.Name);
                    foreach (var value in p.Value.EnumerateArray().Select(v => v.GetString()!))
                    {
                        if (CheckValue(prop, value, schemaOf) is { } why)
                        {
                            errors.Add($"line {line} ({id}): {p.Name} '{value}' {why}");
                        }
                    }
                }
            }

            foreach (var missing in Lineage(schema).SelectMany(d => d.Required).Distinct().Where(r => !present.Contains(r)))
            {
                errors.Add($"line {line} ({id}): required property {missing} of {schema} is missing");
            }
        }

        return errors;
    }

    private string? CheckValue(Prop prop, string value, Dictionary<string, string> schemaOf) => prop.Type switch
    {
        "date" => IsoDate().IsMatch(value) ? null : "is not an ISO 8601 date or prefix",
        "country" => Countries.Contains(value) ? null : "is not an ISO 3166-1 country code in lower case",
        "phone" => E164().IsMatch(value) ? null : "is not an E.164 phone number",
        "iban" => IsIban(value) ? null : "is not an IBAN without spaces with a valid check digit",
        "email" => Email().IsMatch(value) ? null : "is not an e-mail address",
        "url" => Uri.TryCreate(value, UriKind.Absolute, out var u) && u.Scheme is "http" or "https" ? null : "is not an absolute http(s) URL",
        "number" => decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _) ? null : "is not a number",
        "language" => Language().IsMatch(value) ? null : "is not an ISO 639-3 language code",
        "gender" => value is "male" or "female" or "other" ? null : "is not male, female or other",
        "entity" => !schemaOf.TryGetValue(value, out var target) ? "references no entity of the export"
            : prop.Range is { } range && _schemata.ContainsKey(target) && !IsA(target, range) ? $"references a {target}, not a {range}" : null,
        _ => value.Length == 0 ? "is empty" : null,
    };

    // ISO 13616: letters and digits only, upper case, moved check digits mod 97 = 1.
    private static bool IsIban(string value)
    {
        if (!Iban().IsMatch(value))
        {
            return false;
        }

        var moved = value[4..] + value[..4];
        var digits = string.Concat(moved.Select(c => char.IsAsciiDigit(c) ? c.ToString() : (c - 'A' + 10).ToString(CultureInfo.InvariantCulture)));
        return BigInteger.Parse(digits, CultureInfo.InvariantCulture) % 97 == 1;
    }

    [GeneratedRegex(@"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01])(T([01]\d|2[0-3])(:[0-5]\d(:[0-5]\d)?)?)?)?)?$")]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"^\+[1-9]\d{6,14}$")]
    private static partial Regex E164();

    [GeneratedRegex(@"^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$")]
    private static partial Regex Iban();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex Email();

    [GeneratedRegex(@"^[a-z]{3}$")]
    private static partial Regex Language();
}
