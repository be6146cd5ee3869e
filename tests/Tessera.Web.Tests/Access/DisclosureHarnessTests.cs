using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Tessera.Core.Access;

namespace Tessera.Web.Tests.Access;

/// <summary>Every read endpoint, asked by every demo user: what each answer holds is compared with what the access
/// policy lets that user read, and with the same answers after another party stored data the user may not know of.</summary>
/// <remarks>The ground truth is the one policy applied to every stored statement; the answers are the API's. The
/// audit endpoint is left out: auditors read the criteria other users typed, which is their job, and no case data.</remarks>
public sealed class DisclosureHarnessTests
{
    // Values that tell who or what a record is about (a single word such as a town's name also stands in case titles).
    private static readonly HashSet<string> Revealing = new(StringComparer.Ordinal)
    {
        "name", "alias", "firstName", "lastName", "phone", "iban", "email", "passportNumber", "idNumber", "imoNumber", "mmsi",
        "registrationNumber", "number", "username", "birthDate", "accountNumber", "publicKey", "bodyText",
    };

    private static readonly string[] DemoUsers =
        ["it.analyst", "it.supervisor", "gr.analyst", "gr.supervisor", "mt.analyst", "de.analyst", "de.supervisor", "rs.analyst", "hub.analyst", "border.analyst", "policy.officer", "auditor", "admin"];

