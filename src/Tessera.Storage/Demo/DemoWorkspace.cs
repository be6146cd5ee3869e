using Tessera.Core.Access;
using Tessera.Core.Ingest;
using Tessera.Core.Normalisation;
using Tessera.Storage.Contributions;
using Tessera.Storage.Directory;

namespace Tessera.Storage.Demo;

/// <summary>A demo account, printed when the demo starts.</summary>
public sealed record DemoAccount(string UserName, string Password, string Organisation, string Roles);

/// <summary>The demo workspace: organisations, users, shared cases and contributions about a generated smuggling network.</summary>
/// <remarks>Deterministic (seeded): the same scenario every time, so that a walk-through and the tests can rely on it.</remarks>
public static class DemoWorkspace
{
    /// <summary>The demo password of every demo account; it is printed at start and only meant for the demo.</summary>
    public const string Password = "tessera-demo-2026";

    private static readonly (string Code, string Name, string Country, string Kind)[] Organisations =
    [
        ("IT", "Italy — Polizia di Stato, Servizio Centrale Operativo", "IT", "member-state"),
        ("GR", "Greece — Hellenic Police, Migrant Smuggling Unit", "GR", "member-state"),
        ("MT", "Malta — Police Immigration Section", "MT", "member-state"),
        ("DE", "Germany — Bundespolizei", "DE", "member-state"),
        ("EU-HUB", "EU hub — European Migrant Smuggling Centre", "EU", "eu-agency"),
        ("EU-BCG", "EU border agency — risk analysis", "EU", "eu-agency"),
        ("RS-MUP", "Serbia — Ministry of Interior, Border Police Administration", "RS", "third-country"),
    ];

    private static readonly (string User, string Org, Role[] Roles)[] Users =
    [
        ("it.analyst", "IT", [Role.Analyst]),
        ("it.supervisor", "IT", [Role.Supervisor]),
        ("gr.analyst", "GR", [Role.Analyst]),
        ("gr.supervisor", "GR", [Role.Supervisor]),
        ("mt.analyst", "MT", [Role.Analyst]),
        ("de.analyst", "DE", [Role.Analyst]),
        ("de.supervisor", "DE", [Role.Supervisor]),
        ("rs.analyst", "RS-MUP", [Role.Analyst]),
        ("hub.analyst", "EU-HUB", [Role.HubAnalyst]),
        ("border.analyst", "EU-BCG", [Role.HubAnalyst, Role.Supervisor]),
        ("policy.officer", "EU-HUB", [Role.PolicyOfficer]),
        ("auditor", "EU-HUB", [Role.Auditor]),
        ("admin", "EU-HUB", [Role.Administrator]),
    ];

    /// <summary>Seeds an empty store; does nothing when organisations exist already. Returns the demo accounts.</summary>
    public static async Task<IReadOnlyList<DemoAccount>> SeedAsync(Store store, CancellationToken ct = default)
    {
        var accounts = Users.Select(u => new DemoAccount(u.User, Password, u.Org, DirectoryStore.FormatRoles(u.Roles))).ToList();
        if ((await store.Directory.OrganisationsAsync(ct)).Count > 0)
        {
            return accounts;
        }

        var system = Principal.System;
        foreach (var o in Organisations)
        {
            await store.Directory.AddOrganisationAsync(new Organisation(o.Code, o.Name, o.Country, o.Kind), system, ct);
        }

        // The hub is the organisation that runs it; the border agency's analysts hold the hub analyst role without hub rights.
        await store.Settings.SetHubAsync("EU-HUB", system, ct);

        foreach (var u in Users)
        {
            await store.Directory.AddUserAsync(new User(u.User, u.User, u.Org, u.Roles.ToHashSet(), false), Password, system, ct);
        }

        await store.Directory.AddCaseAsync("OP-ZUWARA", "Operation Zuwara boats — Central Mediterranean", "IT", ["MT", "EU-HUB"], system, ct);
        await store.Directory.AddCaseAsync("OP-BALKAN", "Western Balkan transport cells", "DE", ["GR"], system, ct);

        foreach (var (file, mapping, request) in DemoScenario.Files())
        {
            var prepared = await ContributionImport.PrepareAsync(store, Path.Combine(DemoScenario.Folder, file),
                mapping is null ? null : Path.Combine(DemoScenario.Folder, mapping), request, ct: ct);
            await ContributionImport.WriteAsync(store, prepared, request, system, "demo", ct);
        }

        // Hits already followed up: a release by the hub, a refusal by Italy and an urgent request to Italy still open.
        await DemoFollowUp.SeedAsync(store, ct);

        // The joint situational picture: Frontex's real monthly detections and the Italian daily arrivals, with generated incidents.
        await Picture.PictureDemo.SeedAsync(store, ct: ct);
        return accounts;
    }
}

