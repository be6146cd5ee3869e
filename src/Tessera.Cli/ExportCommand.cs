using System.CommandLine;
using Tessera.Core.Access;
using Tessera.Core.Ingest;
using Tessera.Core.Model;

namespace Tessera.Cli;

/// <summary><c>tessera export --format ftm [--out FILE]</c>: every stored entity as FollowTheMoney JSON lines.</summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var format = new Option<string>("--format") { Description = "Export format: ftm", DefaultValueFactory = _ => "ftm" };
        var output = new Option<FileInfo?>("--out") { Description = "File to write (default: standard output)" };
        var org = new Option<string?>("--org") { Description = "Only the contributions of this organisation, with its own ids as it wrote them" };
        var command = new Command("export", "Export stored entities.") { format, output, org };
        command.SetAction(async (parse, ct) =>
        {
            if (parse.GetValue(format) != "ftm")
            {
                await CliContext.Error(parse).WriteLineAsync("tessera: only --format ftm is supported");
                return ExitCodes.Usage;
            }

            await using var store = await CliContext.OpenStoreAsync(ct);
            var only = parse.GetValue(org);
            if (only is not null && await store.Directory.OrganisationAsync(only, ct) is null)
            {
                throw new ModelException($"unknown organisation '{only}'", field: "org");
            }

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
                e.Values.Add(new PropertyValue(s.Statement.Property, reference ? ProviderIds.Local(only!, s.Statement.Value) : s.Statement.Value));
            }

            var target = parse.GetValue(output);
            await using var writer = target is null ? null : new StreamWriter(target.FullName);
            FollowTheMoney.Write(writer ?? CliContext.Out(parse), byEntity.Select(kv => new Entity(kv.Key, kv.Value.Schema, kv.Value.Values)));
            await store.Audit.AppendAsync(new Core.Audit.AuditEvent(CliContext.Operator.UserName, CliContext.Operator.Organisation, "export.ftm",
                only is null ? "all" : "organisation:" + only, nameof(Decision.Allow), $"{byEntity.Count} entities"), ct);
            return ExitCodes.Ok;
        });
        return command;
    }
}
