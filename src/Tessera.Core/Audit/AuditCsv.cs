using System.Globalization;

namespace Tessera.Core.Audit;

/// <summary>The audit trail as CSV for a spreadsheet: one row per entry, text fields formula-neutralised.</summary>
public static class AuditCsv
{
    /// <summary>The header row.</summary>
    public const string Header = "sequence,time,user,organisation,action,target,outcome,details,query,purpose,hash";

    /// <summary>Writes the header and one row per entry.</summary>
    public static async Task WriteAsync(IAsyncEnumerable<AuditEntry> entries, TextWriter writer, CancellationToken ct = default)
    {
        await writer.WriteLineAsync(Header.AsMemory(), ct);
        await foreach (var e in entries.WithCancellation(ct))
        {
            var fields = new[] { e.Actor, e.Organisation, e.Action, e.Target, e.Outcome, e.Details, e.Query, e.Purpose }.Select(Graph.CsvLine.Quote);
            await writer.WriteLineAsync(string.Join(',', new[]
            {
                e.Sequence.ToString(CultureInfo.InvariantCulture), e.Time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            }.Concat(fields).Append(e.Hash)).AsMemory(), ct);
        }
    }
}
