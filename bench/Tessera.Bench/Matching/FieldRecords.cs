using System.Globalization;
using Tessera.Core.Matching;

namespace Tessera.Bench.Matching;

/// <summary>A generated record with its ground truth: the person it is of, and what its writer did to it.</summary>
/// <param name="Person">The person's number (the label).</param>
/// <param name="Family">The family (siblings share it, and their father and family name).</param>
/// <param name="Authority">Who wrote the record (IT, GR, DE, MT, ES, HUB).</param>
/// <param name="Habit">The romanisation habit or script of its name.</param>
/// <param name="Tags">What the writer planted: date-placeholder, date-year, date-typo, date-swap, date-missing, middle, nasab,
/// family-first, script, nationality-missing, name-typo …</param>
/// <param name="NationalityForm">How the nationality was written (country, adjective, code, Arabic …), or null.</param>
internal sealed record FieldTruth(int Person, int Family, string Authority, Habit Habit, IReadOnlySet<string> Tags, string? NationalityForm, bool HasMiddle, bool HasNasab, bool FullNameOnly);

/// <summary>Person records written the way border and police authorities write them: several authorities record the same
/// people, each with its own romanisation, script, date and nationality habits, and with the errors planted and labelled.</summary>
/// <remarks>
/// Seeded and deterministic. Persons come in families (siblings share father, family name, nationality and often a phone);
/// given and family names follow a Zipf-like law, so that common names (Mohammed Ali, Ahmed Hassan) recur among strangers.
/// </remarks>
internal static class FieldRecords
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private sealed record Person(int Number, int Family, char Gender, FieldName Given, FieldName? Middle, FieldName Father, FieldName Surname,
        DateOnly Birth, bool BirthKnown, string Country, string Phone, string Passport, bool ArabicNames);

    private sealed record Authority(string Code, Habit[] Habits, string DateFormat, string[] NationalityForms, double FullNameShare, double PhoneShare, double PassportShare);

    // Nationality written per country: [en country, en adjective, alpha-3, Arabic, de country, de adjective, it country, it adjective, es adjective, fr country, fr adjective, Greek].
    private static readonly Dictionary<string, string[]> Nationalities = new(StringComparer.Ordinal)
    {
        ["SY"] = ["Syria", "Syrian", "SYR", "سوريا", "Syrien", "syrisch", "Siria", "siriano", "sirio", "Syrie", "syrienne", "Συρία"],
        ["IQ"] = ["Iraq", "Iraqi", "IRQ", "العراق", "Irak", "irakisch", "Iraq", "iracheno", "iraquí", "Irak", "irakien", "Ιράκ"],
        ["EG"] = ["Egypt", "Egyptian", "EGY", "مصر", "Ägypten", "ägyptisch", "Egitto", "egiziano", "egipcio", "Égypte", "égyptien", "Αίγυπτος"],
        ["MA"] = ["Morocco", "Moroccan", "MAR", "المغرب", "Marokko", "marokkanisch", "Marocco", "marocchino", "marroquí", "Maroc", "marocain", "Μαρόκο"],
        ["TN"] = ["Tunisia", "Tunisian", "TUN", "تونس", "Tunesien", "tunesisch", "Tunisia", "tunisino", "tunecino", "Tunisie", "tunisien", "Τυνησία"],
        ["DZ"] = ["Algeria", "Algerian", "DZA", "الجزائر", "Algerien", "algerisch", "Algeria", "algerino", "argelino", "Algérie", "algérien", "Αλγερία"],
        ["LY"] = ["Libya", "Libyan", "LBY", "ليبيا", "Libyen", "libysch", "Libia", "libico", "libio", "Libye", "libyen", "Λιβύη"],
        ["SD"] = ["Sudan", "Sudanese", "SDN", "السودان", "Sudan", "sudanesisch", "Sudan", "sudanese", "sudanés", "Soudan", "soudanais", "Σουδάν"],
        ["PS"] = ["Palestine", "Palestinian", "PSE", "فلسطين", "Palästina", "palästinensisch", "Palestina", "palestinese", "palestino", "Palestine", "palestinien", "Παλαιστίνη"],
        ["ER"] = ["Eritrea", "Eritrean", "ERI", "إريتريا", "Eritrea", "eritreisch", "Eritrea", "eritreo", "eritreo", "Érythrée", "érythréen", "Ερυθραία"],
        ["AF"] = ["Afghanistan", "Afghan", "AFG", "أفغانستان", "Afghanistan", "afghanisch", "Afghanistan", "afghano", "afgano", "Afghanistan", "afghan", "Αφγανιστάν"],
    };

    private static readonly string[] ArabicCountries = ["SY", "SY", "SY", "IQ", "IQ", "EG", "MA", "TN", "DZ", "LY", "SD", "PS"];

    // Which forms (indices into the rows above) each authority writes; its habits; its date format.
    private static readonly Authority[] Authorities =
    [
        new("IT", [Habit.Italian, Habit.French, Habit.English], "dd/MM/yyyy", ["6", "7", "2"], FullNameShare: 0.5, PhoneShare: 0.5, PassportShare: 0.2),
        new("GR", [Habit.Greek, Habit.English, Habit.English], "dd-MM-yyyy", ["11", "2", "0"], FullNameShare: 0.0, PhoneShare: 0.6, PassportShare: 0.2),
        new("DE", [Habit.German, Habit.German, Habit.English], "dd.MM.yyyy", ["4", "5", "2"], FullNameShare: 0.0, PhoneShare: 0.4, PassportShare: 0.3),
        new("MT", [Habit.English, Habit.English, Habit.French], "dd/MM/yyyy", ["0", "1"], FullNameShare: 0.7, PhoneShare: 0.3, PassportShare: 0.1),
        new("ES", [Habit.French, Habit.English, Habit.English], "dd/MM/yyyy", ["8", "2", "9"], FullNameShare: 0.3, PhoneShare: 0.4, PassportShare: 0.2),
        new("HUB", [Habit.Arabic, Habit.Turkish, Habit.English], "yyyy-MM-dd", ["2", "3", "1"], FullNameShare: 1.0, PhoneShare: 0.7, PassportShare: 0.3),
    ];

    /// <summary>About <paramref name="records"/> records of persons seen by one to four authorities each, with their truth.</summary>
    public static (List<PersonRecord> Records, List<FieldTruth> Truth) Generate(int records, int seed)
    {
        var rng = new Random(seed);
        var persons = new List<Person>();
        var outRecords = new List<PersonRecord>(records);
        var truth = new List<FieldTruth>(records);
        var family = 0;
        while (outRecords.Count < records)
        {
            foreach (var person in NewFamily(rng, family++, persons.Count))
            {
                persons.Add(person);
                // One to four sightings by distinct authorities (40 / 30 / 20 / 10 %).
                var roll = rng.NextDouble();
                var sightings = roll < 0.4 ? 1 : roll < 0.7 ? 2 : roll < 0.9 ? 3 : 4;
                foreach (var authority in Authorities.OrderBy(_ => rng.Next()).Take(sightings))
                {
                    var (record, t) = Write(rng, person, authority, outRecords.Count);
                    outRecords.Add(record);
                    truth.Add(t);
                }
            }
        }

        return (outRecords, truth);
    }

    private static IEnumerable<Person> NewFamily(Random rng, int family, int first)
    {
        var roll = rng.NextDouble();
        var (male, female, surnames, country) = roll < 0.8
            ? (FieldNames.ArabicMale, FieldNames.ArabicFemale, FieldNames.ArabicFamilies, ArabicCountries[rng.Next(ArabicCountries.Length)])
            : roll < 0.9 ? (FieldNames.EritreanMale, FieldNames.EritreanMale, FieldNames.EritreanFamily, "ER") : (FieldNames.AfghanMale, FieldNames.ArabicFemale, FieldNames.AfghanFamily, "AF");
        var arabic = country != "ER";
        // Given names are few and skewed (Mohammed alone is common); family names are many and flatter.
        var surname = Zipf(rng, surnames, 0.6);
        var father = Zipf(rng, male);
        var familyPhone = Phone(rng);
        // Families travel together: one person in two, up to four siblings.
        var size = rng.NextDouble() < 0.5 ? 1 : 2 + rng.Next(3);
        var eldest = new DateOnly(1965, 1, 1).AddDays(rng.Next(365 * 40));
        for (var s = 0; s < size; s++)
        {
            var gender = country is "ER" || rng.NextDouble() < 0.7 ? 'M' : 'F';
            var given = Zipf(rng, gender == 'M' ? male : female);
            var birth = eldest.AddDays(s == 0 ? 0 : rng.Next(300, 365 * 4) * s);
            yield return new Person(first + s, family, gender, given, rng.NextDouble() < 0.35 ? Zipf(rng, male) : null, father, surname, birth,
                BirthKnown: rng.NextDouble() > 0.08, country, rng.NextDouble() < 0.4 ? familyPhone : Phone(rng),
                "N" + rng.Next(10_000_000, 99_999_999).ToString(Inv), arabic);
        }
    }

    /// <summary>A name drawn from a pool ranked by frequency (Zipf's law with the given exponent).</summary>
    internal static FieldName Zipf(Random rng, FieldName[] names, double exponent = 1)
    {
        // P(rank r) ∝ 1/(r+1)^s: the first names of a pool are the common ones.
        var total = 0.0;
        for (var r = 0; r < names.Length; r++)
        {
            total += Math.Pow(r + 1, -exponent);
        }

        var x = rng.NextDouble() * total;
        for (var r = 0; r < names.Length; r++)
        {
            x -= Math.Pow(r + 1, -exponent);
            if (x <= 0)
            {
                return names[r];
            }
        }

        return names[^1];
    }

    private static string Phone(Random rng) => "+90" + rng.NextInt64(5_000_000_000, 5_999_999_999).ToString(Inv);

    private static (PersonRecord, FieldTruth) Write(Random rng, Person p, Authority authority, int number)
    {
        var tags = new HashSet<string>(StringComparer.Ordinal);
        var habit = authority.Habits[rng.Next(authority.Habits.Length)];
        if (habit == Habit.Arabic && !p.ArabicNames)
        {
            habit = Habit.English;
        }

        if (habit is Habit.Arabic or Habit.Greek)
        {
            tags.Add("script");
        }

        var given = p.Given.Spell(habit, rng);
        var middle = p.Middle is not null && rng.NextDouble() < 0.6 ? p.Middle.Spell(habit, rng) : null;
        var nasab = p.ArabicNames && rng.NextDouble() < (authority.Code is "HUB" or "MT" ? 0.4 : 0.12)
            ? (habit switch { Habit.Arabic => "بن ", Habit.French => "Ben ", Habit.Greek => "Μπιν ", _ => rng.NextDouble() < 0.5 ? "bin " : "Ibn " }) + p.Father.Spell(habit, rng)
            : null;
        var surname = p.Surname.Spell(habit, rng);
        if (rng.NextDouble() < 0.05 && habit is not (Habit.Arabic or Habit.Greek))
        {
            surname = Typo(rng, surname);
            tags.Add("name-typo");
        }

        var fullNameOnly = rng.NextDouble() < authority.FullNameShare;
        var record = new PersonRecord(authority.Code + "-" + number.ToString("00000", Inv));
        var middlePart = string.Join(' ', new[] { middle, nasab }.Where(x => x is not null));
        if (fullNameOnly)
        {
            // Italian and Spanish police write FAMILY NAME first in capitals; the others write the name in its own order.
            if (authority.Code is "IT" or "ES" && habit is not (Habit.Arabic or Habit.Greek) && rng.NextDouble() < 0.7)
            {
                record = record with { Name = Join(surname.ToUpperInvariant(), given, middlePart) };
                tags.Add("family-first");
            }
            else
            {
                record = record with { Name = Join(given, middlePart, surname) };
            }
        }
        else
        {
            // Parts: some forms have a middle-name box, others put it with the given name.
            record = rng.NextDouble() < 0.5
                ? record with { FirstName = Join(given, middlePart), LastName = surname }
                : record with { FirstName = given, MiddleName = middlePart.Length == 0 ? null : middlePart, LastName = surname };
        }

        record = record with
        {
            BirthDate = BirthDate(rng, p, authority, tags),
            Nationality = NationalityOf(rng, p, authority, tags, out var form),
            Gender = rng.NextDouble() < 0.8 ? (authority.Code == "DE" ? (p.Gender == 'M' ? "männlich" : "weiblich") : p.Gender.ToString()) : null,
            Phones = rng.NextDouble() < authority.PhoneShare ? [rng.NextDouble() < 0.75 ? p.Phone : Phone(rng)] : [],
            PassportNumbers = rng.NextDouble() < authority.PassportShare ? [p.Passport] : [],
        };
        if (middle is not null)
        {
            tags.Add("middle");
        }

        if (nasab is not null)
        {
            tags.Add("nasab");
        }

        return (record, new FieldTruth(p.Number, p.Family, authority.Code, habit, tags, form, middle is not null, nasab is not null, fullNameOnly));
    }

    private static string Join(params string?[] parts) => string.Join(' ', parts.Where(x => !string.IsNullOrEmpty(x)));

    private static string Typo(Random rng, string s)
    {
        var k = 1 + rng.Next(Math.Max(1, s.Length - 1));
        return rng.Next(3) switch
        {
            0 => s.Remove(k, 1),
            1 => s.Insert(k, s[k - 1].ToString()),
            _ => k + 1 < s.Length ? s[..k] + s[k + 1] + s[k] + s[(k + 2)..] : s.Remove(k, 1),
        };
    }

    private static string? BirthDate(Random rng, Person p, Authority authority, HashSet<string> tags)
    {
        var date = p.Birth;
        if (!p.BirthKnown)
        {
            // The person does not know the day: every authority writes 1 January.
            return new DateOnly(date.Year, 1, 1).ToString(authority.DateFormat, Inv);
        }

        var roll = rng.NextDouble();
        if (roll < 0.06)
        {
            tags.Add("date-missing");
            return null;
        }

        if (roll < 0.16)
        {
            tags.Add("date-placeholder");
            return new DateOnly(date.Year, 1, 1).ToString(authority.DateFormat, Inv);
        }

        if (roll < 0.21)
        {
            tags.Add("date-year");
            return date.Year.ToString(Inv);
        }

        if (roll < 0.27)
        {
            tags.Add("date-typo");
            var text = date.ToString(authority.DateFormat, Inv).ToCharArray();
            var digits = Enumerable.Range(0, text.Length).Where(k => char.IsAsciiDigit(text[k])).ToArray();
            var at = digits[rng.Next(digits.Length)];
            text[at] = (char)('0' + ((text[at] - '0' + 1 + rng.Next(8)) % 10));
            return new string(text);
        }

        if (roll < 0.31 && date.Day <= 12 && date.Day != date.Month)
        {
            tags.Add("date-swap");
            return new DateOnly(date.Year, date.Day, date.Month).ToString(authority.DateFormat, Inv);
        }

        return date.ToString(authority.DateFormat, Inv);
    }

    private static string? NationalityOf(Random rng, Person p, Authority authority, HashSet<string> tags, out string? form)
    {
        form = null;
        if (rng.NextDouble() < 0.1)
        {
            tags.Add("nationality-missing");
            return null;
        }

        form = authority.NationalityForms[rng.Next(authority.NationalityForms.Length)];
        return Nationalities[p.Country][int.Parse(form, Inv)];
    }

    /// <summary>The classes a pair belongs to: what differs between the two records (or is planted on either).</summary>
    public static IEnumerable<string> Classes(FieldTruth a, FieldTruth b)
    {
        foreach (var tag in a.Tags.Union(b.Tags).Where(t => t is not ("middle" or "nasab")))
        {
            yield return tag;
        }

        if (a.HasMiddle != b.HasMiddle)
        {
            yield return "middle-one-side";
        }

        if (a.HasNasab != b.HasNasab)
        {
            yield return "nasab-one-side";
        }

        if (a.Habit != b.Habit)
        {
            yield return "romanisation";
        }

        if (a.NationalityForm is not null && b.NationalityForm is not null && a.NationalityForm != b.NationalityForm)
        {
            yield return "nationality-form";
        }

        if (a.FullNameOnly != b.FullNameOnly)
        {
            yield return "parts-vs-full";
        }
    }
}
