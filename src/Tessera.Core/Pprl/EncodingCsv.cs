using System.Buffers.Binary;
using Tessera.Core.Matching;
using Tessera.Core.Model;

namespace Tessera.Core.Pprl;

/// <summary>The encoded-person file a node hands over: <c>id,key_id,bloom,identifiers</c>, the bloom as base64 of 128 bytes
/// (little-endian words) and the identifiers as "kind:hash" separated by ';'.</summary>
public static class EncodingCsv
{
    /// <summary>The header line.</summary>
    public const string Header = "id,key_id,bloom,identifiers";

    /// <summary>Writes <paramref name="encodings"/> with the header.</summary>
    public static void Write(TextWriter writer, IEnumerable<PersonEncoding> encodings)
    {
        writer.Write(Header + "\n");
        Span<byte> bytes = stackalloc byte[BloomBits.Length / 8];
        foreach (var e in encodings)
        {
            for (var w = 0; w < BloomBits.Words; w++)
            {
                BinaryPrimitives.WriteUInt64LittleEndian(bytes[(w * 8)..], e.Bloom[w]);
            }

            writer.Write(Cell(e.Id) + "," + e.KeyId + "," + Convert.ToBase64String(bytes) + "," + string.Join(';', e.Identifiers) + "\n");
        }
    }

    /// <summary>Reads an encoding file; every row must be under one key. Bad input names the file, line and field.</summary>
    public static List<PersonEncoding> Read(TextReader reader, string source)
    {
        var line = 1;
        var header = PersonCsv.ReadRow(reader, ref line) ?? throw new ModelException("empty file: no header row", source, 1);
        if (string.Join(',', header.Select(h => h.Trim())) != Header)
        {
            throw new ModelException($"the header must be '{Header}' (an encoding file from 'tessera pprl encode')", source, 1, "header");
        }

        var result = new List<PersonEncoding>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var bytes = new byte[BloomBits.Length / 8];
        while (true)
        {
            var rowLine = line;
            var row = PersonCsv.ReadRow(reader, ref line);
            if (row is null)
            {
                break;
            }

            if (row.Count == 1 && row[0].Length == 0)
            {
                continue;
            }

            if (row.Count != 4)
            {
                throw new ModelException($"expected 4 cells, found {row.Count}", source, rowLine, "id");
            }

            var id = row[0];
            if (id.Length == 0 || !seen.Add(id))
            {
                throw new ModelException(id.Length == 0 ? "empty id" : $"duplicate id '{id}'", source, rowLine, "id");
            }

            if (result.Count > 0 && row[1] != result[0].KeyId)
            {
                throw new ModelException($"key '{row[1]}' differs from the file's key '{result[0].KeyId}': one file holds one key's encodings", source, rowLine, "key_id");
            }

            if (row[1].Length == 0)
            {
                throw new ModelException("empty key id", source, rowLine, "key_id");
            }

            if (!Convert.TryFromBase64String(row[2], bytes, out var written) || written != bytes.Length)
            {
                throw new ModelException($"the bloom must be {bytes.Length} bytes in base64", source, rowLine, "bloom");
            }

            var bloom = new ulong[BloomBits.Words];
            for (var w = 0; w < bloom.Length; w++)
            {
                bloom[w] = BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(w * 8));
            }

            var identifiers = row[3].Split(';', StringSplitOptions.RemoveEmptyEntries);
            if (identifiers.FirstOrDefault(i => i.IndexOf(':', StringComparison.Ordinal) <= 0) is { } bad)
            {
                throw new ModelException($"identifier '{bad}' is not kind:hash", source, rowLine, "identifiers");
            }

            result.Add(new PersonEncoding(id, row[1], bloom, identifiers));
        }

        return result;
    }

    private static string Cell(string value) =>
        value.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
