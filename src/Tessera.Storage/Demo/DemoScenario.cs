using Tessera.Core.Ingest;

namespace Tessera.Storage.Demo;

/// <summary>The demo contributions: each state's export from <c>demo/</c>, imported through the mapping an analyst would write.</summary>
/// <remarks>The same persons appear in several contributions, written differently (Latin, Arabic and Greek script, other
/// transliterations), with shared phones, accounts and a vessel: the material the cross-check and the network analysis work on.</remarks>
internal static class DemoScenario
{
    public static IEnumerable<(string File, string? Mapping, ContributionRequest Request)> Files() =>
    [
        ("it-intercepts.csv", "it-intercepts.mapping.yml", new ContributionRequest("IT", "OP-ZUWARA", "H0,H1", Reliability: "B", Accuracy: 2)),
        ("it-case.ftm.json", null, new ContributionRequest("IT", "OP-ZUWARA", "H0,H1", Reliability: "B", Accuracy: 2)),
        ("mt-landing.csv", "mt-landing.mapping.yml", new ContributionRequest("MT", "OP-ZUWARA", "H0", Reliability: "B", Accuracy: 2)),
        ("gr-arrests.csv", "gr-arrests.mapping.yml", new ContributionRequest("GR", null, "H0,H2", Reliability: "C", Accuracy: 3)),
        ("de-cells.xlsx", "de-cells.mapping.yml", new ContributionRequest("DE", "OP-BALKAN", "H0", Reliability: "B", Accuracy: 2,
            Transfers: "RS-MUP=Europol–Serbia operational agreement (2014)")),
        ("de-jit.ftm.json", null, new ContributionRequest("DE", "OP-BALKAN", "H0,H3", "for the Balkan joint investigation team only; ask BPOL before any use",
            Reliability: "B", Accuracy: 2)),
        ("posts.ftm.json", null, new ContributionRequest("EU-HUB", null, "H0", Reliability: "C", Accuracy: 3, SubjectCategory: "other", Purpose: "map the digital footprint of smuggling networks")),
    ];

    /// <summary>The folder of the demo files, shipped next to the program.</summary>
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "demo");
}
