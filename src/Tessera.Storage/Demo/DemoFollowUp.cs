using Tessera.Core.Access;
using Tessera.Core.FollowUp;
using Tessera.Storage.FollowUp;

namespace Tessera.Storage.Demo;

/// <summary>The follow-up of the demo's hits: Greece confirms a match and asks Italy for the record, Italy releases its core
/// data; an urgent request of Greece and a request of Italy to the hub are still open.</summary>
internal static class DemoFollowUp
{
    public static async Task SeedAsync(Store store, CancellationToken ct)
    {
        var greece = await PrincipalAsync(store, "gr.analyst", ct);
        var italy = await PrincipalAsync(store, "it.analyst", ct);
        var withheld = (await store.FollowUp.InboxAsync(greece, new HitGroupFilter(Limit: 500), ct)).Groups
            .Where(g => g is { Kind: "same-person", Other: null, OtherOrganisation: "IT" })
            .OrderBy(g => g.Id)
            .ToList();
        if (withheld.Count >= 2)
        {
            var answered = withheld[0];
            await store.FollowUp.JudgeAsync(greece, answered.Id, true, "same name in Greek and Latin script, same birth date; arrested at Evros", ct);
            var request = await store.FollowUp.RequestAsync(greece, answered.Id, "identify the driver arrested at Evros on 2 May as the organiser's contact", urgent: false, ct);
            await store.FollowUp.DecideAsync(italy, request, ReleaseScope.Core, "core data for the identification; the case file stays with OP-ZUWARA", ct);
            await store.FollowUp.RequestAsync(greece, withheld[1].Id, "the driver is held for 24 hours: is he the person Italy knows?", urgent: true, ct);
        }

        var hub = (await store.FollowUp.InboxAsync(italy, new HitGroupFilter(Limit: 500), ct)).Groups
            .Where(g => g is { Other: null, OtherOrganisation: "EU-HUB" })
            .MaxBy(g => g.Hits);
        if (hub is not null)
        {
            await store.FollowUp.SetStatusAsync(italy, hub.Id, HitStatus.InReview, ct);
            await store.FollowUp.RequestAsync(italy, hub.Id, "which posts advertise the crossings of the phone used by the organiser?", urgent: false, ct);
        }
    }

    private static async Task<Principal> PrincipalAsync(Store store, string name, CancellationToken ct) =>
        (await store.Directory.UserAsync(name, ct))!.ToPrincipal();
}
