using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Tessera.Web.Tests.Browser.Accessibility;

/// <summary>axe-core 4.14 (Deque.AxeCore.Playwright) with the WCAG 2.0 and 2.1 level A and AA rules: a page in the state it is
/// in must have no violation, else the test fails with each rule, its impact and the elements it found.</summary>
public static class Axe
{
    /// <summary>The rule tags run: WCAG 2.0 A and AA and WCAG 2.1 A and AA (docs/accessibility.md).</summary>
    public static readonly IReadOnlyList<string> Tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

    /// <summary>Runs axe on the whole page and fails when it finds a violation; <paramref name="state"/> names the page and
    /// state in the message.</summary>
    public static async Task AssertNoViolationsAsync(IPage page, string state)
    {
        var result = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. Tags] } });
        if (result.Violations.Length > 0)
        {
            Assert.Fail(Describe(state, result.Violations));
        }
    }

    /// <summary>One line per rule (id, impact, what it asks) and one per element found (its selector and the start of its HTML).</summary>
    public static string Describe(string state, IEnumerable<AxeResultItem> violations)
    {
        var text = new StringBuilder();
        var list = violations.ToList();
        text.Append(System.Globalization.CultureInfo.InvariantCulture, $"{list.Count} axe rule(s) violated on {state}:").AppendLine();
        foreach (var rule in list)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"- {rule.Id} ({rule.Impact}): {rule.Help}, {rule.Nodes.Length} element(s)").AppendLine();
            foreach (var node in rule.Nodes.Take(8))
            {
                var html = node.Html.Length > 140 ? node.Html[..140] + "…" : node.Html;
                text.Append(System.Globalization.CultureInfo.InvariantCulture, $"    {node.Target}  {html}").AppendLine();
            }
        }

        return text.ToString();
    }
}
