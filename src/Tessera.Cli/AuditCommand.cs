using System.CommandLine;
using System.Globalization;

namespace Tessera.Cli;

/// <summary><c>tessera audit verify|list</c>: the hash-chained audit log.</summary>
internal static class AuditCommand
{
    public static Command Create()
    {
        var verify = new Command("verify", "Recompute the audit chain end to end and name the first broken entry.");
        verify.SetAction(async (parse, ct) =>
        {
            await using var store = await CliContext.OpenStoreAsync(ct);
            var result = await store.Audit.VerifyAsync(ct);
            if (result.Intact)
            {
                await CliContext.Out(parse).WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"audit log intact: {result.Checked} entries verified"));
                return ExitCodes.Ok;
            }

            await CliContext.Out(parse).WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"audit log BROKEN at entry {result.FirstBroken}: {result.Problem}"));
            return ExitCodes.BadInput;
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
                    $"{e.Sequence}\t{e.Time:yyyy-MM-dd'T'HH:mm:ss'Z'}\t{e.Actor}@{e.Organisation}\t{e.Action}\t{e.Target}\t{e.Outcome}\t{e.Details}"));
            }

            return ExitCodes.Ok;
        });
        return new Command("audit", "The append-only, hash-chained audit log.") { verify, list };
    }
}
