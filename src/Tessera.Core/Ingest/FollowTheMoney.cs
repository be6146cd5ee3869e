using System.Text;
using System.Text.Json;
using Tessera.Core.Model;

namespace Tessera.Core.Ingest;

/// <summary>FollowTheMoney JSON lines: one entity per line, <c>{"id", "schema", "properties": {name: [values]}}</c>.</summary>
/// <remarks>A line may say who the entity is about with Tessera's key <c>"tessera:subject": "victim"</c> (a subject category,
/// <see cref="SubjectCategories"/>); other readers of FollowTheMoney ignore it.
/// Lines are at most <see cref="IngestLimits.MaxJsonLineChars"/> long and nested at most
/// <see cref="IngestLimits.MaxJsonDepth"/> deep; ids and values pass <see cref="TextHygiene"/>.</remarks>
public static class FollowTheMoney
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonDocumentOptions ReaderOptions = new() { MaxDepth = IngestLimits.MaxJsonDepth };

    /// <summary>Reads every entity of a file's bytes: UTF-8 (a byte-order mark is skipped), decoded strictly.</summary>
    /// <exception cref="ModelException">A byte sequence is not UTF-8, or a line is bad (see <see cref="Read(TextReader, string)"/>);
    /// the message names the file and line.</exception>
    public static IReadOnlyList<Entity> Read(byte[] content, string file) =>
        Read(new StringReader(Mapping.TextEncodings.DecodeUtf8(content, content is [0xEF, 0xBB, 0xBF, ..] ? 3 : 0, file)), file);

    /// <summary>Reads every entity of a file; the whole file is read before anything is returned.</summary>
    /// <exception cref="ModelException">A line is not valid JSON, lacks id or schema, or names an unknown schema or property;
    /// the message names the file, line and field.</exception>
    public static IReadOnlyList<Entity> Read(TextReader reader, string file)
    {
        var entities = new List<Entity>();
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            if (line.Length > IngestLimits.MaxJsonLineChars)
            {
                throw new ModelException(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"the line is longer than {IngestLimits.MaxJsonLineChars:N0} characters"), file, lineNumber);
            }

            try
            {
                entities.Add(ParseLine(line));
            }
            catch (ModelException ex)
            {
                throw ex.At(file, lineNumber);
            }
            catch (JsonException ex)
            {
                throw new ModelException("not valid JSON: " + ex.Message.Split('.')[0], file, lineNumber);
            }
            catch (InvalidOperationException ex)
            {
                // A string escape that is not text (an unpaired surrogate such as "\ud800") cannot be read as a string.
                throw new ModelException("not valid JSON text: " + ex.Message.Split('.')[0], file, lineNumber);
            }
        }

        return entities;
    }

    private static Entity ParseLine(string line)
    {
        using var doc = JsonDocument.Parse(line, ReaderOptions);
        var root = doc.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new ModelException("a line must hold one JSON object");
        }

        var id = RequiredString(root, "id");
        TextHygiene.Require(id, null, null, "id");
        var schemaName = FollowTheMoneyExport.TesseraSchema(RequiredString(root, "schema"));
        var schema = SchemaModel.Default.TryGetSchema(schemaName, out var s) ? s : throw new ModelException($"unknown schema '{schemaName}'", field: "schema");
        if (schema.IsAbstract)
        {
            throw new ModelException($"schema {schema.Name} is abstract", field: "schema");
        }

        var values = new List<PropertyValue>();
        // The standard part, then Tessera's extension values and the values kept as provided (see FollowTheMoneyExport).
        foreach (var key in (string[])["properties", FollowTheMoneyExport.ExtensionKey, FollowTheMoneyExport.InvalidKey])
        {
            if (root.TryGetProperty(key, out var props))
            {
                ReadValues(schema, key, props, values);
            }
        }

        return new Entity(id, schema.Name, values) { Subject = SubjectOf(root) };
    }

    private static void ReadValues(Schema schema, string key, JsonElement props, List<PropertyValue> values)
    {
        if (props.ValueKind != JsonValueKind.Object)
        {
            throw new ModelException($"'{key}' must be an object", field: key);
        }

        foreach (var p in props.EnumerateObject())
        {
            var name = key == FollowTheMoneyExport.InvalidKey ? p.Name : FollowTheMoneyExport.TesseraProperty(schema.Name, p.Name);
            if (schema.Name == "Post" && name == "fileName")
            {
                // A Document's required file name; a post's is its id, written on export.
                continue;
            }

            if (!schema.Properties.ContainsKey(name))
            {
                throw new ModelException($"unknown property '{p.Name}' of schema {schema.Name}", field: key + "." + p.Name);
            }

            foreach (var v in p.Value.ValueKind == JsonValueKind.Array ? p.Value.EnumerateArray() : Enumerable.Repeat(p.Value, 1))
            {
                var text = v.ValueKind switch
                {
                    JsonValueKind.String => v.GetString()!,
                    JsonValueKind.Number => v.GetRawText(),
                    JsonValueKind.True or JsonValueKind.False => v.GetRawText(),
                    _ => throw new ModelException($"values of '{p.Name}' must be strings or numbers", field: key + "." + p.Name),
                };
                TextHygiene.Require(text, null, null, key + "." + p.Name);
                if (text.Length > 0)
                {
                    values.Add(new PropertyValue(name, text));
                }
            }
        }
    }

    private static SubjectCategory? SubjectOf(JsonElement root)
    {
        if (!root.TryGetProperty(SubjectKey, out var v))
        {
            return null;
        }

        return v.ValueKind == JsonValueKind.String && SubjectCategories.TryParse(v.GetString(), out var category)
            ? category
            : throw new ModelException($"'{v}' is not one of {string.Join(", ", SubjectCategories.Names)}", field: SubjectKey);
    }

    /// <summary>Tessera's key for the subject category of one entity.</summary>
    public const string SubjectKey = "tessera:subject";

    private static string RequiredString(JsonElement root, string name) =>
        root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && v.GetString() is { Length: > 0 } s
            ? s
            : throw new ModelException($"missing '{name}'", field: name);

    /// <summary>Writes entities as exact FollowTheMoney JSON lines (<see cref="FollowTheMoneyExport"/>): normalised values,
    /// only the schema's properties, properties in first-seen order; extension and invalid values under their own keys.</summary>
    public static void Write(TextWriter writer, IEnumerable<Entity> entities)
    {
        ArgumentNullException.ThrowIfNull(writer);
        using var buffer = new MemoryStream();
        foreach (var entity in entities.Select(FollowTheMoneyExport.Convert))
        {
            buffer.SetLength(0);
            using (var json = new Utf8JsonWriter(buffer, WriterOptions))
            {
                json.WriteStartObject();
                json.WriteString("id", entity.Id);
                json.WriteString("schema", entity.Schema);
                WriteValues(json, "properties", entity.Properties, always: true);
                WriteValues(json, FollowTheMoneyExport.ExtensionKey, entity.Extension, always: false);
                WriteValues(json, FollowTheMoneyExport.InvalidKey, entity.Invalid, always: false);
                json.WriteEndObject();
            }

            writer.WriteLine(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
        }
    }

    private static void WriteValues(Utf8JsonWriter json, string key, IReadOnlyList<KeyValuePair<string, string>> values, bool always)
    {
        if (values.Count == 0 && !always)
        {
            return;
        }

        json.WriteStartObject(key);
        foreach (var group in values.GroupBy(v => v.Key))
        {
            json.WriteStartArray(group.Key);
            foreach (var value in group)
            {
                json.WriteStringValue(value.Value);
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
    }
}
