using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Json;
using Tessera.Core.Matching;

namespace Tessera.Bench.Load;

/// <summary>Reference data and check queries for the API load benchmark: the UN Security Council persons and the 50,000
/// synthetic persons of the yente screening fixtures as one reference list, each person with a phone and a passport number,
/// every second one with a bank account (IBAN); and a query mix of hits and misses written the way people type them.</summary>
/// <remarks>Deterministic: the same files come out of every run (seeded randomness, values derived from the row number).</remarks>
internal static class LoadData
{
    /// <summary>The reference list's file name: its contributions' source, and the <c>list</c> of list checks.</summary>
    public const string ListName = "load-reference.ftm.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };
    private static readonly string[] MobilePrefixes = ["320", "328", "333", "347", "351", "366", "380", "393"];
    private static readonly string[] Given = ["Mohammed", "Ahmed", "Youssef", "Ibrahim", "Omar", "Ali", "Hassan", "Khaled", "Aisha", "Fatima", "Mariam", "Abdullah", "Mustafa", "Samir", "Karim", "Tesfay"];
    private static readonly string[] Family = ["Brankovic", "Okonkwo", "Lindqvist", "Papadakis", "Van der Berg", "Kowalczyk", "Moreau", "Esposito", "Nakamura", "Haugen", "Szabo", "Ferreira", "Novak", "Petrescu", "Dumitru", "Kiplagat"];

    /// <summary>Writes <c>load-reference.ftm.json</c> and <c>queries.jsonl</c> into <paramref name="folder"/>.</summary>
    public static (int Persons, int Identifiers, int Queries) Write(string root, string folder)
    {
        var fixtures = Path.Combine(root, "datasets", "yente-screening-fixtures");
        var un = ReadCsv(Path.Combine(fixtures, "positives_un_untreated.csv"));
        var unTreated = ReadCsv(Path.Combine(fixtures, "positives_un_treated.csv"));
        var negatives = ReadCsv(Path.Combine(fixtures, "negatives_global.csv"));
        var persons = un.Concat(negatives).ToList();

        Directory.CreateDirectory(folder);
        var identifiers = 0;
        using (var writer = new StreamWriter(Path.Combine(folder, ListName), false, new UTF8Encoding(false)))
        {
            for (var i = 0; i < persons.Count; i++)
            {
                var p = persons[i];
                var id = "ref-p-" + i.ToString(CultureInfo.InvariantCulture);
                var properties = new Dictionary<string, string[]>
                {
                    ["name"] = [p.Name],
                    ["phone"] = [Phone(i)],
                    ["passportNumber"] = [Document(i)],
                };
                if (p.BirthDate.Length > 0)
                {
                    properties["birthDate"] = [p.BirthDate];
                }

                if (p.Nationality.Length > 0)
                {
                    properties["nationality"] = [p.Nationality];
                }

                writer.WriteLine(JsonSerializer.Serialize(new { id, schema = "Person", properties }, Json));
                identifiers += 2;
                if (i % 2 == 0)
                {
                    writer.WriteLine(JsonSerializer.Serialize(new { id = "ref-a-" + i.ToString(CultureInfo.InvariantCulture), schema = "BankAccount",
                        properties = new Dictionary<string, string[]> { ["iban"] = [Iban(i)], ["holder"] = [id] } }, Json));
                    identifiers++;
                }
            }
        }

        var random = new Random(20261128);
        var queries = new List<object>();
        // Identifier checks: half of them hit a stored value (written with spaces, lower case, the trunk prefix …), half miss.
        for (var q = 0; q < 20_000; q++)
        {
            var hit = q % 2 == 0;
            var i = hit ? random.Next(persons.Count) : persons.Count + random.Next(1_000_000);
            queries.Add((q % 10) switch
            {
                < 4 => Identifier("phone", Spaced(Phone(i)), "IT"),
                < 7 => Identifier("document", Document(i)[..2].ToLowerInvariant() + "-" + Document(i)[2..], null),
                _ => Identifier("iban", Grouped(Iban(hit ? i - i % 2 : i))),
            });
        }

        // Person checks: UN-listed persons as misspelt by the fixtures' treatments (hits), synthetic persons with a letter
        // swapped or dropped (hits), and invented names (misses); birth dates where known; half against the list, half against all data.
        for (var q = 0; q < 6_000; q++)
        {
            var list = q % 2 == 0 ? ListName : null;
            queries.Add((q % 3) switch
            {
                0 => unTreated[random.Next(unTreated.Count)] is var t ? Person(t.Name, t.BirthDate, list) : null!,
                1 => negatives[random.Next(negatives.Count)] is var n ? Person(Misspell(n.Name, random), n.BirthDate, list) : null!,
                _ => Person($"{Given[random.Next(Given.Length)]} {Family[random.Next(Family.Length)]}",
                    new DateOnly(1960, 1, 1).AddDays(random.Next(15_000)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), list),
            });
        }

        File.WriteAllLines(Path.Combine(folder, "queries.jsonl"), queries.Select(q => JsonSerializer.Serialize(q, Json)));
        return (persons.Count, identifiers, queries.Count);
    }

