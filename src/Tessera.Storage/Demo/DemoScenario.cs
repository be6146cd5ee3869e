using System.Globalization;
using Tessera.Core.Ingest;
using Tessera.Core.Model;

namespace Tessera.Storage.Demo;

/// <summary>A generated smuggling network on the Central Mediterranean and Western Balkan routes, told by several states.</summary>
/// <remarks>The same persons appear in several contributions, written differently (Latin and Arabic script, other
/// transliterations), with shared phones, accounts and a vessel: the material the cross-check and the network analysis work on.</remarks>
internal static class DemoScenario
{
    public static IEnumerable<DemoContribution> Contributions()
    {
        yield return new(new ContributionRequest("IT", "OP-ZUWARA", "H0,H1", Reliability: "B", Accuracy: 2), "it-sco-zuwara-intercepts.ftm.json", ItalianCase());
        yield return new(new ContributionRequest("MT", "OP-ZUWARA", "H0", Reliability: "B", Accuracy: 2), "mt-police-landing-2026-07.ftm.json", MalteseLanding());
        yield return new(new ContributionRequest("GR", null, "H0,H2", Reliability: "C", Accuracy: 3), "gr-hp-evros-arrests.ftm.json", GreekArrests());
        yield return new(new ContributionRequest("DE", "OP-BALKAN", "H0", Reliability: "B", Accuracy: 2), "de-bpol-balkan-cells.ftm.json", GermanCells());
        yield return new(new ContributionRequest("IT", "OP-ZUWARA", "H0,H3", H3Text: "informant-derived: ask the SCO desk before any use", SubjectCategory: "contact", Reliability: "C", Accuracy: 3),
            "it-sco-hawala-notes.ftm.json", HawalaNotes());
    }

    private static List<Entity> ItalianCase() =>
    [
        Person("it-p-001", "Abdelrahman Al-Zuwari", "1979-05-14", "ly", ("alias", "Abu Khalil"), ("phone", "+218 91 234 5678")),
        Person("it-p-002", "Mohammed Ali Hassan", "1988-02-03", "ly", ("phone", "+218 92 555 0101"), ("phone", "+39 320 111 2233")),
        Person("it-p-003", "Youssef Ben Salem", "1991-11-23", "tn", ("phone", "+216 22 345 678")),
        Person("it-p-004", "Ibrahim Touré", "1996-07-01", "ml"),
        Person("it-p-005", "Khaled Mansour", "1984-09-30", "eg", ("phone", "+39 351 987 6543")),
        new("it-v-001", "Vessel", [new("name", "AL-AMAL"), new("imoNumber", "IMO 9074729"), new("flag", "ly")]),
        new("it-a-001", "BankAccount", [new("iban", "IT60 X054 2811 1010 0000 0123 456"), new("bankName", "Banca Esempio"), new("holder", "it-p-005")]),
        Link("it-c-001", "Call", "caller", "it-p-001", "receiver", "it-p-002", ("date", "2026-06-02")),
        Link("it-c-002", "Call", "caller", "it-p-002", "receiver", "it-p-003", ("date", "2026-06-03")),
        Link("it-c-003", "Call", "caller", "it-p-001", "receiver", "it-p-005", ("date", "2026-06-05")),
        Link("it-c-004", "Call", "caller", "it-p-003", "receiver", "it-p-004", ("date", "2026-06-06")),
        Link("it-o-001", "Ownership", "owner", "it-p-001", "asset", "it-v-001"),
        Link("it-x-001", "Payment", "payer", "it-p-004", "beneficiary", "it-p-005", ("amount", "3500"), ("currency", "EUR"), ("date", "2026-06-04")),
        Link("it-s-001", "Associate", "person", "it-p-002", "associate", "it-p-005", ("relationship", "logistics")),
        new("it-u-001", "UserAccount", [new("username", "@zuwara_crossings"), new("service", "telegram"), new("owner", "it-p-002")]),
        new("it-post-001", "Post", [new("platform", "telegram"), new("authorHandle", "@zuwara_crossings"), new("author", "it-u-001"),
            new("bodyText", "رحلة من زوارة إلى لامبيدوزا يوم الجمعة. السعر 3500 يورو. للتواصل +218 92 555 0101"), new("language", "ar"), new("publishedAt", "2026-06-01")]),
    ];

