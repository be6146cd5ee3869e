using Microsoft.Playwright;
using Xunit.Sdk;

namespace Tessera.Web.Tests.Browser.Accessibility;

/// <summary>WCAG 2.1 A and AA, measured with axe-core on every page of <see cref="AccessiblePages"/> in the state it lists:
/// zero violations (docs/accessibility.md).</summary>
[Collection(BrowserSerial.Name)]
public sealed class AccessibilityTests(DemoServer server)
{
    [Theory]
    [MemberData(nameof(AccessiblePages.Names), MemberType = typeof(AccessiblePages))]
    public async Task Page_InTheStateTheTestsReach_HasNoAxeViolation(string name)
    {
        var entry = AccessiblePages.Named(name);
        await using var session = await server.NewSessionAsync();
        await OpenAsync(session, entry);

        await Axe.AssertNoViolationsAsync(session.Page, $"{entry.Name} ({entry.User ?? "signed out"}, {entry.Path})");
    }

    [Theory]
    [MemberData(nameof(BrowserSession.Browsers), MemberType = typeof(BrowserSession))]
    public async Task AxeCheck_PageWithAnUnnamedImageAndLowContrast_FailsNamingTheRulesAndElements(string browser)
    {
        Assert.Equal("chromium", browser);
        await using var session = await server.NewSessionAsync();
        await session.Page.GotoAsync(session.BaseUrl + "/signin");
        await session.Page.EvaluateAsync("""
            () => {
                const img = document.createElement('img');
                img.id = 'unnamed-image';
                img.src = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';
                document.body.appendChild(img);
                const pale = document.createElement('p');
                pale.id = 'pale-text';
                pale.style.color = '#bbbbbb';
                pale.textContent = 'hard to read';
                document.body.appendChild(pale);
            }
            """);

        var failure = await Assert.ThrowsAsync<FailException>(() => Axe.AssertNoViolationsAsync(session.Page, "sign-in with planted faults"));

        Assert.Contains("image-alt (critical)", failure.Message, StringComparison.Ordinal);
        Assert.Contains("#unnamed-image", failure.Message, StringComparison.Ordinal);
        Assert.Contains("color-contrast (serious)", failure.Message, StringComparison.Ordinal);
        Assert.Contains("#pale-text", failure.Message, StringComparison.Ordinal);
    }

    /// <summary>Signs in as the page's user, opens it, waits until it is ready and reaches its state.</summary>
    internal static async Task OpenAsync(BrowserSession session, AccessiblePage entry)
    {
        if (entry.User is { } user)
        {
            await session.SignInAsync(user);
        }

        await session.Page.GotoAsync(session.BaseUrl + entry.Path);
        await session.Page.WaitForSelectorAsync(entry.Ready);
        if (entry.Then is { } then)
        {
            await then(session.Page);
        }
    }
}
