using Tessera.Core.Access;
using Tessera.Web.Components.Layout;

namespace Tessera.Web.Tests.Components.Layout;

/// <summary>Each role's menu holds only what the access policy lets it use, and it lands where its work is.</summary>
public sealed class MenuTests
{
    private static Principal User(params Role[] roles) => new("u", "IT", roles.ToHashSet());

    [Theory]
    [InlineData(Role.Analyst, "/", "/search /hits /requests /cases /import /network /dashboard /sections")]
    [InlineData(Role.PolicyOfficer, "/reports", "/dashboard /sections /reports")]
    [InlineData(Role.Auditor, "/audit", "/dashboard /sections /audit")]
    [InlineData(Role.Administrator, "/admin", "/dashboard /sections /admin")]
    public void Menu_EachRole_ListsWhatItCanUseAndLandsOnItsPage(Role role, string landing, string items)
    {
        var user = User(role);

        Assert.Equal(landing, Menu.LandingFor(user));
        var hrefs = Menu.For(user).Select(i => i.Href).Where(h => h != "/").ToList();
        Assert.Equal(items.Split(' '), hrefs);
    }

    [Fact]
    public void Menu_SeveralRoles_GetTheUnionAndLandOnCaseWork()
    {
        var user = User(Role.PolicyOfficer, Role.Analyst);

        Assert.Equal("/", Menu.LandingFor(user));
        Assert.Contains(Menu.For(user), i => i.Href == "/hits");
    }

    [Fact]
    public void Menu_EveryEntryAndLandingSentence_HasItsTextInTheResources()
    {
        var resources = new System.Resources.ResourceManager(typeof(Tessera.Web.Components.UiText));
        var keys = Menu.All.Select(i => i.Label)
            .Concat(Enum.GetValues<Role>().Select(r => Menu.Landing(User(r)).Sentence))
            .ToList();

        Assert.All(keys, k => Assert.False(string.IsNullOrEmpty(resources.GetString(k, System.Globalization.CultureInfo.InvariantCulture)), k));
    }
}
