using System.Text.Json;

namespace Tessera.Core.Model;

/// <summary>The entity model: every schema and property type, loaded from the data file <c>schemata.json</c>.</summary>
/// <remarks>Schema and property names follow FollowTheMoney so that its JSON-lines files import as they are.</remarks>
public sealed class SchemaModel
{
    private static readonly Lazy<SchemaModel> DefaultModel = new(() => Load(OpenEmbedded()));
    private readonly Dictionary<string, Schema> _schemata;

    private SchemaModel(Dictionary<string, Schema> schemata, IReadOnlyDictionary<string, string> types)
    {
        _schemata = schemata;
        Types = types;
    }

    /// <summary>The model shipped with Tessera.</summary>
    public static SchemaModel Default => DefaultModel.Value;

    /// <summary>Property type names with their descriptions.</summary>
    public IReadOnlyDictionary<string, string> Types { get; }

    public IEnumerable<Schema> Schemata => _schemata.Values;

    /// <summary>The schema of that name.</summary>
    /// <exception cref="ModelException">The schema is unknown.</exception>
    public Schema GetSchema(string name) =>
        _schemata.TryGetValue(name, out var schema)
            ? schema
            : throw new ModelException($"unknown schema '{name}'");

    public bool TryGetSchema(string name, out Schema schema) => _schemata.TryGetValue(name, out schema!);

    /// <summary>The property of a schema.</summary>
    /// <exception cref="ModelException">The property does not belong to the schema.</exception>
    public static SchemaProperty GetProperty(Schema schema, string property) =>
        schema.Properties.TryGetValue(property, out var p)
            ? p
            : throw new ModelException($"unknown property '{property}' of schema {schema.Name}");

    /// <summary>Reads a model from its JSON form.</summary>
    public static SchemaModel Load(Stream json)
    {
        using var doc = JsonDocument.Parse(json);
        var types = doc.RootElement.GetProperty("types").EnumerateObject()
            .ToDictionary(t => t.Name, t => t.Value.GetString() ?? "", StringComparer.Ordinal);
        var raw = doc.RootElement.GetProperty("schemata").EnumerateObject()
            .ToDictionary(s => s.Name, s => s.Value.Clone(), StringComparer.Ordinal);
        var built = new Dictionary<string, Schema>(StringComparer.Ordinal);
        foreach (var name in raw.Keys)
        {
            Build(name, raw, types, built, []);
        }

        return new SchemaModel(built, types);
    }

    private static Schema Build(string name, Dictionary<string, JsonElement> raw, Dictionary<string, string> types,
        Dictionary<string, Schema> built, HashSet<string> visiting)
    {
        if (built.TryGetValue(name, out var done))
        {
            return done;
        }

        if (!raw.TryGetValue(name, out var element))
        {
            throw new ModelException($"unknown schema '{name}'");
        }

        if (!visiting.Add(name))
        {
            throw new ModelException($"schema '{name}' extends itself");
        }

        var extends = element.TryGetProperty("extends", out var ext)
            ? ext.EnumerateArray().Select(e => e.GetString()!).ToList()
            : [];
        var properties = new Dictionary<string, SchemaProperty>(StringComparer.Ordinal);
        var ancestors = new HashSet<string>(StringComparer.Ordinal);
        foreach (var parent in extends.Select(p => Build(p, raw, types, built, visiting)))
        {
            ancestors.Add(parent.Name);
            ancestors.UnionWith(parent.Ancestors);

            foreach (var (key, value) in parent.Properties)
            {
                properties[key] = value;
            }
        }

        foreach (var p in element.GetProperty("properties").EnumerateObject())
        {
            var type = p.Value.GetProperty("type").GetString()!;
            if (!types.ContainsKey(type))
            {
                throw new ModelException($"property {name}.{p.Name} has unknown type '{type}'");
            }

            properties[p.Name] = new SchemaProperty(p.Name, type,
                p.Value.TryGetProperty("format", out var f) ? f.GetString() : null,
                p.Value.TryGetProperty("range", out var r) ? r.GetString() : null);
        }

        EdgeSpec? edge = null;
        if (element.TryGetProperty("edge", out var e))
        {
            edge = new EdgeSpec(e.GetProperty("source").GetString()!, e.GetProperty("target").GetString()!,
                e.GetProperty("directed").GetBoolean(), e.GetProperty("label").GetString()!);
        }

        var isAbstract = element.TryGetProperty("abstract", out var abs) && abs.GetBoolean();
        var schema = new Schema(name, isAbstract, extends, edge, properties, ancestors);
        built[name] = schema;
        visiting.Remove(name);
        return schema;
    }

    private static Stream OpenEmbedded() =>
        typeof(SchemaModel).Assembly.GetManifestResourceStream("Tessera.Core.Model.schemata.json")
        ?? throw new InvalidOperationException("schemata.json is not embedded");
}