    [Theory]
    [MemberData(nameof(TestHost.Providers), MemberType = typeof(TestHost))]
    public async Task EveryReadEndpoint_EveryDemoUser_LearnsNothingThePolicyWithholds(string provider)
    {
        await using var host = await TestHost.StartAsync(provider);
        var truth = await GroundTruthAsync(host);
        var probes = Probes(truth.Values.SelectMany(t => t.Secrets).Distinct(StringComparer.Ordinal).ToList(), truth.Values.First().AllEntities);

        foreach (var user in DemoUsers)
        {
            var client = await host.AsAsync(user);
            var known = truth[user];
            foreach (var probe in probes)
            {
                var answer = await probe.AskAsync(client);
                foreach (var text in answer.Strings)
                {
                    foreach (var secret in known.Secrets.Where(s => !probe.Sends(s)))
                    {
                        Assert.False(text.Contains(secret, StringComparison.Ordinal), $"{user} learns '{secret}' through {probe.Name}");
                    }

                    foreach (var id in known.Unknowable)
                    {
                        Assert.False(text.Contains(id, StringComparison.Ordinal), $"{user} learns the id {id} through {probe.Name}");
                    }
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(TestHost.Providers), MemberType = typeof(TestHost))]
    public async Task EveryReadEndpoint_AfterAnotherPartyStoresWithheldData_AnswersExactlyAsBefore(string provider)
    {
        await using var host = await TestHost.StartAsync(provider);
        var truth = await GroundTruthAsync(host);
        var probes = Probes(truth.Values.SelectMany(t => t.Secrets).Distinct(StringComparer.Ordinal).Take(40).ToList(), truth.Values.First().AllEntities)
            .Append(Probe.Search("qzxv")).Append(Probe.Search("Qzxv Hidden 1")).ToList();
        // The hub may learn that a hit exists on Greek H2 data (on a complete identifier), so it is not among those watched here.
        string[] watched = ["it.analyst", "mt.analyst", "de.analyst", "de.supervisor", "rs.analyst", "border.analyst", "policy.officer"];
        var clients = new Dictionary<string, HttpClient>();
        foreach (var user in watched)
        {
            clients[user] = await host.AsAsync(user);
        }

        var before = await AnswersAsync(clients, probes);

        // Greece stores 300 H2 persons outside any case, some sharing names and phones with others' records: nobody but
        // Greece may know they exist, so no answer to anyone else may change — not a value, an id, a count or an order.
        var lines = new StringBuilder();
        for (var i = 0; i < 300; i++)
        {
            var phone = i % 3 == 0 ? "+218 92 555 0101" : string.Create(CultureInfo.InvariantCulture, $"+30 694 {i:000} {i % 97:0000}");
            var name = i % 5 == 0 ? "Mohammed Ali Hassan" : string.Create(CultureInfo.InvariantCulture, $"Qzxv Hidden {i}");
            var person = new { id = string.Create(CultureInfo.InvariantCulture, $"gr-h-{i}"), schema = "Person", properties = new { name = new[] { name }, birthDate = new[] { "1988-02-03" }, nationality = new[] { "ly" }, phone = new[] { phone } } };
            lines.Append(JsonSerializer.Serialize(person)).Append('\n');
        }

        var import = await TestHost.ImportFtmAsync(await host.AsAsync("gr.analyst"), lines.ToString(), "H0,H2", file: "hidden.ftm.json");
        Assert.True(import.IsSuccessStatusCode, await import.Content.ReadAsStringAsync());

        var after = await AnswersAsync(clients, probes);
        foreach (var key in before.Keys)
        {
            var at = Enumerable.Range(0, Math.Min(before[key].Length, after[key].Length)).FirstOrDefault(i => before[key][i] != after[key][i]);
            Assert.True(before[key] == after[key], $"{key} changed after Greece stored withheld data, at {at}:\nbefore …{Around(before[key], at)}…\nafter  …{Around(after[key], at)}…");
        }
    }

    private static string Around(string text, int at) => text[Math.Max(0, at - 200)..Math.Min(text.Length, at + 200)];

    private static async Task<Dictionary<string, string>> AnswersAsync(Dictionary<string, HttpClient> clients, IReadOnlyList<Probe> probes)
    {
        var answers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (user, client) in clients)
        {
            foreach (var probe in probes)
            {
                // A problem's trace id names the request, not the data; measures summed on several threads differ in their last bits.
                var body = Regex.Replace((await probe.AskAsync(client)).Body, "\"traceId\":\"[^\"]*\"", "");
                answers[user + " " + probe.Name] = Regex.Replace(body, @"-?\d+\.\d+(E[-+]?\d+)?",
                    m => double.Parse(m.Value, CultureInfo.InvariantCulture).ToString("G9", CultureInfo.InvariantCulture));
            }
        }

        return answers;
    }

    /// <summary>What each demo user may read, by the policy over every stored statement.</summary>
    /// <param name="Secrets">Values (6 characters or more) of statements the user may not read and that no readable statement holds.</param>
    /// <param name="Unknowable">Entity ids of which the user may not read a single statement.</param>
    private sealed record Knowledge(IReadOnlySet<string> Secrets, IReadOnlySet<string> Unknowable, IReadOnlyList<string> AllEntities);

    private static async Task<Dictionary<string, Knowledge>> GroundTruthAsync(TestHost host)
    {
        var records = new List<StatementRecord>();
        await foreach (var r in host.Store.Contributions.AllStatementsAsync())
        {
            records.Add(r);
        }

        var entities = records.Select(r => r.Statement.EntityId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var truth = new Dictionary<string, Knowledge>(StringComparer.Ordinal);
        foreach (var name in DemoUsers)
        {
            var user = (await host.Store.Directory.UserAsync(name))!.ToPrincipal();
            var readable = records.Where(r => AccessPolicy.Decide(user, AccessAction.View, r.Target) == Decision.Allow).ToList();
            var visibleValues = readable.SelectMany(r => new[] { r.Statement.Value, r.Statement.Normalised ?? "" }).ToHashSet(StringComparer.Ordinal);
            var secrets = records.Except(readable)
                .Where(r => Revealing.Contains(r.Statement.Property))
                .SelectMany(r => new[] { r.Statement.Value, r.Statement.Normalised ?? "" })
                .Where(v => v.Length >= 6 && v.Any(c => char.IsDigit(c) || char.IsWhiteSpace(c)) && !visibleValues.Any(seen => seen.Contains(v, StringComparison.Ordinal)))
                .ToHashSet(StringComparer.Ordinal);
            var readableIds = readable.Select(r => r.Statement.EntityId).ToHashSet(StringComparer.Ordinal);
            truth[name] = new Knowledge(secrets, entities.Where(e => !readableIds.Contains(e)).ToHashSet(StringComparer.Ordinal), entities);
        }

        return truth;
    }

    private static List<Probe> Probes(IReadOnlyList<string> secrets, IReadOnlyList<string> entities)
    {
        var probes = new List<Probe>
        {
            Probe.Get("/api/v1/hits"), Probe.Get("/api/v1/notices"), Probe.Get("/api/v1/cases"),
            Probe.Get("/api/v1/graph"), Probe.Get("/api/v1/graph/export?format=graphml"),
            Probe.Get("/api/v1/hits/groups?review=true&limit=500"), Probe.Get("/api/v1/hits/groups?status=confirmed"), Probe.Get("/api/v1/requests"),
            // Administration answers about the directory, never about records: the administrator learns no case data through it.
            Probe.Get("/api/v1/admin/organisations"), Probe.Get("/api/v1/admin/users"), Probe.Get("/api/v1/admin/cases"),
            Probe.Get("/api/v1/admin/users/it.analyst/tokens"),
            Probe.Get("/api/v1/reports/barometer?from=2024-01&to=2024-12"), Probe.Get("/api/v1/reports/barometer?from=2024-01&to=2024-12&format=csv"),
            Probe.Get("/api/v1/actions"), Probe.Get("/api/v1/actions/IT/I.1/history"),
            Probe.Search("+218 9"), Probe.Search("+218"), Probe.Search("Mohammed"), Probe.Search("محمد"), Probe.Search("AL-AMAL"), Probe.Search("ali"),
        };
        foreach (var c in new[] { "OP-ZUWARA", "OP-BALKAN" })
        {
            probes.Add(Probe.Get($"/api/v1/cases/{c}"));
            probes.Add(Probe.Get($"/api/v1/cases/{c}/notes"));
            probes.Add(Probe.Get($"/api/v1/graph?case={c}"));
            probes.Add(Probe.Get($"/api/v1/graph/export?case={c}&format=graphml"));
        }

        probes.AddRange(entities.Select(e => Probe.Get("/api/v1/entities/" + Uri.EscapeDataString(e))));
        probes.AddRange(Enumerable.Range(1, 12).Select(i => Probe.Get("/api/v1/hits/" + i.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        probes.AddRange(Enumerable.Range(1, 4).Select(i => Probe.Get("/api/v1/requests/" + i.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        foreach (var secret in secrets.Where(s => s.Any(char.IsLetterOrDigit)))
        {
            // Partial search must not reach withheld data; the complete identifier may answer hit-only, never with values.
            probes.Add(Probe.Search(secret[..Math.Min(secret.Length, 5)]));
            probes.Add(Probe.Search(secret));
            if (secret.StartsWith('+'))
            {
                probes.Add(Probe.Post("/api/v1/checks/identifier", new { type = "phone", value = secret }, secret));
            }
        }

        return probes;
    }

    private sealed record Answer(string Body, IReadOnlyList<string> Strings);

    /// <summary>One request to the API, and the text it sends (which the answer may of course contain).</summary>
    private sealed record Probe(string Name, Func<HttpClient, Task<HttpResponseMessage>> Send, string? Sent)
    {
        public static Probe Get(string path) => new("GET " + path, c => c.GetAsync(new Uri(path, UriKind.Relative)), null);

        public static Probe Search(string query) => Post("/api/v1/entities/search", new { query }, query);

        public static Probe Post(string path, object body, string sent) => new($"POST {path} {JsonSerializer.Serialize(body)}", c => c.PostAsJsonAsync(path, body), sent);

        public bool Sends(string value) => Sent is not null && Sent.Contains(value, StringComparison.Ordinal);

        public async Task<Answer> AskAsync(HttpClient client)
        {
            using var response = await Send(client);
            var body = await response.Content.ReadAsStringAsync();
            var strings = new List<string>();
            if (response.Content.Headers.ContentType?.MediaType?.Contains("json", StringComparison.Ordinal) == true && body.Length > 0)
            {
                Collect(JsonDocument.Parse(body).RootElement, strings);
            }
            else
            {
                strings.Add(body);
            }

            return new Answer($"{(int)response.StatusCode} {body}", strings);
        }

        private static void Collect(JsonElement e, List<string> into)
        {
            switch (e.ValueKind)
            {
                case JsonValueKind.String:
                    into.Add(e.GetString()!);
                    break;
                case JsonValueKind.Array:
                    foreach (var item in e.EnumerateArray())
                    {
                        Collect(item, into);
                    }

                    break;
                case JsonValueKind.Object:
                    foreach (var p in e.EnumerateObject())
                    {
                        into.Add(p.Name);
                        Collect(p.Value, into);
                    }

                    break;
            }
        }
    }
}
