using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Tessera.Core.Matching;
using Tessera.Core.Model;
using Tessera.Core.Normalisation.Names;

namespace Tessera.Core.Pprl;

/// <summary>Encodes persons for privacy-preserving record linkage: a record-level Bloom filter (cryptographic long-term key,
/// Schnell, Bachteler and Reiher 2011) over the person's features, and HMAC-SHA-256 hashes of strong identifiers.</summary>
/// <remarks>
/// Names go through the matcher's cross-script keys first (<see cref="PersonName"/>: Latin transliteration, consonant
/// skeleton, phonetic code, name-equivalence group), so محمد and Mohammed set the same skeleton and equivalence bits.
/// Features and the number of bits each sets (k) are fixed per kind: name keys weigh most, birth date next, address
/// least. Thread-safe; encoding costs one HMAC per feature (about 60 per person).
/// </remarks>
public sealed class PersonEncoder
{
    private const int HardenedLength = 2 * BloomBits.Length;
    private readonly FederationKey _key;
    private readonly PprlEncoderOptions _options;

    /// <summary>An encoder under <paramref name="key"/>.</summary>
    public PersonEncoder(FederationKey key, PprlEncoderOptions? options = null)
    {
        _key = key;
        _options = options ?? new PprlEncoderOptions();
        if (_options.Salt is not ("none" or "birthYear"))
        {
            throw new ModelException($"unknown salt '{_options.Salt}' (known: none, birthYear)", field: "--salt");
        }
    }

    /// <summary>The encoding of one person.</summary>
    public PersonEncoding Encode(PersonRecord record)
    {
        var length = _options.Hardened && _options.Fold ? HardenedLength : BloomBits.Length;
        var bits = new ulong[length / 64];
        var birth = FieldKeys.Date(record.BirthDate, out _);
        var salt = _options.Hardened && _options.Salt == "birthYear" && birth > 0 ? (birth / 10000).ToString("D4", System.Globalization.CultureInfo.InvariantCulture) : "";
        var mac = new byte[32];
        // The weights below are relative; scaled by 3 a Febrl or field record sets about half of the 1,024 bits, the density at
        // which a Bloom filter carries the most information (and at which anonlink's Febrl schema operates).
        void Add(string field, string value, int k) => Set(bits, length, field, value, k * 3, mac);

        foreach (var token in NameTokens(record))
        {
            AddName(token, salt, Add);
        }

        if (birth > 0)
        {
            var text = birth.ToString("D8", System.Globalization.CultureInfo.InvariantCulture);
            Add("by", text[..4], 8);
            if (text[4..6] != "00")
            {
                Add("bm", text[4..6], 5);
            }

            if (text[6..8] != "00")
            {
                Add("bd", text[6..8], 5);
            }

            for (var i = 0; i < text.Length; i++)
            {
                Add("b" + (char)('0' + i), text[i].ToString(), 2);
            }
        }

        AddWhole("gender", FieldKeys.Gender(record.Gender), 6, Add);
        AddWhole("nationality", FieldKeys.Country(record.Nationality), 8, Add);
        AddWhole("country", FieldKeys.Country(record.Country), 4, Add);
        AddWhole("region", FieldKeys.Text(record.Region), 4, Add);
        AddGrams("birthPlace", FieldKeys.Text(record.BirthPlace), 3, Add);
        AddGrams("street", FieldKeys.Text(record.Street), 2, Add);
        AddGrams("street2", FieldKeys.Text(record.Street2), 2, Add);
        AddGrams("city", FieldKeys.Text(record.City), 3, Add);
        var postcode = FieldKeys.Document(record.PostalCode);
        for (var i = 0; postcode is not null && i < postcode.Length; i++)
        {
            Add("pc" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), postcode[i].ToString(), 3);
        }

        var identifiers = StrongIdentifiers(record).ToList();
        // Strong identifiers also enter the filter as bigrams, so that one mistyped digit costs a little agreement and not all.
        foreach (var (kind, value) in identifiers)
        {
            Grams(kind, value, 4, Add);
        }

