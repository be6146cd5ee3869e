using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Tessera.Core.Model;

namespace Tessera.Core.Pprl;

/// <summary>One federation key: the secret the nodes of a federation share to encode persons and identifiers.</summary>
/// <remarks>The hub never holds it: it compares encodings without being able to compute them. The id travels in every
/// encoding so that encodings under different keys are never compared (they would look unrelated).</remarks>
/// <param name="Id">Short public name of the key (letters, digits, '-', '_'; at most 32 characters).</param>
/// <param name="Secret">32 random bytes.</param>
/// <param name="Created">When the key was made (UTC).</param>
public sealed record FederationKey(string Id, byte[] Secret, DateTimeOffset Created)
{
    /// <summary>Length of a secret in bytes (256 bits, the HMAC-SHA-256 block-size bound recommends at least the output length).</summary>
    public const int SecretLength = 32;
}

/// <summary>A federation key file: every key in the order it was made; the last one is the current key.</summary>
/// <remarks>
/// Format, one key a line: <c>key ID BASE64-SECRET CREATED-ISO-8601</c>; lines starting with '#' and blank lines are
/// ignored. Rotation appends a new key; older keys stay so that a node can still read, and re-encode, what it encoded
/// under them, until they are removed by hand.
/// </remarks>
public sealed class FederationKeyRing
{
    private FederationKeyRing(IReadOnlyList<FederationKey> keys) => Keys = keys;

    /// <summary>The keys, oldest first.</summary>
    public IReadOnlyList<FederationKey> Keys { get; }

    /// <summary>The key new encodings use: the last one.</summary>
    public FederationKey Current => Keys[^1];

    /// <summary>The key with this id, or null.</summary>
    public FederationKey? Find(string id) => Keys.FirstOrDefault(k => string.Equals(k.Id, id, StringComparison.Ordinal));

    /// <summary>Reads a key file; bad input names the file, line and field.</summary>
    public static FederationKeyRing Parse(TextReader reader, string source)
    {
        var keys = new List<FederationKey>();
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            var text = line.Trim();
            if (text.Length == 0 || text[0] == '#')
            {
                continue;
            }

            var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 4 || parts[0] != "key")
            {
                throw new ModelException("expected 'key ID SECRET CREATED'", source, number, "key");
            }

            if (!IsValidId(parts[1]))
            {
                throw new ModelException($"key id '{parts[1]}' must be 1–32 letters, digits, '-' or '_'", source, number, "id");
            }

            var secret = new byte[FederationKey.SecretLength];
            if (!Convert.TryFromBase64String(parts[2], secret, out var written) || written != FederationKey.SecretLength)
            {
                throw new ModelException($"the secret must be {FederationKey.SecretLength} bytes in base64", source, number, "secret");
            }

            if (!DateTimeOffset.TryParse(parts[3], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var created))
            {
                throw new ModelException($"'{parts[3]}' is not an ISO 8601 time", source, number, "created");
            }

            if (keys.Any(k => k.Id == parts[1]))
            {
                throw new ModelException($"key id '{parts[1]}' appears twice", source, number, "id");
            }

            keys.Add(new FederationKey(parts[1], secret, created.ToUniversalTime()));
        }

        return keys.Count == 0 ? throw new ModelException("no key in the file", source) : new FederationKeyRing(keys);
    }

    /// <summary>A ring with a new random key appended (the first key when <paramref name="ring"/> is null).</summary>
    public static FederationKeyRing Rotate(FederationKeyRing? ring, TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        var keys = ring?.Keys.ToList() ?? [];
        var id = "k" + now.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        for (var n = 2; keys.Any(k => k.Id == id); n++)
        {
            id = "k" + now.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + "-" + n.ToString(CultureInfo.InvariantCulture);
        }

        keys.Add(new FederationKey(id, RandomNumberGenerator.GetBytes(FederationKey.SecretLength), now));
        return new FederationKeyRing(keys);
    }

    /// <summary>The file text of the ring.</summary>
    public string Format()
    {
        var sb = new StringBuilder("# Tessera federation keys: share only with the nodes of the federation, never with the hub. The last key is current.\n");
        foreach (var k in Keys)
        {
            sb.Append(CultureInfo.InvariantCulture, $"key {k.Id} {Convert.ToBase64String(k.Secret)} {k.Created.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}\n");
        }

        return sb.ToString();
    }

    private static bool IsValidId(string id) =>
        id.Length is > 0 and <= 32 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
