using System.CommandLine;
using System.Globalization;
using Tessera.Core.Audit;

namespace Tessera.Cli;

/// <summary><c>tessera audit verify|witness|list|export</c>: the keyed, hash-chained audit log and its witness.</summary>
internal static class AuditCommand
{
    public static Command Create()
    {
        var witnessFile = new Option<FileInfo?>("--witness") { Description = "A witness file (from 'audit witness'): every head in it must still be a prefix of the chain" };
        var verify = new Command("verify", "Recompute the keyed audit chain end to end, check the head's signature and any witness, and name the first broken entry.") { witnessFile };
        verify.SetAction(async (parse, ct) =>
        {
            await using var store = await CliContext.OpenStoreAsync(ct);
            IReadOnlyList<AuditHead> witnessed = [];
            if (parse.GetValue(witnessFile) is { } file)
            {
                try
                {
                    witnessed = AuditWitness.Parse(await File.ReadAllTextAsync(file.FullName, ct), store.Audit.Key);
                }
                catch (Exception e) when (e is FormatException or IOException)
                {
                    await CliContext.Error(parse).WriteLineAsync($"{file.FullName}: witness refused: {e.Message}");
                    return ExitCodes.BadInput;
                }
            }

            var result = await store.Audit.VerifyAsync(witnessed, ct);
            if (result.Intact)
            {
                var witnesses = witnessed.Count == 0 ? "" : string.Create(CultureInfo.InvariantCulture, $", {witnessed.Count} witnessed heads still in the chain");
                await CliContext.Out(parse).WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"audit log intact: {result.Checked} entries verified with key {store.Audit.Key.Id}, head signed{witnesses}"));
                return ExitCodes.Ok;
            }

            await CliContext.Out(parse).WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"audit log BROKEN at entry {result.FirstBroken}: {result.Problem}"));
            return ExitCodes.BadInput;
        });

        var output = new Option<FileInfo>("--out") { Description = "The witness file to append the signed head to", Required = true };
        var witness = new Command("witness", "Append the signed head of the audit chain (entries, last hash, time, signature) to a witness file kept away from this node.") { output };
        witness.SetAction(async (parse, ct) =>
        {
            await using var store = await CliContext.OpenStoreAsync(ct);
            var head = await store.Audit.WitnessAsync(parse.GetValue(output)!.FullName, ct);
            await CliContext.Out(parse).WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"witnessed entry {head.Sequence} ({head.Hash[..16]}…) signed with key {store.Audit.Key.Id}"));
            return ExitCodes.Ok;
        });

        var from = new Option<long>("--from") { Description = "First entry", DefaultValueFactory = _ => 1 };
        var limit = new Option<long>("--limit") { Description = "How many entries", DefaultValueFactory = _ => 100 };
        var list = new Command("list", "Print audit entries.") { from, limit };
        list.SetAction(async (parse, ct) =>
        {
            await using var store = await CliContext.OpenStoreAsync(ct);
            await foreach (var e in store.Audit.ReadAsync(parse.GetValue(from), parse.GetValue(limit), ct))
            {
                await CliContext.Out(parse).WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{e.Sequence}\t{e.Time:yyyy-MM-dd'T'HH:mm:ss'Z'}\t{e.Actor}@{e.Organisation}\t{e.Action}\t{e.Target}\t{e.Outcome}\t{e.Details}\t{e.Query}\t{e.Purpose}"));
            }

            return ExitCodes.Ok;
        });
        return new Command("audit", "The append-only, keyed hash-chained audit log.") { verify, witness, list, Export() };
    }

    private static Command Export()
    {
        var user = new Option<string?>("--user") { Description = "Only entries of this user" };
        var org = new Option<string?>("--org") { Description = "Only entries of users of this organisation" };
        var action = new Option<string?>("--action") { Description = "An action (entity.search) or a family of them (user)" };
        var outcome = new Option<string?>("--outcome") { Description = "Only this outcome (ok, Allow, Deny, failed …)" };
        var from = new Option<string?>("--from") { Description = "First day (yyyy-mm-dd, UTC) or instant (ISO 8601)" };
        var to = new Option<string?>("--to") { Description = "Last day, included (yyyy-mm-dd, UTC), or first instant excluded" };
        var output = new Option<FileInfo?>("--out") { Description = "The CSV file to write; stdout when left out" };
        var export = new Command("export", "Write the entries matching the criteria as CSV, oldest first; text cannot start a spreadsheet formula.")
        {
            user, org, action, outcome, from, to, output,
        };
        export.SetAction(async (parse, ct) =>
        {
            var filter = new Storage.Audit.AuditQuery(parse.GetValue(user), parse.GetValue(org), parse.GetValue(action), parse.GetValue(outcome),
                parse.GetValue(from), parse.GetValue(to)).ToFilter();
            await using var store = await CliContext.OpenStoreAsync(ct);
            if (parse.GetValue(output) is { } file)
            {
                await using var writer = new StreamWriter(file.FullName, false, new System.Text.UTF8Encoding(false));
                await AuditCsv.WriteAsync(store.Audit.MatchingAsync(filter, ct), writer, ct);
            }
            else
            {
                await AuditCsv.WriteAsync(store.Audit.MatchingAsync(filter, ct), CliContext.Out(parse), ct);
            }

            return ExitCodes.Ok;
        });
        return export;
    }
}