        var bloom = length == HardenedLength ? Fold(bits) : bits;
        return new PersonEncoding(record.Id, _key.Id, bloom, [.. identifiers.Select(i => i.Kind + ":" + KeyedHash(_key, i.Kind, i.Value)).Distinct(StringComparer.Ordinal)]);
    }

    /// <summary>HMAC-SHA-256 of a normalised identifier under the key, in base64: equal identifiers give equal hashes under one key,
    /// and nobody without the key can test a guess.</summary>
    public static string KeyedHash(FederationKey key, string kind, string normalised) =>
        Convert.ToBase64String(HMACSHA256.HashData(key.Secret, Encoding.UTF8.GetBytes(kind + "\u001f" + normalised)));

    /// <summary>The strong identifiers of a person, normalised as the matcher normalises them (document numbers without separators,
    /// the last nine digits of a phone, lower-case e-mail).</summary>
    public static IEnumerable<(string Kind, string Value)> StrongIdentifiers(PersonRecord r)
    {
        foreach (var d in r.IdNumbers.Concat(r.PassportNumbers).Select(FieldKeys.Document).OfType<string>().Distinct(StringComparer.Ordinal))
        {
            yield return ("document", d);
        }

        foreach (var p in r.Phones.Select(FieldKeys.Phone).OfType<string>().Distinct(StringComparer.Ordinal))
        {
            yield return ("phone", p);
        }

        foreach (var e in r.Emails.Select(FieldKeys.Email).OfType<string>().Distinct(StringComparer.Ordinal))
        {
            yield return ("email", e);
        }

        foreach (var i in r.Ibans.Select(FieldKeys.Document).OfType<string>().Distinct(StringComparer.Ordinal))
        {
            yield return ("iban", i);
        }
    }

    private static IEnumerable<NameToken> NameTokens(PersonRecord r)
    {
        var name = r.HasNameParts ? PersonName.FromParts(r.FirstName, r.MiddleName, r.LastName, r.FatherName) : PersonName.Parse(r.Name);
        var tokens = name.Tokens.AsEnumerable();
        if (r.HasNameParts && !string.IsNullOrWhiteSpace(r.Name))
        {
            tokens = tokens.Concat(PersonName.Parse(r.Name).Tokens);
        }

        return tokens.Concat(r.Aliases.SelectMany(a => PersonName.Parse(a).Tokens)).Where(t => t.Latin.Length > 0);
    }

    /// <summary>A name token's features: its cross-script keys (equivalence group, skeleton, phonetic code) and the bigrams of
    /// its skeleton and of its group label or Latin form. Roles are left out so that
    /// a swapped given and family name still agree.</summary>
    private static void AddName(NameToken token, string salt, Action<string, string, int> add)
    {
        if (token.Equivalence >= 0)
        {
            add("n=" + salt, NameEquivalents.Label(token.Equivalence), 10);
        }

        add("ns" + salt, token.Skeleton, 8);
        add("np" + salt, token.Phonetic, 4);
        Grams("nsg" + salt, token.Skeleton, 4, add);
        // A token in the equivalence table stands for its group (as in the matcher's term keys): محمد, Mohammed and Muhammad all
        // give the bigrams of the group's label. Other tokens give the bigrams of their Latin form, unless written in an abjad,
        // whose transliteration lacks the short vowels that a Latin spelling has.
        if (token.Equivalence >= 0)
        {
            Grams("nlg" + salt, NameEquivalents.Label(token.Equivalence), 6, add);
        }
        else if (!token.Abjad)
        {
            Grams("nlg" + salt, token.Latin, 6, add);
        }
    }

    private static void AddWhole(string field, string? value, int k, Action<string, string, int> add)
    {
        if (value is not null)
        {
            add(field, value, k);
        }
    }

    private static void AddGrams(string field, string? value, int k, Action<string, string, int> add)
    {
        if (value is not null)
        {
            Grams(field, value, k, add);
        }
    }

    /// <summary>Padded bigrams ("_m", "mo", …, "d_").</summary>
    private static void Grams(string field, string value, int k, Action<string, string, int> add)
    {
        var padded = "_" + value + "_";
        for (var i = 0; i + 1 < padded.Length; i++)
        {
            add(field, padded.Substring(i, 2), k);
        }
    }

    /// <summary>Sets the k positions of one feature. Hardened: the positions are successive 16-bit slices of the feature's HMAC
    /// (a fresh HMAC per 16 positions), i.e. independent keyed random hashing. Unhardened: keyed double hashing
    /// g_i = h1 + i·h2 mod m, whose arithmetic structure pattern-mining attacks exploit.</summary>
    private void Set(ulong[] bits, int length, string field, string value, int k, byte[] mac)
    {
        var input = Encoding.UTF8.GetBytes(field + "\u001f" + value);
        HMACSHA256.HashData(_key.Secret, input, mac);
        if (!_options.Hardened)
        {
            var h1 = BinaryPrimitives.ReadUInt64LittleEndian(mac);
            var h2 = BinaryPrimitives.ReadUInt64LittleEndian(mac.AsSpan(8)) | 1;
            for (var i = 0; i < k; i++)
            {
                var p = (int)((h1 + ((ulong)i * h2)) % (ulong)length);
                bits[p >> 6] |= 1UL << (p & 63);
            }

            return;
        }

        for (var i = 0; i < k; i++)
        {
            if (i > 0 && i % 16 == 0)
            {
                HMACSHA256.HashData(_key.Secret, mac, mac);
            }

            var p = BinaryPrimitives.ReadUInt16LittleEndian(mac.AsSpan(2 * (i % 16))) % length;
            bits[p >> 6] |= 1UL << (p & 63);
        }
    }

    /// <summary>XOR folding: the two halves of the 2,048-bit filter XOR-ed into 1,024 bits, so no bit shows one feature.</summary>
    private static ulong[] Fold(ulong[] bits)
    {
        var folded = new ulong[BloomBits.Words];
        for (var i = 0; i < folded.Length; i++)
        {
            folded[i] = bits[i] ^ bits[i + BloomBits.Words];
        }

        return folded;
    }
}
