using Tessera.Core.Normalisation;

namespace Tessera.Core.Ingest.Indicators;

public static partial class IndicatorExtractor
{
    // Lines of a machine-readable zone stand alone on their lines: find 2 or 3 consecutive lines of MRZ shape whose check digits hold.
    private static IEnumerable<Indicator> MachineReadableZones(string text, NormalisationContext context)
    {
        if (!text.Contains('<', StringComparison.Ordinal))
        {
            yield break;
        }

        var lines = new List<(int Start, int Length, string Line)>();
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i == text.Length || text[i] == '\n')
            {
                var raw = text[start..i].TrimEnd('\r');
                var lead = raw.Length - raw.TrimStart().Length;
                var trimmed = raw.Trim();
                lines.Add((start + lead, trimmed.Length, trimmed));
                start = i + 1;
            }
        }

        for (var i = 0; i < lines.Count; i++)
        {
            foreach (var n in (int[])[3, 2])
            {
                if (i + n > lines.Count)
                {
                    continue;
                }

                var width = lines[i].Length;
                if (width is not (30 or 36 or 44) || lines.Skip(i).Take(n).Any(l => l.Length != width))
                {
                    continue;
                }

                var block = string.Join('\n', lines.Skip(i).Take(n).Select(l => l.Line));
                if (!MrzNormaliser.LooksLikeMrz(block))
                {
                    continue;
                }

                var result = MrzNormaliser.Normalise(block, context);
                if (result.Valid)
                {
                    var last = lines[i + n - 1];
                    var attributes = new Dictionary<string, string>(StringComparer.Ordinal)
                    {
                        ["format"] = result.Format ?? "",
                        ["documentNumber"] = result.DocumentNumber ?? "",
                        ["nationality"] = result.Nationality ?? "",
                        ["birthDate"] = result.BirthDate ?? "",
                        ["names"] = result.Names ?? "",
                    };
                    var span = last.Start + last.Length - lines[i].Start;
                    yield return new Indicator("mrz", lines[i].Start, span, text.Substring(lines[i].Start, span), result.DocumentNumber, true, attributes);
                    i += n - 1;
                    break;
                }
            }
        }
    }
}
