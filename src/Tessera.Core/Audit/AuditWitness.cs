using System.Globalization;
using System.Text.Json;

namespace Tessera.Core.Audit;

/// <summary>A witness of the audit chain: signed heads appended one per line to a file kept away from the node (another
/// machine, write-once storage, a partner), each a JSON object <c>{"seq","hash","time","signature"}</c>.</summary>
/// <remarks>Every witnessed head must still be a prefix of the chain: an entry rewritten under it, or a tail cut below it,
/// is detected even by someone who holds the key and re-signed the head in the database.</remarks>
public static class AuditWitness
{
    private sealed record Line(long Seq, string Hash, string Time, string Signature);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The line that records <paramref name="head"/> (without the line break).</summary>
    public static string Format(AuditHead head) =>
        JsonSerializer.Serialize(new Line(head.Sequence, head.Hash, head.Time.UtcDateTime.ToString("O", CultureInfo.InvariantCulture), head.Signature), Json);

    /// <summary>The heads of a witness file, each checked against <paramref name="key"/>'s signature.</summary>
    /// <exception cref="FormatException">A line is not a head, or is not signed by this key (a witness of another chain);
    /// the message names the line.</exception>
    public static IReadOnlyList<AuditHead> Parse(string text, AuditKey key)
    {
        var heads = new List<AuditHead>();
        var number = 0;
        foreach (var raw in text.Split('\n'))
        {
            number++;
            if (string.IsNullOrWhiteSpace(raw))
            {
                continue;
            }

            AuditHead head;
            try
            {
                var line = JsonSerializer.Deserialize<Line>(raw, Json) ?? throw new FormatException("empty");
                head = new AuditHead(line.Seq, line.Hash ?? "", DateTimeOffset.Parse(line.Time ?? "", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
                    line.Signature ?? "");
            }
            catch (Exception e) when (e is JsonException or FormatException or ArgumentNullException)
            {
                throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"line {number}: not a witnessed head ({e.Message})"), e);
            }

            if (!key.Signed(head))
            {
                throw new FormatException(string.Create(CultureInfo.InvariantCulture,
                    $"line {number}: the head of entry {head.Sequence} is not signed by this node's audit key (key {key.Id}): a witness of another chain, or altered"));
            }

            heads.Add(head);
        }

        return heads;
    }
}
