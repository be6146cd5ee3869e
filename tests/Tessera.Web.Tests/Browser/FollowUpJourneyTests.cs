using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Tessera.Web.Tests.Browser;

/// <summary>The follow-up of a hit as both sides work it: Greece triages a hit on a record Germany shares with their joint case
/// under H3 (its own words), confirms the match and asks for the record; Germany's analyst proposes to release it and, H3 data
/// needing it, a German supervisor approves; Greece reads the released values until Germany revokes the release. An organisation that is no party sees neither the hit nor the request.</summary>
/// <remarks>Everything the journey needs is created through the pages; each run asks with its own purpose, so that it finds
/// its own request on a shared demo server.</remarks>
[Collection(BrowserSerial.Name)]
public sealed class FollowUpJourneyTests(DemoServer server)
{
    [Theory]
    [MemberData(nameof(BrowserSession.Browsers), MemberType = typeof(BrowserSession))]
    public async Task FollowUp_ConfirmRequestReleaseRevoke_RequesterSeesTheRecordOnlyWhileReleased(string browser)
    {
        Assert.Equal("chromium", browser);
        var purpose = "identify the skipper of the Zuwara crossing " + Guid.NewGuid().ToString("N")[..8];
        string hitUrl;
        await using (var greece = await server.NewSessionAsync())
        {
            var page = greece.Page;
            await greece.SignInAsync("gr.analyst");
            await page.GetByRole(AriaRole.Link, new() { Name = "Hits", Exact = true }).ClickAsync();
            await page.WaitForSelectorAsync("[data-testid=hits]");

            // The filter lives in the URL: a reload shows the same view.
            await page.SelectOptionAsync("[data-testid=filter-partner]", "DE");
            await Assertions.Expect(page).ToHaveURLAsync(new Regex("/hits\\?.*partner=DE"));
            await page.ReloadAsync();
            await page.WaitForSelectorAsync("[data-testid=hits]");
            await greece.ScreenshotAsync("40-follow-up-inbox-filtered");
            Assert.Equal("DE", await page.InputValueAsync("[data-testid=filter-partner]"));
            var partners = await page.Locator("[data-testid=hit-partner]").AllInnerTextsAsync();
            Assert.NotEmpty(partners);
            Assert.All(partners, p => Assert.Equal("DE", p.Trim()));

            // A withheld row names the owner and the reference; the row opens the hit page.
            var withheld = page.Locator("[data-testid=hit-row]").Filter(new() { Has = page.Locator("[data-testid=hit-only]") }).First;
            Assert.Matches("held by DE — reference REF-[0-9A-F]{20}", await withheld.Locator("[data-testid=hit-only]").InnerTextAsync());
            await withheld.Locator("[data-testid=hit-assignee]").ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(new Regex("/hits/[0-9]+$"));
            hitUrl = new Uri(page.Url).AbsolutePath;
            await page.WaitForSelectorAsync("[data-testid=hit-only]");
            Assert.Contains("once its owner releases them", await page.InnerTextAsync("[data-testid=explanation-withheld]"), StringComparison.Ordinal);

            await page.ClickAsync("[data-testid=confirm-match]");
            Assert.True(await page.IsDisabledAsync("[data-testid=dialog-submit]"), "a match decision needs a reason");
            await page.FillAsync("[data-testid=reason] textarea, textarea[data-testid=reason]", "same man: name, birth date and phone agree with our arrest record");
            await page.ClickAsync("[data-testid=dialog-submit]");
            await Assertions.Expect(page.Locator("[data-testid=hit-status]")).ToHaveTextAsync("confirmed");
            await Assertions.Expect(page.Locator("[data-testid=hit-history]")).ToContainTextAsync("confirm");

            await page.ClickAsync("[data-testid=request-access]");
            Assert.True(await page.IsDisabledAsync("[data-testid=dialog-submit]"), "a request needs a purpose");
            await page.FillAsync("[data-testid=purpose] textarea, textarea[data-testid=purpose]", purpose);
            await page.ClickAsync("[data-testid=dialog-submit]");
            var sent = page.Locator("[data-testid=hit-request]").Filter(new() { HasText = "open" });
            await Assertions.Expect(sent).ToHaveCountAsync(1);
            await greece.ScreenshotAsync("41-follow-up-requested");
            // Confirmed first, so the owner must answer within 48 hours (Prüm II Art. 47); dates in dd/MM/yyyy HH:mm UTC.
            Assert.Matches("due [0-3][0-9]/[01][0-9]/20[0-9]{2} [0-2][0-9]:[0-5][0-9] UTC \\(48 h", await sent.InnerTextAsync());

            await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
            await page.WaitForURLAsync(new Regex("/signin"));
        }

        await using var germany = await server.NewSessionAsync();
        await germany.SignInAsync("de.analyst");
        await germany.Page.GetByRole(AriaRole.Link, new() { Name = "Requests", Exact = true }).ClickAsync();
        var incoming = Row(germany.Page, "incoming", purpose);
        await Assertions.Expect(incoming.Locator("[data-testid=request-status]")).ToHaveTextAsync("open");
        Assert.Matches("[0-3][0-9]/[01][0-9]/20[0-9]{2} [0-2][0-9]:[0-5][0-9] UTC", await incoming.Locator("[data-testid=request-due]").InnerTextAsync());
        Assert.Contains("from GR", await incoming.Locator("[data-testid=request-partner]").InnerTextAsync(), StringComparison.Ordinal);
        await germany.ScreenshotAsync("42-follow-up-incoming");

        await incoming.Locator("[data-testid=decide]").ClickAsync();
        await germany.Page.CheckAsync("[data-testid=scope-core]");
        await germany.Page.FillAsync("[data-testid=reason] textarea, textarea[data-testid=reason]", "joint investigation team with Greece");
        await germany.Page.ClickAsync("[data-testid=dialog-submit]");
        // H3 data: the analyst's answer waits for a supervisor of the owner.
        await Assertions.Expect(incoming.Locator("[data-testid=request-status]")).ToHaveTextAsync("awaiting-approval");
        {
            Assert.Contains("supervisor of DE must approve", await incoming.InnerTextAsync(), StringComparison.Ordinal);
            Assert.Equal(0, await incoming.Locator("[data-testid=approve]").CountAsync());
            await using var supervisor = await server.NewSessionAsync();
            await supervisor.SignInAsync("de.supervisor");
            await supervisor.Page.GotoAsync(supervisor.BaseUrl + "/requests");
            var proposed = Row(supervisor.Page, "incoming", purpose);
            await proposed.Locator("[data-testid=approve]").ClickAsync();
            await supervisor.Page.FillAsync("[data-testid=reason] textarea, textarea[data-testid=reason]", "approved for the joint investigation team");
            await supervisor.Page.ClickAsync("[data-testid=dialog-submit]");
            await Assertions.Expect(proposed.Locator("[data-testid=request-status]")).ToHaveTextAsync("released");
        }

        await using (var greece = await server.NewSessionAsync())
        {
            var page = greece.Page;
            await greece.SignInAsync("gr.analyst");
            await page.GotoAsync(greece.BaseUrl + "/requests");
            var outgoing = Row(page, "outgoing", purpose);
            await Assertions.Expect(outgoing.Locator("[data-testid=request-status]")).ToHaveTextAsync("released");
            await outgoing.Locator("[data-testid=request-entity]").ClickAsync();
            await page.WaitForSelectorAsync("[data-testid=entity-values]");
            await greece.ScreenshotAsync("43-follow-up-released");
            Assert.Contains("released by DE for: " + purpose, await page.InnerTextAsync("[data-testid=entity-values]"), StringComparison.Ordinal);
            var entityUrl = page.Url;

            await germany.Page.GotoAsync(germany.BaseUrl + "/requests");
            var released = Row(germany.Page, "incoming", purpose);
            await released.Locator("[data-testid=revoke]").ClickAsync();
            await germany.Page.FillAsync("[data-testid=reason] textarea, textarea[data-testid=reason]", "the German prosecutor restricted the file");
            await germany.Page.ClickAsync("[data-testid=dialog-submit]");
            await Assertions.Expect(released.Locator("[data-testid=request-status]")).ToHaveTextAsync("revoked");

            await page.GotoAsync(entityUrl);
            await page.WaitForSelectorAsync("[data-testid=hit-only], [data-testid=not-found]");
            await greece.ScreenshotAsync("44-follow-up-revoked");
            Assert.DoesNotContain(purpose, await page.ContentAsync(), StringComparison.Ordinal);
            Assert.Equal(0, await page.Locator("[data-testid=entity-values]").CountAsync());
        }

        // The hit page of the requester now shows the revoked request.
        await using var again = await server.NewSessionAsync();
        await again.SignInAsync("gr.analyst");
        await again.Page.GotoAsync(again.BaseUrl + hitUrl);
        await Assertions.Expect(again.Page.Locator("[data-testid=hit-request]").Filter(new() { HasText = "revoked" })).Not.ToHaveCountAsync(0);
    }

