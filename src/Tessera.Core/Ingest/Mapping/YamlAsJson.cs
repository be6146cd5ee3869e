using System.Text.Json;
using YamlDotNet.RepresentationModel;

namespace Tessera.Core.Ingest.Mapping;

/// <summary>Reads YAML into the same JSON tree the JSON form gives, so that one parser serves both.</summary>
/// <remarks>Mapping keys must be scalars; nesting deeper than <see cref="IngestLimits.MaxJsonDepth"/> and aliases (which can
/// expand exponentially, "billion laughs") are refused by a first pass over the parser's events, before any tree is built.</remarks>
internal static class YamlAsJson
{
    public static JsonElement Parse(string yaml)
    {
        CheckShape(yaml);
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        if (stream.Documents.Count == 0)
        {
            return JsonDocument.Parse("{}").RootElement;
        }

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, stream.Documents[0].RootNode, 0);
        }

        return JsonDocument.Parse(buffer.ToArray()).RootElement;
    }

    // The parser is a state machine, so this pass is safe on any depth; the tree loader that follows recurses.
    private static void CheckShape(string yaml)
    {
        var parser = new YamlDotNet.Core.Parser(new StringReader(yaml));
        var depth = 0;
        while (parser.MoveNext())
        {
            switch (parser.Current)
            {
                case YamlDotNet.Core.Events.AnchorAlias:
                    throw new Model.ModelException("a mapping may not use YAML aliases (*name)", field: "mapping");
                case YamlDotNet.Core.Events.MappingStart or YamlDotNet.Core.Events.SequenceStart when ++depth > IngestLimits.MaxJsonDepth:
                    throw new Model.ModelException("the mapping is nested too deeply", field: "mapping");
                case YamlDotNet.Core.Events.MappingEnd or YamlDotNet.Core.Events.SequenceEnd:
                    depth--;
                    break;
            }
        }
    }

    private static void Write(Utf8JsonWriter writer, YamlNode node, int depth)
    {
        if (depth > IngestLimits.MaxJsonDepth)
        {
            throw new Model.ModelException("the mapping is nested too deeply", field: "mapping");
        }

        switch (node)
        {
            case YamlMappingNode map:
                writer.WriteStartObject();
                foreach (var (key, value) in map.Children)
                {
                    writer.WritePropertyName(key is YamlScalarNode name ? name.Value ?? "" : throw new Model.ModelException("a mapping key must be a plain name", field: "mapping"));
                    Write(writer, value, depth + 1);
                }

                writer.WriteEndObject();
                break;
            case YamlSequenceNode seq:
                writer.WriteStartArray();
                foreach (var item in seq.Children)
                {
                    Write(writer, item, depth + 1);
                }

                writer.WriteEndArray();
                break;
            case YamlScalarNode scalar:
                writer.WriteStringValue(scalar.Value);
                break;
        }
    }
}
