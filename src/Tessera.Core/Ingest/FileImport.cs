using Tessera.Core.Ingest.Indicators;
using Tessera.Core.Ingest.Mapping;
using Tessera.Core.Model;
using Tessera.Core.Normalisation;

namespace Tessera.Core.Ingest;

/// <summary>A file read, mapped and normalised, ready to be written as one contribution.</summary>
/// <param name="Problems">Values kept but invalid, with file, line, column and reason.</param>
/// <param name="ContentHash">What makes a second import of the same content add nothing.</param>
public sealed record PreparedImport(string Source, IReadOnlyList<Entity> Entities, IReadOnlyList<ImportProblem> Problems, int Rows, string ContentHash, string Format);

/// <summary>Reads a file for import: FollowTheMoney JSON lines as they are, CSV/XLSX through a mapping; normalises every
/// value and extracts the indicators of online posts.</summary>
public static class FileImport
{
    /// <summary>Prepares a whole file, or its first <paramref name="previewRows"/> rows for a preview.</summary>
    /// <exception cref="ModelException">The file or mapping cannot be read; the message names file, line and field.</exception>
    public static PreparedImport Prepare(string path, string? mappingPath, ContributionRequest request, NormalisationContext context, int? previewRows = null)
    {
        var source = Path.GetFileName(path);
        if (!File.Exists(path))
        {
            throw new ModelException("no such file", source);
        }

        var bytes = File.ReadAllBytes(path);
        if (mappingPath is null)
        {
            if (path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) && IsStatementFile(bytes))
            {
                // FollowTheMoney statements (Aleph, OpenSanctions, nomenklatura, Tessera's own export): one value per row.
                var text = Mapping.TextEncodings.DecodeUtf8(bytes, bytes is [0xEF, 0xBB, 0xBF, ..] ? 3 : 0, source);
                var fromStatements = FollowTheMoneyStatements.ToEntities(FollowTheMoneyStatements.Read(new StringReader(text), source), source);
                var statementProblems = new List<ImportProblem>();
                var normalisedStatements = fromStatements.Take(previewRows ?? int.MaxValue).Select(e => Normalise(e, context, source, statementProblems)).ToList();
                return new PreparedImport(source, Enrich(normalisedStatements, context), statementProblems, fromStatements.Count, request.HashOf(bytes), "ftm statements");
            }

            if (path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
            {
                throw new ModelException("a table needs a mapping (--mapping FILE.yml) saying which columns become which entities", source, field: "mapping");
            }

            var entities = FollowTheMoney.Read(bytes, source);
            var problems = new List<ImportProblem>();
            var normalised = entities.Take(previewRows ?? int.MaxValue).Select(e => Normalise(e, context, source, problems)).ToList();
            return new PreparedImport(source, Enrich(normalised, context), problems, entities.Count, request.HashOf(bytes), "ftm");
        }

        var mapping = ImportMapping.Load(mappingPath);
        var table = Table.Read(bytes, source, mapping.Encoding, mapping.Delimiter, mapping.Sheet);
        var ctx = context with { DefaultRegion = mapping.Region ?? context.DefaultRegion, Platform = mapping.Platform ?? context.Platform };
        var mapped = RowMapper.Map(table, mapping, (p, raw) => Normalisers.Normalise(p, raw, ctx), request.Organisation, previewRows);
        var hash = request.HashOf([.. bytes, .. System.Text.Encoding.UTF8.GetBytes(File.ReadAllText(mappingPath))]);
        return new PreparedImport(source, Enrich(mapped.Entities, ctx), mapped.Problems, mapped.Rows, hash,
            table.Delimiter is { } d ? $"csv ({table.Encoding}, delimiter '{(d == '\t' ? "\\t" : d.ToString())}')" : "xlsx");
    }

    private static bool IsStatementFile(byte[] bytes)
    {
        var end = Array.IndexOf(bytes, (byte)'\n');
        var first = System.Text.Encoding.UTF8.GetString(bytes, 0, end < 0 ? Math.Min(bytes.Length, 4096) : Math.Min(end, 4096));
        return FollowTheMoneyStatements.IsStatementHeader(first.TrimEnd('\r'));
    }

    private static Entity Normalise(Entity entity, NormalisationContext context, string source, List<ImportProblem> problems)
    {
        var schema = SchemaModel.Default.GetSchema(entity.Schema);
        var values = entity.Values.Select(v =>
        {
            var n = Normalisers.Normalise(schema.Properties[v.Property], v.Value, context);
            if (!n.Valid)
            {
                problems.Add(new ImportProblem(source, 0, entity.Id, v.Property, v.Value, n.Reason ?? "invalid"));
            }

            return n;
        }).ToList();
        return entity with { Values = values };
    }

    // Online posts: the phones, accounts, wallets, handles, prices and places in their text become values of the post.
    private static List<Entity> Enrich(IReadOnlyList<Entity> entities, NormalisationContext context) =>
        entities.Select(e => e.Schema == "Post" && e.First("bodyText") is { } body ? e with { Values = [.. e.Values, .. Mentions(body, context)] } : e).ToList();

    private static IEnumerable<PropertyValue> Mentions(string text, NormalisationContext context)
    {
        foreach (var i in IndicatorExtractor.Extract(text, context).Where(i => i.Valid))
        {
            var property = i.Kind switch
            {
                "phone" => "mentionsPhone",
                "email" => "mentionsEmail",
                "iban" => "mentionsIban",
                "wallet" => "mentionsWallet",
                "handle" => "mentionsHandle",
                "url" => "mentionsUrl",
                "mrz" => "mentionsDocument",
                "price" => "price",
                "place" => "place",
                _ => null,
            };
            if (property is not null)
            {
                yield return new PropertyValue(property, i.Text, i.Value);
            }
        }
    }
}