    [Theory]
    [MemberData(nameof(BrowserSession.Browsers), MemberType = typeof(BrowserSession))]
    public async Task FollowUp_UnrelatedOrganisation_SeesNoRequestAndNoHit(string browser)
    {
        Assert.Equal("chromium", browser);
        string hitUrl;
        await using (var greece = await server.NewSessionAsync())
        {
            await greece.SignInAsync("gr.analyst");
            await greece.Page.GotoAsync(greece.BaseUrl + "/hits?partner=IT");
            hitUrl = (await greece.Page.Locator("[data-testid=hit-kind]").First.GetAttributeAsync("href"))!;
        }

        await using var hub = await server.NewSessionAsync();
        await hub.SignInAsync("hub.analyst");
        await hub.Page.GotoAsync(hub.BaseUrl + "/requests");
        await hub.Page.WaitForSelectorAsync("h2:has-text('Outgoing')");
        Assert.Equal(0, await hub.Page.Locator($"[data-testid=request-row] a[href='{hitUrl}']").CountAsync());
        Assert.DoesNotContain("from GR", await hub.Page.InnerTextAsync("main"), StringComparison.Ordinal);

        await hub.Page.GotoAsync(hub.BaseUrl + hitUrl);
        await hub.Page.WaitForSelectorAsync("[data-testid=not-found]");
        await hub.ScreenshotAsync("45-follow-up-not-a-party");
        Assert.Equal(0, await hub.Page.Locator("[data-testid=hit-actions]").CountAsync());
    }

    private static ILocator Row(IPage page, string table, string purpose) =>
        page.Locator($"[data-testid={table}] [data-testid=request-row]").Filter(new() { HasText = purpose });
}
