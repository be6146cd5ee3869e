using Tessera.Core.Normalisation.Names;

namespace Tessera.Core.Matching;

internal sealed partial class FeatureTable
{
    private static readonly string[] PatronymicEndings = ["ovich", "evich", "ovych", "evych", "ivich", "ovna", "evna", "ivna", "ogly", "oglu", "kyzy", "qizi"];

    /// <summary>Russian/Ukrainian patronymics and Turkic "son of" forms, which documents often leave out.</summary>
    internal static bool IsPatronymic(string latin) => latin.Length > 6 && PatronymicEndings.Any(e => latin.EndsWith(e, StringComparison.Ordinal));

    /// <summary>Normalises every record once (names in parallel) and interns the keys into <paramref name="vocab"/>.</summary>
    public static FeatureTable Build(IReadOnlyList<PersonRecord> records, Vocabulary vocab)
    {
        var n = records.Count;
        var names = new PersonName[n];
        var aliases = new PersonName[n][];
        void Parse(int i)
        {
            var r = records[i];
            names[i] = r.HasNameParts ? PersonName.FromParts(r.FirstName, r.MiddleName, r.LastName, r.FatherName) : PersonName.Parse(r.Name);
            var extra = new List<PersonName>();
            if (r.HasNameParts && !string.IsNullOrWhiteSpace(r.Name))
            {
                extra.Add(PersonName.Parse(r.Name));
            }

            extra.AddRange(r.Aliases.Where(a => !string.IsNullOrWhiteSpace(a)).Select(PersonName.Parse));
            aliases[i] = [.. extra];
        }

        if (n < 64)
        {
            for (var i = 0; i < n; i++)
            {
                Parse(i);
            }
        }
        else
        {
            Parallel.For(0, n, Parse);
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
            Identifiers = [], Names = names,
        };

        int AddTokens(IEnumerable<NameToken> tokens)
        {
            var count = 0;
            foreach (var tok in tokens)
            {
                if (count == 16)
                {
                    break;
                }

                latin.Add(vocab.Intern(tok.Latin));
                skeleton.Add(vocab.Intern(tok.Skeleton));
                phonetic.Add(vocab.Intern(tok.Phonetic));
                equivalence.Add(tok.Equivalence);
                var f = (byte)(tok.Abjad ? FlagAbjad : 0);
                if (!string.Equals(tok.Original, tok.Latin, StringComparison.Ordinal) && tok.Original.Any(c => c > 0x24F))
                {
                    f |= FlagNonLatin;
                }

                if (tok.Latin.Length == 1 || IsPatronymic(tok.Latin))
                {
                    f |= FlagCheap;
                }

                flags.Add(f);
                count++;
            }

            return count;
        }

        int ValueId(IEnumerable<NameToken> tokens)
        {
            var key = string.Join(' ', tokens.Select(x => x.Latin).Order(StringComparer.Ordinal));
            return key.Length == 0 ? -1 : vocab.Intern(key);
        }

        int Intern(string? s) => s is null ? -1 : vocab.Intern(s);

        var idPools = Enumerable.Range(0, 4).Select(_ => (Start: new int[n], Length: new byte[n], Values: new List<int>())).ToArray();
        for (var i = 0; i < n; i++)
        {
            var r = records[i];
            var name = names[i];
            var given = name.Tokens.Where(x => x.Role is NameRole.Given or NameRole.Unknown).ToList();
            var family = name.Tokens.Where(x => x.Role is NameRole.Family or NameRole.Father).ToList();
            t.GivenStart[i] = latin.Count;
            t.GivenLength[i] = (byte)AddTokens(given);
            t.FamilyStart[i] = latin.Count;
            t.FamilyLength[i] = (byte)AddTokens(family);
            t.FullStart[i] = latin.Count;
            t.FullLength[i] = (byte)AddTokens(name.Tokens);
            t.AliasFirst[i] = aliasStart.Count;
            foreach (var alias in aliases[i].Take(32))
            {
                aliasStart.Add(latin.Count);
                aliasLength.Add((byte)AddTokens(alias.Tokens));
            }

            t.AliasCount[i] = (byte)(aliasStart.Count - t.AliasFirst[i]);
            t.GivenValue[i] = ValueId(given);
            t.FamilyValue[i] = ValueId(family);
            t.FullValue[i] = ValueId(name.Tokens);
            t.BirthDate[i] = FieldKeys.Date(r.BirthDate, out var invalid);
            t.BirthDateInvalid[i] = invalid;
            t.Nationality[i] = Intern(FieldKeys.Country(r.Nationality));
            t.Gender[i] = Intern(FieldKeys.Gender(r.Gender));
            t.BirthPlace[i] = Intern(FieldKeys.Text(r.BirthPlace));
            t.Street[i] = Intern(FieldKeys.Text(r.Street));
            t.Street2[i] = Intern(FieldKeys.Text(r.Street2));
            t.City[i] = Intern(FieldKeys.Text(r.City));
            t.PostalCode[i] = Intern(FieldKeys.Document(r.PostalCode));
            t.Region[i] = Intern(FieldKeys.Text(r.Region));
            t.Country[i] = Intern(FieldKeys.Country(r.Country));
            AddIdentifiers(idPools[0], i, r.IdNumbers.Concat(r.PassportNumbers).Select(FieldKeys.Document));
            AddIdentifiers(idPools[1], i, r.Phones.Select(FieldKeys.Phone));
            AddIdentifiers(idPools[2], i, r.Emails.Select(FieldKeys.Email));
            AddIdentifiers(idPools[3], i, r.Ibans.Select(FieldKeys.Document));
        }

        void AddIdentifiers((int[] Start, byte[] Length, List<int> Values) pool, int i, IEnumerable<string?> values)
        {
            pool.Start[i] = pool.Values.Count;
            foreach (var v in values.OfType<string>().Distinct(StringComparer.Ordinal).Take(255))
            {
                pool.Values.Add(vocab.Intern(v));
            }

            pool.Length[i] = (byte)(pool.Values.Count - pool.Start[i]);
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
            Names = names,
        };
    }
}