    private static List<Entity> MalteseLanding() =>
    [
        Person("mt-p-101", "محمد علي حسن", "1988-02-03", "ly", ("phone", "+218925550101")),
        Person("mt-p-102", "Ibrahim Toure", "1996-07-01", "ml"),
        Person("mt-p-103", "Aisha Kamara", "2001-04-12", "gm"),
        new("mt-v-101", "Vessel", [new("name", "AL AMAL"), new("imoNumber", "9074729")]),
        Link("mt-t-101", "UnknownLink", "subject", "mt-p-101", "object", "mt-v-101", ("role", "skipper")),
        Link("mt-t-102", "UnknownLink", "subject", "mt-p-102", "object", "mt-v-101", ("role", "passenger")),
        Link("mt-t-103", "UnknownLink", "subject", "mt-p-103", "object", "mt-v-101", ("role", "passenger")),
    ];

    private static List<Entity> GreekArrests() =>
    [
        Person("gr-p-201", "Muhammad Ali Hasan", "1988-03-02", "ly"),
        Person("gr-p-202", "Hüseyin Demir", "1982-01-19", "tr", ("phone", "+90 532 765 4321")),
        Person("gr-p-203", "Omar Faruk", "1990-12-05", "sy"),
        Link("gr-c-201", "Call", "caller", "gr-p-202", "receiver", "gr-p-201", ("date", "2026-05-11")),
        Link("gr-c-202", "Call", "caller", "gr-p-202", "receiver", "gr-p-203", ("date", "2026-05-12")),
    ];

    private static List<Entity> GermanCells() =>
    [
        Person("de-p-301", "Hussein Demir", "1982-01-19", "tr", ("phone", "+905327654321")),
        Person("de-p-302", "Alen Kovačević", "1987-08-08", "ba", ("phone", "+387 61 234 567")),
        Person("de-p-303", "Goran Petrović", "1975-03-17", "rs"),
        new("de-veh-301", "Vehicle", [new("registrationNumber", "BG-1234-AB"), new("model", "Mercedes Sprinter"), new("owner", "de-p-303")]),
        Link("de-c-301", "Call", "caller", "de-p-301", "receiver", "de-p-302", ("date", "2026-07-01")),
        Link("de-c-302", "Call", "caller", "de-p-302", "receiver", "de-p-303", ("date", "2026-07-02")),
        Link("de-o-301", "Ownership", "owner", "de-p-303", "asset", "de-veh-301"),
    ];

    private static List<Entity> HawalaNotes() =>
    [
        Person("it-p-901", "Abdul Rahman Zuwari", "1979", "ly"),
        Link("it-x-901", "Payment", "payer", "it-p-005", "beneficiary", "it-p-901", ("amount", "42000"), ("currency", "EUR"), ("method", "hawala"), ("date", "2026-06-20")),
    ];

    private static Entity Person(string id, string name, string birthDate, string nationality, params (string Property, string Value)[] more) =>
        new(id, "Person", new List<PropertyValue> { new("name", name), new("birthDate", birthDate), new("nationality", nationality) }
            .Concat(more.Select(m => new PropertyValue(m.Property, m.Value))).ToList());

    private static Entity Link(string id, string schema, string sourceProperty, string source, string targetProperty, string target, params (string Property, string Value)[] more) =>
        new(id, schema, new List<PropertyValue> { new(sourceProperty, source), new(targetProperty, target) }
            .Concat(more.Select(m => new PropertyValue(m.Property, m.Value))).ToList());

}
