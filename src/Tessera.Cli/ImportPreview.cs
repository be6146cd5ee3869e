using System.Globalization;
using Tessera.Core.Ingest;

namespace Tessera.Cli;

/// <summary>Prints the first rows of an import as entities, with the problems found.</summary>
internal static class ImportPreview
{
    public static async Task WriteAsync(TextWriter output, PreparedImport prepared)
    {
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{prepared.Source}: {prepared.Format}; first {prepared.Rows} rows give {prepared.Entities.Count} entities"));
        foreach (var e in prepared.Entities)
        {
            await output.WriteLineAsync($"{e.Schema} {e.Id}");
            foreach (var v in e.Values)
            {
                var normalised = v.Normalised is null || v.Normalised == v.Value ? "" : "  → " + v.Normalised;
                var invalid = v.Valid ? "" : "  (invalid: " + v.Reason + ")";
                await output.WriteLineAsync($"  {v.Property}: {v.Value}{normalised}{invalid}");
            }
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{prepared.Problems.Count} problems"));
        foreach (var p in prepared.Problems)
        {
            await output.WriteLineAsync("  " + p);
        }
    }
}
