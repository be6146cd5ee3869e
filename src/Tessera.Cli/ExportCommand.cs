using System.CommandLine;
using Tessera.Core.Access;
using Tessera.Core.Ingest;
using Tessera.Core.Model;

namespace Tessera.Cli;

/// <summary><c>tessera export --format ftm|statements [--out FILE]</c>: every stored entity as exact FollowTheMoney JSON lines
/// (normalised values, Tessera's own schemata and properties in the declared extension, docs/ftm-extension/).</summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var format = new Option<string>("--format") { Description = "Export format: ftm (entities as JSON lines) or statements (FollowTheMoney statement CSV, one row per value with its provenance)", DefaultValueFactory = _ => "ftm" };
        var output = new Option<FileInfo?>("--out") { Description = "File to write (default: standard output)" };
        var org = new Option<string?>("--org") { Description = "Only the contributions of this organisation, with its own ids as it wrote them" };
        var command = new Command("export", "Export stored entities.") { format, output, org };
        command.SetAction(async (parse, ct) =>
        {
            var kind = parse.GetValue(format);
            if (kind is not ("ftm" or "statements"))
            {
                await CliContext.Error(parse).WriteLineAsync("tessera: --format is ftm or statements");
                return ExitCodes.Usage;
            }

            await using var store = await CliContext.OpenStoreAsync(ct);
            var only = parse.GetValue(org);
            if (only is not null && await store.Directory.OrganisationAsync(only, ct) is null)
            {
                throw new ModelException($"unknown organisation '{only}'", field: "org");
            }

            var rows = new List<FtmStatement>();
            var byEntity = new Dictionary<string, (string Schema, List<PropertyValue> Values)>(StringComparer.Ordinal);
            await foreach (var s in store.Contributions.AllStatementsAsync(ct))
            {
                if (only is not null && s.Contribution.Organisation != only)
                {
                    continue;
                }

                // An organisation's own export gives back its ids as it wrote them; a platform export keeps them qualified.
                var id = only is null ? s.Statement.EntityId : ProviderIds.Local(only, s.Statement.EntityId);
                if (!byEntity.TryGetValue(id, out var e))
                {
                    byEntity[id] = e = (s.Statement.Schema, []);
                }

                var reference = only is not null && SchemaModel.Default.GetSchema(s.Statement.Schema).Properties.TryGetValue(s.Statement.Property, out var p) && p.IsEntityReference;
                if (kind == "statements")
                {
                    var v = reference ? new PropertyValue(s.Statement.Property, ProviderIds.Local(only!, s.Statement.Value))
                        : new PropertyValue(s.Statement.Property, s.Statement.Value, s.Statement.Normalised, s.Statement.Valid, s.Statement.Reason);
                    rows.Add(FollowTheMoneyStatements.From(id, s.Statement.Schema, v, s.Contribution.Organisation,
                        "contribution:" + s.Contribution.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), s.Contribution.Created));
                    continue;
                }

                // The store holds the normalised value beside the value as provided: FollowTheMoney gets the normalised one.
                e.Values.Add(reference
                    ? new PropertyValue(s.Statement.Property, ProviderIds.Local(only!, s.Statement.Value))
                    : new PropertyValue(s.Statement.Property, s.Statement.Value, s.Statement.Normalised, s.Statement.Valid, s.Statement.Reason));
            }

            var target = parse.GetValue(output);
            await using var writer = target is null ? null : new StreamWriter(target.FullName);
            if (kind == "statements")
            {
                FollowTheMoneyStatements.Write(writer ?? CliContext.Out(parse), rows);
            }
            else
            {
                FollowTheMoney.Write(writer ?? CliContext.Out(parse), byEntity.Select(kv => new Entity(kv.Key, kv.Value.Schema, kv.Value.Values)));
            }

            await store.Audit.AppendAsync(new Core.Audit.AuditEvent(CliContext.Operator.UserName, CliContext.Operator.Organisation, "export." + kind,
                only is null ? "all" : "organisation:" + only, nameof(Decision.Allow),
                kind == "statements" ? $"{rows.Count} statements" : $"{byEntity.Count} entities"), ct);
            return ExitCodes.Ok;
        });
        return command;
    }
}
