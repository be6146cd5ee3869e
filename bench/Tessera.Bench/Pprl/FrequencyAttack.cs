using System.Globalization;
using Tessera.Bench.Matching;
using Tessera.Core.Matching;
using Tessera.Core.Pprl;

namespace Tessera.Bench.Pprl;

/// <summary>The frequency attack on Bloom-filter encodings (Christen, Schnell, Vatsalan and Ranbaduge 2017; Christen et al. report
/// 5 % of values re-identified on unhardened encodings of North Carolina voter names): the attacker, who holds the plaintext
/// frequency distribution of the population but not the key, pairs an encoding with a plaintext value when both occur the same
/// number of times and no other value or encoding does.</summary>
/// <remarks>
/// Population: 100,000 persons whose given and family names are drawn, with the Zipf-like law of the field generator, from its
/// hand-written name pools (<see cref="FieldNames"/>, in frequency order: Mohammed, Ahmed, Ali … are the common names), birth dates
/// uniform over 1965–2004. The attacker is given the exact frequencies of the plaintext values that were encoded (the strongest
/// case). Only values and encodings that occur at least twice are paired: a singleton carries no frequency signal. A value is
/// re-identified when the encodings paired with it are encodings of that value.
/// </remarks>
internal static class FrequencyAttack
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static void Run(string root)
    {
        _ = root;
        var population = Population(100_000, seed: 7);
        Console.WriteLine("frequency attack, 100,000 persons, names drawn Zipf-like from the field name pools:");
        Report("unhardened (keyed double hashing), names only", population, p => p with { BirthDate = null }, new PprlEncoderOptions(Hardened: false), p => p.FirstName + " " + p.LastName);
        Report("hardened (keyed random hashing), names only, no salt", population, p => p with { BirthDate = null }, new PprlEncoderOptions(), p => p.FirstName + " " + p.LastName);
        Report("hardened, names salted with the birth year (year not encoded otherwise)", population, p => p, new PprlEncoderOptions(Salt: "birthYear"),
            p => p.FirstName + " " + p.LastName + " " + p.BirthDate![..4], nameOnlyWithSalt: true);
        Report("hardened, name and birth date (what a node sends)", population, p => p, new PprlEncoderOptions(), p => p.FirstName + " " + p.LastName + " " + p.BirthDate);
        Report("unhardened, name and birth date", population, p => p, new PprlEncoderOptions(Hardened: false), p => p.FirstName + " " + p.LastName + " " + p.BirthDate);
    }

    private static List<PersonRecord> Population(int n, int seed)
    {
        var rng = new Random(seed);
        var result = new List<PersonRecord>(n);
        for (var i = 0; i < n; i++)
        {
            var male = rng.NextDouble() < 0.7;
            var given = FieldRecords.Zipf(rng, male ? FieldNames.ArabicMale : FieldNames.ArabicFemale, 1.0);
            var family = FieldRecords.Zipf(rng, FieldNames.ArabicFamilies, 0.6);
            var birth = new DateOnly(1965, 1, 1).AddDays(rng.Next(365 * 40));
            result.Add(new PersonRecord("p" + i.ToString(Inv))
            {
                FirstName = given.Spell(Habit.English, rng).Split('/')[0],
                LastName = family.Spell(Habit.English, rng).Split('/')[0],
                BirthDate = birth.ToString("yyyy-MM-dd", Inv),
            });
        }

        return result;
    }

    private static void Report(string label, List<PersonRecord> population, Func<PersonRecord, PersonRecord> view, PprlEncoderOptions options,
        Func<PersonRecord, string> plaintext, bool nameOnlyWithSalt = false)
    {
        var encoder = new PersonEncoder(PprlBench.Key, options);
        var records = population.Select(view).ToList();
        // With the salt, the birth year enters only as the salt: the other date features are left out.
        var encodings = records.AsParallel().AsOrdered()
            .Select(r => encoder.Encode(nameOnlyWithSalt ? r with { BirthDate = r.BirthDate![..4] + "-00-00" } : r)).ToList();
        var values = records.Select(plaintext).ToList();
        var (reidentified, distinct, recordsHit) = Attack(encodings, values);
        Console.WriteLine(string.Create(Inv,
            $"  {label}: {reidentified} of {distinct} distinct values re-identified ({reidentified / (double)distinct:P2}), {recordsHit / (double)records.Count:P2} of records"));
    }

    /// <summary>Pairs encodings and values by frequency: an encoding that occurs exactly c times is paired with the value that
    /// occurs exactly c times whenever c is the count of one value and of one encoding only (a frequency the attacker can tell
    /// apart); returns how many values were re-identified, out of how many distinct values, and how many records those cover.</summary>
    internal static (int Reidentified, int Distinct, int Records) Attack(List<PersonEncoding> encodings, List<string> values)
    {
        var groups = encodings.Select((e, i) => (Key: Convert.ToBase64String(System.Runtime.InteropServices.MemoryMarshal.AsBytes(e.Bloom.AsSpan())), i))
            .GroupBy(x => x.Key, x => x.i).Select(g => g.ToList()).Where(g => g.Count >= 2).ToList();
        var plain = values.GroupBy(v => v, StringComparer.Ordinal).Select(g => (Value: g.Key, Count: g.Count())).Where(v => v.Count >= 2).ToList();
        var groupsByCount = groups.GroupBy(g => g.Count).Where(c => c.Count() == 1).ToDictionary(c => c.Key, c => c.Single());
        int reidentified = 0, covered = 0;
        foreach (var count in plain.GroupBy(v => v.Count).Where(c => c.Count() == 1))
        {
            var value = count.Single().Value;
            // Re-identified: the encodings paired with this value are (all) encodings of it.
            if (groupsByCount.TryGetValue(count.Key, out var group) && group.All(i => values[i] == value))
            {
                reidentified++;
                covered += group.Count;
            }
        }

        return (reidentified, values.Distinct(StringComparer.Ordinal).Count(), covered);
    }
}