    private static object Identifier(string type, string value, string? region = null) => new { kind = "identifier", type, value, region };

    private static object Person(string name, string birthDate, string? list) =>
        new { kind = "person", name, birthDate = birthDate.Length > 0 ? birthDate : null, list };

    // An Italian mobile number, one per row number (E.164 as stored; the checks write it with spaces).
    private static string Phone(int i) =>
        "+39" + MobilePrefixes[i % MobilePrefixes.Length] + (1_000_000 + i / MobilePrefixes.Length).ToString(CultureInfo.InvariantCulture);

    private static string Spaced(string e164) => $"{e164[..3]} {e164[3..6]} {e164[6..9]} {e164[9..]}";

    private static string Document(int i) => "YA" + (1_000_000 + i).ToString(CultureInfo.InvariantCulture);

    // A German IBAN with ISO 13616 / ISO 7064 MOD 97-10 check digits: bank code 37040044, account = row number.
    private static string Iban(int i)
    {
        var bban = "37040044" + i.ToString("D10", CultureInfo.InvariantCulture);
        var check = 98 - (int)(BigInteger.Parse(bban + "131400", CultureInfo.InvariantCulture) % 97);
        return "DE" + check.ToString("D2", CultureInfo.InvariantCulture) + bban;
    }

    private static string Grouped(string iban) => string.Join(' ', iban.Chunk(4).Select(c => new string(c)));

    // A typing error: two neighbouring letters swapped, or one dropped, inside the longest word.
    private static string Misspell(string name, Random random)
    {
        var words = name.Split(' ');
        var w = Array.IndexOf(words, words.MaxBy(x => x.Length));
        var word = words[w];
        if (word.Length >= 4)
        {
            var at = 1 + random.Next(word.Length - 2);
            words[w] = random.Next(2) == 0
                ? word[..at] + word[at + 1] + word[at] + word[(at + 2)..]
                : word.Remove(at, 1);
        }

        return string.Join(' ', words);
    }

    private sealed record Row(string Name, string BirthDate, string Nationality);

    private static List<Row> ReadCsv(string path)
    {
        // RFC 4180 rows, read as every benchmark reads the fixtures (PersonCsv.ReadRow); the header row is skipped.
        var rows = new List<Row>();
        using var reader = new StreamReader(path);
        var line = 1;
        PersonCsv.ReadRow(reader, ref line);
        while (PersonCsv.ReadRow(reader, ref line) is { } fields)
        {
            // full_name, first_name, middle_name, last_name, gender, date_of_birth, place_of_birth, nationality
            rows.Add(new Row(fields[0], fields[5], fields[7]));
        }

        return rows;
    }
}
