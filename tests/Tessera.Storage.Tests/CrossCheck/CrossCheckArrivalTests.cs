using System.Globalization;
using Tessera.Core.Access;
using Tessera.Core.Model;
using Tessera.Storage.CrossCheck;

namespace Tessera.Storage.Tests.CrossCheck;

/// <summary>The cross-check on arrival indexes a contribution from the statements its writer holds; it must find exactly
/// what reading the contribution back from storage finds.</summary>
public sealed class CrossCheckArrivalTests
{
    private static readonly string[] Given = ["Mohammed", "Ahmed", "Youssef", "Ibrahim", "Omar", "Aisha", "Fatima", "Mariam", "Samir", "Karim", "Leila", "Hamid"];
    private static readonly string[] Syllables = ["ha", "dad", "ra", "mi", "noor", "zai", "ka", "os", "man", "sa", "leh", "bar", "di", "yil", "maz", "ce"];

    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task Arrival_IndexedFromMemory_FindsTheSameHitsAsFromStorage(string provider)
    {
        await using var fast = await TestStores.CreateSeededAsync(provider);
        await using var slow = await TestStores.CreateSeededAsync(provider);
        slow.CrossCheck.Index.FromMemory = false;
        var random = new Random(20261207);
        var stored = new List<Entity>();

        // Greece and Malta first, written before any check (the index is built at the first check), then arrivals that
        // re-sight their persons (a letter dropped, the same phone, another script's spelling) among strangers.
        var contributions = new List<(string Org, List<Entity> Entities)>
        {
            ("GR", People("gr-a", 500, random)),
            ("MT", People("mt-a", 300, random)),
        };
        stored.AddRange(contributions.SelectMany(c => c.Entities));
        var firstArrival = Arrivals("it-a", 300, stored, random);
        var secondArrival = Arrivals("gr-b", 200, stored, random);

        var fastHits = new List<Hit>();
        var slowHits = new List<Hit>();
        foreach (var (org, entities) in contributions)
        {
            await WriteAsync(fast, org, entities);
            await WriteAsync(slow, org, entities);
        }

        foreach (var (org, entities) in new[] { ("IT", firstArrival), ("GR", secondArrival) })
        {
            fastHits.AddRange(await CheckAsync(fast, await WriteAsync(fast, org, entities)));
            slowHits.AddRange(await CheckAsync(slow, await WriteAsync(slow, org, entities)));
        }

        // A process that starts on the stored data and receives one more contribution: storage for what was there, memory for it.
        await using var reopened = await Store.OpenAsync(fast.Options);
        await using var reopenedSlow = await Store.OpenAsync(slow.Options);
        reopenedSlow.CrossCheck.Index.FromMemory = false;
        var third = Arrivals("mt-b", 150, stored, random);
        fastHits.AddRange(await CheckAsync(reopened, await WriteAsync(reopened, "MT", third)));
        slowHits.AddRange(await CheckAsync(reopenedSlow, await WriteAsync(reopenedSlow, "MT", third)));

        Assert.True(fastHits.Count(h => h.Kind == "same-person") >= 100, $"{fastHits.Count(h => h.Kind == "same-person")} same-person hits");
        Assert.Contains(fastHits, h => h.Kind == "identifier");
        Assert.Equal(slowHits.Select(Describe), fastHits.Select(Describe));
        Assert.Equal(Records(slow), Records(fast));
        Assert.Equal(Records(reopenedSlow), Records(reopened));
    }

    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task Arrival_ValueThatDoesNotRoundTrip_IsReadBackFromStorage(string provider)
    {
        await using var store = await TestStores.CreateSeededAsync(provider);
        await store.CrossCheck.RefreshAsync();
        // A lone surrogate: UTF-8 storage keeps a replacement character, so the index must hold what storage holds.
        var person = new Entity("odd", "Person", [new("name", "Samir Had\uD800dad"), new("birthDate", "1980-01-01", "1980-01-01")]);
        if (provider == TestStores.Postgres)
        {
            // PostgreSQL refuses the value (it is not valid text), so nothing is stored and nothing indexed.
            await Assert.ThrowsAnyAsync<Exception>(() => WriteAsync(store, "MT", [person]));
            Assert.Equal(0, store.CrossCheck.Index.PersonCount);
            return;
        }

        var id = await WriteAsync(store, "MT", [person]);
        await using var fresh = await Store.OpenAsync(store.Options);
        await fresh.CrossCheck.RefreshAsync();

        Assert.Equal(fresh.CrossCheck.Index.PersonsOf(id).Select(p => p.Record.Name), store.CrossCheck.Index.PersonsOf(id).Select(p => p.Record.Name));
    }

