namespace Tessera.Web.Tests.Browser;

/// <summary>A new user signs in with the printed demo credentials, searches across scripts and opens an entity page.</summary>
[Collection(BrowserSerial.Name)]
public sealed class SignInJourneyTests(DemoServer server)
{
    [Theory]
    [MemberData(nameof(BrowserSession.Browsers), MemberType = typeof(BrowserSession))]
    public async Task SignIn_SearchAndOpenEntity_ShowsValuesWithProvenance(string browser)
    {
        Assert.Equal("chromium", browser);
        await using var session = await server.NewSessionAsync();
        await session.Page.GotoAsync(session.BaseUrl + "/signin");
        await session.ScreenshotAsync("01-signin");

        await session.SignInAsync("it.analyst");
        await session.Page.FillAsync("[data-testid=search-box] input, input[data-testid=search-box]", "Mohammed");
        await session.Page.ClickAsync("[data-testid=search-button]");
        await session.Page.WaitForSelectorAsync("[data-testid=result-count]");
        await session.ScreenshotAsync("02-search");
        await session.Page.ClickAsync("a[href=\"/entities/IT%3Ait-p-002\"]");
        await session.Page.WaitForSelectorAsync("[data-testid=entity-caption]");
        await session.ScreenshotAsync("03-entity");

        Assert.Equal("Mohammed Ali Hassan", await session.Page.InnerTextAsync("[data-testid=entity-caption]"));
        var values = await session.Page.InnerTextAsync("[data-testid=entity-values]");
        Assert.Contains("1988-02-03", values, StringComparison.Ordinal);
        Assert.Contains("H0,H1", values, StringComparison.Ordinal);
        // Its hits, with the reason in one line and a link to the explanation.
        var hits = await session.Page.InnerTextAsync("[data-testid=entity-hits]");
        Assert.Contains("same-person", hits, StringComparison.Ordinal);
        Assert.True(await session.Page.Locator("[data-testid=entity-hits] a[href^='/hits/']").CountAsync() > 0);
        // The entity page names the person in its content only: neither its title nor its address holds the name (the
        // search's own address keeps its text, for Back and reload; no page sends a Referer).
        Assert.DoesNotContain("Mohammed", await session.Page.TitleAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("Mohammed", session.Page.Url, StringComparison.Ordinal);
        // Search and entity pages draw no map, chart or link chart: none of their libraries was downloaded.
        var resources = await session.Page.EvaluateAsync<string[]>("() => performance.getEntriesByType('resource').map(e => e.name)");
        Assert.Contains(resources, r => r.Contains("/dist/app.", StringComparison.Ordinal) && r.EndsWith(".js", StringComparison.Ordinal));
        foreach (var feature in new[] { "map", "charts", "linkChart" })
        {
            Assert.DoesNotContain(resources, r => r.Contains($"/dist/chunks/{feature}-", StringComparison.Ordinal));
        }
    }

    [Theory]
    [MemberData(nameof(BrowserSession.Browsers), MemberType = typeof(BrowserSession))]
    public async Task Search_ArabicQuery_FindsEveryScriptAndRendersArabicNamesRightToLeft(string browser)
    {
        Assert.Equal("chromium", browser);
        await using var session = await server.NewSessionAsync();
        await session.SignInAsync("it.analyst");
        await session.Page.FillAsync("[data-testid=search-box] input, input[data-testid=search-box]", "محمد علي حسن");
        await session.Page.ClickAsync("[data-testid=search-button]");
        await session.Page.WaitForSelectorAsync("[data-testid=result-count]");
        await session.Page.WaitForSelectorAsync("bdi.name");
        await session.ScreenshotAsync("02b-search-arabic");

        // Each name is isolated (bdi dir=auto): the browser lays out an Arabic name right to left, a Latin one left to right.
        var names = await session.Page.EvaluateAsync<string[][]>(
            "() => [...document.querySelectorAll('bdi.name')].map(e => [e.textContent.trim(), getComputedStyle(e).direction])");
        Assert.Contains(names, n => n[0] == "Mohammed Ali Hassan" && n[1] == "ltr");
        var arabic = names.Where(n => n[0].Length > 0 && n[0][0] is >= '\u0600' and <= '\u06FF').ToList();
        Assert.NotEmpty(arabic);
        Assert.All(arabic, n => Assert.Equal("rtl", n[1]));
    }

    [Theory]
    [MemberData(nameof(BrowserSession.Browsers), MemberType = typeof(BrowserSession))]
    public async Task SignIn_WrongPassword_StaysOnSignInWithAnError(string browser)
    {
        Assert.Equal("chromium", browser);
        await using var session = await server.NewSessionAsync();

        await session.Page.GotoAsync(session.BaseUrl + "/signin");
        await session.Page.FillAsync("#userName", "it.analyst");
        await session.Page.FillAsync("#password", "not-the-password");
        await session.Page.ClickAsync("button[type=submit]");

        Assert.Contains("Wrong user name or password", await session.Page.InnerTextAsync("[role=alert]"), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(BrowserSession.Browsers), MemberType = typeof(BrowserSession))]
    public async Task EntityPage_OtherOrganisation_ShowsOnlyTheHit(string browser)
    {
        Assert.Equal("chromium", browser);
        await using var session = await server.NewSessionAsync();

        await session.SignInAsync("gr.analyst");
        await session.Page.GotoAsync(session.BaseUrl + "/entities/IT:it-p-002");
        var text = await session.Page.InnerTextAsync("[data-testid=hit-only]");
        await session.ScreenshotAsync("04-hit-only");

        Assert.Contains("ask IT", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Mohammed", await session.Page.ContentAsync(), StringComparison.Ordinal);
    }
}

/// <summary>The hit inbox, as analysts open it (the situational picture is in PictureJourneyTests).</summary>
[Collection(BrowserSerial.Name)]
public sealed class PictureAndHitsJourneyTests(DemoServer server)
{
    [Theory]
    [MemberData(nameof(BrowserSession.Browsers), MemberType = typeof(BrowserSession))]
    public async Task HitInbox_ShowsOneRowPerHitGroupWithTheOtherSideInFullOrItsOwner(string browser)
    {
        Assert.Equal("chromium", browser);
        await using var session = await server.NewSessionAsync();

        await session.SignInAsync("gr.analyst");
        await session.Page.ClickAsync("text=Hits");
        await session.Page.WaitForSelectorAsync("[data-testid=hits]");
        await session.ScreenshotAsync("06-hits");

        Assert.Contains("DE", await session.Page.InnerTextAsync("[data-testid=hit-row]:has([data-testid=hit-other]) [data-testid=hit-partner]"), StringComparison.Ordinal);
        Assert.Matches("held by [A-Z-]+ — reference REF-", await session.Page.InnerTextAsync("[data-testid=hit-only] >> nth=0"));

        // Every row, disclosed or not, opens its hit page from the kind, with its status and the number of hits in the group.
        var rows = await session.Page.Locator("[data-testid=hits] [data-testid=hit-row]").CountAsync();
        Assert.Equal(rows, await session.Page.Locator("[data-testid=hits] [data-testid=hit-kind][href^='/hits/']").CountAsync());
        Assert.Equal(rows, await session.Page.Locator("[data-testid=hits] [data-testid=hit-status]").CountAsync());
        Assert.All(await session.Page.Locator("[data-testid=hit-count]").AllInnerTextsAsync(), c => Assert.Matches("^[1-9][0-9]*$", c.Trim()));
    }
}

/// <summary>The auditor reads and verifies the trail; nobody else may.</summary>
[Collection(BrowserSerial.Name)]
public sealed class AuditJourneyTests(DemoServer server)
{
    [Theory]
    [MemberData(nameof(BrowserSession.Browsers), MemberType = typeof(BrowserSession))]
    public async Task Auditor_VerifiesTheChain_AndAnAnalystIsRefused(string browser)
    {
        Assert.Equal("chromium", browser);
        await using (var auditor = await server.NewSessionAsync())
        {
            await auditor.SignInAsync("auditor");
            await auditor.Page.ClickAsync("text=Audit");
            await auditor.Page.ClickAsync("[data-testid=verify]");
            var verification = await auditor.Page.InnerTextAsync("[data-testid=verification]");
            await auditor.ScreenshotAsync("07-audit");

            Assert.Contains("Intact", verification, StringComparison.Ordinal);
            Assert.Contains("user.signin", await auditor.Page.InnerTextAsync("[data-testid=entries]"), StringComparison.Ordinal);
        }

        await using var analyst = await server.NewSessionAsync();
        await analyst.SignInAsync("it.analyst");
        await analyst.Page.GotoAsync(analyst.BaseUrl + "/audit");

        Assert.Contains("Only auditors", await analyst.Page.InnerTextAsync("[data-testid=audit-refused]"), StringComparison.Ordinal);
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BrowserSerial : ICollectionFixture<DemoServer>
{
    public const string Name = "browser";
}
