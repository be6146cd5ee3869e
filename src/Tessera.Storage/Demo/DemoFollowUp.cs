using Tessera.Core.Access;
using Tessera.Core.FollowUp;
using Tessera.Storage.FollowUp;

namespace Tessera.Storage.Demo;

/// <summary>The follow-up of the demo's hits: the hub released posts Italy asked for; Italy refused one request of Greece and
/// has an urgent one, on a match Greece confirmed, still open.</summary>
internal static class DemoFollowUp
{
    public static async Task SeedAsync(Store store, CancellationToken ct)
    {
        var greece = await PrincipalAsync(store, "gr.analyst", ct);
        var italy = await PrincipalAsync(store, "it.analyst", ct);
        var hubAnalyst = await PrincipalAsync(store, "hub.analyst", ct);

        // Italy asks the hub for the posts that advertise the organiser's phone; the hub releases them.
        var posts = (await store.FollowUp.InboxAsync(italy, new HitGroupFilter(Limit: 500), ct)).Groups
            .Where(g => g is { Other: null, OtherOrganisation: "EU-HUB" })
            .MaxBy(g => g.Hits);
        if (posts is not null)
        {
            await store.FollowUp.SetStatusAsync(italy, posts.Id, HitStatus.InReview, ct);
            var request = await store.FollowUp.RequestAsync(italy, posts.Id, "which posts advertise the crossings of the phone used by the organiser?", urgent: false, ct);
            await store.FollowUp.DecideAsync(hubAnalyst, request, ReleaseScope.All, "open-source posts collected by the hub; for OP-ZUWARA", ct);
        }

        // Greece confirms a match on a record Italy withholds and asks urgently; Italy refused an earlier request on another record.
        var withheld = (await store.FollowUp.InboxAsync(greece, new HitGroupFilter(Limit: 500), ct)).Groups
            .Where(g => g is { Kind: "same-person", Other: null, OtherOrganisation: "IT" })
            .OrderBy(g => g.Id)
            .ToList();
        if (withheld.Count >= 2)
        {
            var refused = await store.FollowUp.RequestAsync(greece, withheld[1].Id, "background of the contact named at the Evros arrest", urgent: false, ct);
            await store.FollowUp.DecideAsync(italy, refused, ReleaseScope.None,
                "the record is part of an Italian judicial investigation: ask the prosecutor in Agrigento through the national unit", ct);
            await store.FollowUp.JudgeAsync(greece, withheld[0].Id, true, "same name in Greek and Latin script, same birth date; arrested at Evros", ct);
            await store.FollowUp.RequestAsync(greece, withheld[0].Id, "the driver is held for 24 hours: is he the person Italy knows?", urgent: true, ct);
        }
    }

    private static async Task<Principal> PrincipalAsync(Store store, string name, CancellationToken ct) =>
        (await store.Directory.UserAsync(name, ct))!.ToPrincipal();
}
