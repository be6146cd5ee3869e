using Tessera.Core.Normalisation.Names;

namespace Tessera.Core.Matching;

internal sealed partial class FeatureTable
{
    private static readonly string[] PatronymicEndings = ["ovich", "evich", "ovych", "evych", "ivich", "ovna", "evna", "ivna", "ogly", "oglu", "kyzy", "qizi"];

    /// <summary>Russian/Ukrainian patronymics and Turkic "son of" forms, which documents often leave out.</summary>
    internal static bool IsPatronymic(string latin)
    {
        if (latin.Length <= 6)
        {
            return false;
        }

        foreach (var ending in PatronymicEndings)
        {
            if (latin.EndsWith(ending, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasNonLatin(string text)
    {
        foreach (var c in text)
        {
            if (c > 0x24F && char.IsLetter(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A record's keys as strings, computed in parallel before the (sequential, deterministic) interning.</summary>
    private sealed class Keys
    {
        public required List<NameToken> Given { get; init; }
        public required List<NameToken> Family { get; init; }
        public required string? GivenValue { get; init; }
        public required string? FamilyValue { get; init; }
        public required string? FullValue { get; init; }
        public required int BirthDate { get; init; }
        public required bool BirthDateInvalid { get; init; }
        public required string?[] Fields { get; init; }
        public required string[][] Identifiers { get; init; }
    }

    private static Keys KeysOf(PersonRecord r, PersonName name)
    {
        // Plain loops, no LINQ: a million records allocate a million times less garbage for the collector to chase.
        var given = new List<NameToken>(name.Tokens.Count);
        var family = new List<NameToken>(name.Tokens.Count);
        for (var t = 0; t < name.Tokens.Count; t++)
        {
            var token = name.Tokens[t];
            if (token.Role is NameRole.Given or NameRole.Unknown)
            {
                given.Add(token);
            }
            else if (token.Role is NameRole.Family or NameRole.Father)
            {
                family.Add(token);
            }
        }

        return new Keys
        {
            Given = given,
            Family = family,
            GivenValue = ValueKey(given),
            FamilyValue = ValueKey(family),
            FullValue = ValueKey(name.Tokens),
            BirthDate = FieldKeys.Date(r.BirthDate, out var invalid),
            BirthDateInvalid = invalid,
            Fields =
            [
                FieldKeys.Country(r.Nationality), FieldKeys.Gender(r.Gender), FieldKeys.Text(r.BirthPlace), FieldKeys.Text(r.Street),
                FieldKeys.Text(r.Street2), FieldKeys.Text(r.City), FieldKeys.Document(r.PostalCode), FieldKeys.Text(r.Region), FieldKeys.Country(r.Country),
            ],
            Identifiers =
            [
                DistinctKeys(r.IdNumbers, r.PassportNumbers, FieldKeys.Document), DistinctKeys(r.Phones, [], FieldKeys.Phone),
                DistinctKeys(r.Emails, [], FieldKeys.Email), DistinctKeys(r.Ibans, [], FieldKeys.Document),
            ],
        };
    }

    /// <summary>The tokens' keys sorted (ordinal) and joined by spaces, or null for no tokens. A token in the equivalence
    /// table stands for its group, so that term frequencies count a name and not one of its spellings (Mehmet is rare as a
    /// spelling and common as a name).</summary>
    private static string? ValueKey(IReadOnlyList<NameToken> tokens)
    {
        if (tokens.Count == 0)
        {
            return null;
        }

        if (tokens.Count == 1)
        {
            return tokens[0].Latin.Length == 0 ? null : TokenKey(tokens[0]);
        }

        var latin = new string[tokens.Count];
        for (var t = 0; t < latin.Length; t++)
        {
            latin[t] = TokenKey(tokens[t]);
        }

        Array.Sort(latin, StringComparer.Ordinal);
        var key = string.Join(' ', latin);
        return key.Length == 0 ? null : key;
    }

    private static string TokenKey(NameToken token) => token.Equivalence >= 0 ? "=" + NameEquivalents.Label(token.Equivalence) : token.Latin;

    /// <summary>The normalised keys of <paramref name="first"/> then <paramref name="second"/>, distinct in first-seen order, at most 255.</summary>
    private static string[] DistinctKeys(IReadOnlyList<string> first, IReadOnlyList<string> second, Func<string, string?> normalise)
    {
        var total = first.Count + second.Count;
        if (total == 0)
        {
            return [];
        }

        var keys = new List<string>(total);
        for (var k = 0; k < total && keys.Count < 255; k++)
        {
            var key = normalise(k < first.Count ? first[k] : second[k - first.Count]);
            if (key is not null && !Seen(keys, key))
            {
                keys.Add(key);
            }
        }

        return [.. keys];
    }

    private static bool Seen(List<string> keys, string key)
    {
        foreach (var k in keys)
        {
            if (string.Equals(k, key, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    // Records parsed per chunk; the parse caches are emptied between chunks once they hold more names than this.
    internal const int ParseChunkSize = 65_536;
    private const int ParseCacheBound = 262_144;

    /// <summary>Normalises every record once (names in parallel) and interns the keys into <paramref name="vocab"/>.</summary>
    /// <param name="keepNames">Keep the parsed names (<see cref="Names"/>, read by explanations). A resident index leaves
    /// them out: they are the larger part of a table's memory, and an explanation can parse its one record again.</param>
    /// <param name="chunk">Records parsed per chunk (a test sets it small to cross chunk boundaries).</param>
    public static FeatureTable Build(IReadOnlyList<PersonRecord> records, Vocabulary vocab, bool keepNames = true, int chunk = ParseChunkSize)
    {
        var n = records.Count;
        var names = new PersonName[n];
        var aliases = new PersonName[n][];
        var recordKeys = new Keys[n];
        // A name written the same way is parsed once per table (PersonName is immutable, so records share it): in a
        // large population the same given and family names come back thousands of times.
        var parts = n < 64 ? null : new System.Collections.Concurrent.ConcurrentDictionary<(string?, string?, string?, string?), PersonName>();
        var whole = n < 64 ? null : new System.Collections.Concurrent.ConcurrentDictionary<string, PersonName>(StringComparer.Ordinal);
        PersonName FromParts(PersonRecord r) => parts is null
            ? PersonName.FromParts(r.FirstName, r.MiddleName, r.LastName, r.FatherName)
            : parts.GetOrAdd((r.FirstName, r.MiddleName, r.LastName, r.FatherName), k => PersonName.FromParts(k.Item1, k.Item2, k.Item3, k.Item4));
        PersonName Parse(string? text) => whole is null || text is null ? PersonName.Parse(text) : whole.GetOrAdd(text, PersonName.Parse);
        void ParseRecord(int i)
        {
            var r = records[i];
            names[i] = r.HasNameParts ? FromParts(r) : Parse(r.Name);
            var hasWhole = r.HasNameParts && !string.IsNullOrWhiteSpace(r.Name);
            if (!hasWhole && r.Aliases.Count == 0)
            {
                aliases[i] = [];
            }
            else
            {
                var extra = new List<PersonName>();
                if (hasWhole)
                {
                    extra.Add(Parse(r.Name));
                }

                extra.AddRange(r.Aliases.Where(a => !string.IsNullOrWhiteSpace(a)).Select(Parse));
                aliases[i] = [.. extra];
            }
            recordKeys[i] = KeysOf(r, names[i]);
        }

        void ParseChunk(int from, int to)
        {
            if (n < 64)
            {
                for (var i = from; i < to; i++)
                {
                    ParseRecord(i);
                }
            }
            else
            {
                Parallel.For(from, to, ParseRecord);
            }
        }

        var latin = new List<int>(n * 3);
        var skeleton = new List<int>(n * 3);
        var phonetic = new List<int>(n * 3);
        var equivalence = new List<int>(n * 3);
        var flags = new List<byte>(n * 3);
        var aliasStart = new List<int>();
        var aliasLength = new List<byte>();
        var t = new FeatureTable
        {
            Vocab = vocab,
            Ids = [.. records.Select(r => r.Id)],
            TokLatin = [], TokSkeleton = [], TokPhonetic = [], TokEquivalence = [], TokFlags = [],
            GivenStart = new int[n], GivenLength = new byte[n], FamilyStart = new int[n], FamilyLength = new byte[n],
            FullStart = new int[n], FullLength = new byte[n], AliasFirst = new int[n], AliasCount = new byte[n],
            AliasRangeStart = [], AliasRangeLength = [],
            GivenValue = new int[n], FamilyValue = new int[n], FullValue = new int[n],
            BirthDate = new int[n], BirthDateInvalid = new bool[n], Nationality = new int[n], Gender = new int[n],
            BirthPlace = new int[n], Street = new int[n], Street2 = new int[n], City = new int[n], PostalCode = new int[n],
            Region = new int[n], Country = new int[n],
            Identifiers = [], CommonName = [], Names = names,
        };

        int AddTokens(IReadOnlyList<NameToken> tokens, bool given = false)
        {
            var count = 0;
            for (; count < tokens.Count && count < 16; count++)
            {
                var tok = tokens[count];

                latin.Add(vocab.Intern(tok.Latin));
                skeleton.Add(vocab.Intern(tok.Skeleton));
                phonetic.Add(vocab.Intern(tok.Phonetic));
                equivalence.Add(tok.Equivalence);
                var f = (byte)(tok.Abjad ? FlagAbjad : 0);
                if (!string.Equals(tok.Original, tok.Latin, StringComparison.Ordinal) && HasNonLatin(tok.Original))
                {
                    f |= FlagNonLatin;
                }

                if (tok.Latin.Length == 1 || IsPatronymic(tok.Latin))
                {
                    f |= FlagCheap;
                }

                f |= (byte)(((tok.Marks & NameMarks.Acronym) != 0 ? FlagAcronym : 0) | ((tok.Marks & NameMarks.Titled) != 0 ? FlagTitled : 0)
                    | ((tok.Marks & NameMarks.Ancestor) != 0 ? FlagAncestor : 0) | (given && count > 0 && tok.Role == NameRole.Given ? FlagMiddle : 0));

                flags.Add(f);
            }

            return count;
        }

        int Intern(string? s) => s is null ? -1 : vocab.Intern(s);

        var idPools = Enumerable.Range(0, 4).Select(_ => (Start: new int[n], Length: new byte[n], Values: new List<int>())).ToArray();
        var common = new bool[n];
        // Records are parsed in chunks, the next chunk (on the other cores) while this one is interned (in record order, so
        // the ids are those of one pass). Without names to keep, a chunk's parsed names are dropped once interned, and the
        // parse caches are emptied when large, so that a table of millions never holds every parsed name at once.
        ParseChunk(0, Math.Min(n, chunk));
        Task? parsing = null;
        for (var i = 0; i < n; i++)
        {
            if (i % chunk == 0)
            {
                parsing?.Wait();
                if (!keepNames && i > 0)
                {
                    Array.Clear(names, i - chunk, chunk);
                    Array.Clear(aliases, i - chunk, chunk);
                    Array.Clear(recordKeys, i - chunk, chunk);
                    if (parts?.Count > ParseCacheBound || whole?.Count > ParseCacheBound)
                    {
                        parts?.Clear();
                        whole?.Clear();
                    }
                }

                var (next, end) = (i + chunk, Math.Min(n, i + (2 * chunk)));
                parsing = next < end ? Task.Run(() => ParseChunk(next, end)) : null;
            }

            var name = names[i];
            var k = recordKeys[i];
            t.GivenStart[i] = latin.Count;
            t.GivenLength[i] = (byte)AddTokens(k.Given, given: true);
            t.FamilyStart[i] = latin.Count;
            t.FamilyLength[i] = (byte)AddTokens(k.Family);
            t.FullStart[i] = latin.Count;
            t.FullLength[i] = (byte)AddTokens(name.Tokens);
            t.AliasFirst[i] = aliasStart.Count;
            foreach (var alias in aliases[i].Take(32))
            {
                aliasStart.Add(latin.Count);
                aliasLength.Add((byte)AddTokens(alias.Tokens));
            }

            t.AliasCount[i] = (byte)(aliasStart.Count - t.AliasFirst[i]);
            t.GivenValue[i] = Intern(k.GivenValue);
            t.FamilyValue[i] = Intern(k.FamilyValue);
            t.FullValue[i] = Intern(k.FullValue);
            t.BirthDate[i] = k.BirthDate;
            t.BirthDateInvalid[i] = k.BirthDateInvalid;
            t.Nationality[i] = Intern(k.Fields[0]);
            t.Gender[i] = Intern(k.Fields[1]);
            t.BirthPlace[i] = Intern(k.Fields[2]);
            t.Street[i] = Intern(k.Fields[3]);
            t.Street2[i] = Intern(k.Fields[4]);
            t.City[i] = Intern(k.Fields[5]);
            t.PostalCode[i] = Intern(k.Fields[6]);
            t.Region[i] = Intern(k.Fields[7]);
            t.Country[i] = Intern(k.Fields[8]);
            for (var slot = 0; slot < 4; slot++)
            {
                var pool = idPools[slot];
                pool.Start[i] = pool.Values.Count;
                foreach (var v in k.Identifiers[slot])
                {
                    pool.Values.Add(vocab.Intern(v));
                }

                pool.Length[i] = (byte)(pool.Values.Count - pool.Start[i]);
            }

            common[i] = IsCommon(name);
        }

        return new FeatureTable
        {
            Vocab = vocab, Ids = t.Ids,
            TokLatin = [.. latin], TokSkeleton = [.. skeleton], TokPhonetic = [.. phonetic], TokEquivalence = [.. equivalence], TokFlags = [.. flags],
            GivenStart = t.GivenStart, GivenLength = t.GivenLength, FamilyStart = t.FamilyStart, FamilyLength = t.FamilyLength,
            FullStart = t.FullStart, FullLength = t.FullLength, AliasFirst = t.AliasFirst, AliasCount = t.AliasCount,
            AliasRangeStart = [.. aliasStart], AliasRangeLength = [.. aliasLength],
            GivenValue = t.GivenValue, FamilyValue = t.FamilyValue, FullValue = t.FullValue,
            BirthDate = t.BirthDate, BirthDateInvalid = t.BirthDateInvalid, Nationality = t.Nationality, Gender = t.Gender,
            BirthPlace = t.BirthPlace, Street = t.Street, Street2 = t.Street2, City = t.City, PostalCode = t.PostalCode,
            Region = t.Region, Country = t.Country,
            Identifiers = [.. idPools.Select(p => new IdentifierColumn(p.Start, p.Length, [.. p.Values]))],
            CommonName = common,
            Names = keepNames ? names : [],
        };
    }

    /// <summary>Every token of the name is a frequent name in its role (given names as given, family names as family).</summary>
    private static bool IsCommon(PersonName name)
    {
        if (name.Tokens.Count == 0)
        {
            return false;
        }

        foreach (var token in name.Tokens)
        {
            bool? given = token.Role switch { NameRole.Given => true, NameRole.Family or NameRole.Father => false, _ => null };
            if (token.Equivalence < 0 || CommonNames.Share([token.Equivalence], given) <= 0)
            {
                return false;
            }
        }

        return true;
    }
}