    private static List<string> Records(Store store) =>
        [.. store.CrossCheck.Index.Persons.Records().Select(r => string.Join('|', r.Id, r.Name, r.FirstName, r.LastName, r.BirthDate, r.Nationality,
            string.Join(',', r.Phones), string.Join(',', r.PassportNumbers), string.Join(',', r.Aliases)))];

    private static string Describe(Hit h) =>
        string.Create(CultureInfo.InvariantCulture, $"{h.Kind} {h.NewEntityId} {h.ExistingEntityId} {h.Weight:R} {h.Probability:R} {h.Summary} {h.Explanation}");

    private static async Task<long> WriteAsync(Store store, string org, List<Entity> entities) =>
        (await store.Contributions.WriteAsync(TestStores.Contribution(org, null, "H0", org + entities[0].Id), entities, TestStores.User(org, Role.Analyst))).ContributionId;

    private static async Task<List<Hit>> CheckAsync(Store store, long contribution)
    {
        var hits = new List<Hit>();
        foreach (var id in await store.CrossCheck.CheckContributionAsync(contribution))
        {
            hits.Add((await store.Hits.GetAsync(id))!);
        }

        return [.. hits.OrderBy(h => h.NewEntityId, StringComparer.Ordinal).ThenBy(h => h.ExistingEntityId, StringComparer.Ordinal)];
    }

    private static List<Entity> People(string prefix, int count, Random random)
    {
        var people = new List<Entity>();
        for (var i = 0; i < count; i++)
        {
            var family = string.Concat(Enumerable.Range(0, 3).Select(_ => Syllables[random.Next(Syllables.Length)]));
            var born = new DateOnly(1960, 1, 1).AddDays(random.Next(15_000)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var phone = "+21891" + random.Next(1_000_000, 9_999_999).ToString(CultureInfo.InvariantCulture);
            people.Add(new Entity(prefix + "-" + i.ToString(CultureInfo.InvariantCulture), "Person",
            [
                new("firstName", Given[random.Next(Given.Length)]), new("lastName", char.ToUpperInvariant(family[0]) + family[1..]),
                new("birthDate", born, born), new("nationality", "Libya", "LY"), new("phone", phone, phone),
            ]));
        }

        return people;
    }

    // Strangers, and re-sightings of stored persons: a letter dropped from the family name, or the same phone under
    // another name, or the name as one string with the birth date; one company shares a stored phone.
    private static List<Entity> Arrivals(string prefix, int count, List<Entity> stored, Random random)
    {
        var arrivals = People(prefix, count, random);
        for (var i = 0; i < count / 2; i++)
        {
            var known = stored[random.Next(stored.Count)];
            string Value(string p) => known.Values.First(v => v.Property == p).Value;
            var id = prefix + "-seen-" + i.ToString(CultureInfo.InvariantCulture);
            var family = Value("lastName");
            arrivals[i] = (i % 3) switch
            {
                0 => new Entity(id, "Person", [new("firstName", Value("firstName")), new("lastName", family.Remove(1 + random.Next(family.Length - 1), 1)),
                    new("birthDate", Value("birthDate"), Value("birthDate"))]),
                1 => new Entity(id, "Person", [new("name", "Unknown caller"), new("phone", Value("phone"), Value("phone"))]),
                _ => new Entity(id, "Person", [new("name", Value("firstName") + " " + family), new("birthDate", Value("birthDate"), Value("birthDate"))]),
            };
        }

        arrivals.Add(new Entity(prefix + "-company", "Company", [new("name", "Sea Star Trading"), new("phone", stored[0].Values[4].Value, stored[0].Values[4].Value)]));
        stored.AddRange(arrivals.Where(e => e.Values.Count == 5));
        return arrivals;
    }
}
