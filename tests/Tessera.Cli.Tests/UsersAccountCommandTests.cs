using Tessera.Storage;

namespace Tessera.Cli.Tests;

/// <summary><c>tessera users passwd|disable|enable|token|tokens|revoke-token</c>: withdrawing access from the command line.</summary>
[Collection(CliSerial.Name)]
public sealed class UsersAccountCommandTests
{
    private static async Task<CliRun> WithAnnaAsync()
    {
        var cli = new CliRun();
        await cli.RunAsync("orgs", "add", "IT", "--name", "Italy", "--country", "IT");
        await cli.RunAsync("users", "add", "anna", "--org", "IT", "--roles", "analyst", "--password", "correct-horse-battery");
        return cli;
    }

    [Fact]
    public async Task Token_WithExpiry_IsListedByIdWithLabelAndExpiryButNotItsSecret()
    {
        var cli = await WithAnnaAsync();

        var (code, secret, err) = await cli.RunAsync("users", "token", "anna", "--label", "nightly", "--expires-days", "7");
        var list = await cli.RunAsync("users", "tokens", "anna");

        Assert.Equal(0, code);
        Assert.StartsWith("tsr_", secret, StringComparison.Ordinal);
        var id = TokenId(err);
        var row = Assert.Single(list.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries)).Split('\t');
        Assert.Equal((id, "nightly", "live"), (row[0], row[1], row[4]));
        Assert.Equal(7, (DateOnly.Parse(row[3], System.Globalization.CultureInfo.InvariantCulture).DayNumber - DateOnly.Parse(row[2], System.Globalization.CultureInfo.InvariantCulture).DayNumber));
        Assert.DoesNotContain(secret.Trim(), list.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RevokeToken_Listed_ClosesTheTokenAndShowsItRevoked()
    {
        var cli = await WithAnnaAsync();
        var (_, secret, err) = await cli.RunAsync("users", "token", "anna");
        var id = TokenId(err);

        var revoke = await cli.RunAsync("users", "revoke-token", "anna", id);
        var list = await cli.RunAsync("users", "tokens", "anna");

        Assert.Equal(0, revoke.Code);
        Assert.Contains("\trevoked", list.Out, StringComparison.Ordinal);
        await using var store = await Store.OpenAsync(cli.Storage);
        Assert.Null(await store.Directory.UserByTokenAsync(secret.Trim()));
    }

    [Fact]
    public async Task RevokeToken_UnknownId_IsBadInput()
    {
        var cli = await WithAnnaAsync();

        var (code, _, err) = await cli.RunAsync("users", "revoke-token", "anna", "nosuchid");

        Assert.Equal(2, code);
        Assert.Contains("no live token 'nosuchid'", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Disable_User_ClosesItsTokensAndListsItDisabled()
    {
        var cli = await WithAnnaAsync();
        var (_, secret, _) = await cli.RunAsync("users", "token", "anna");

        var disable = await cli.RunAsync("users", "disable", "anna");
        var list = await cli.RunAsync("users", "list");

        Assert.Equal(0, disable.Code);
        Assert.Contains("anna\tIT\tAnalyst\tdisabled", list.Out, StringComparison.Ordinal);
        await using var store = await Store.OpenAsync(cli.Storage);
        Assert.Null(await store.Directory.UserByTokenAsync(secret.Trim()));
    }

    [Fact]
    public async Task Passwd_NewPassword_ReplacesTheOldOne()
    {
        var cli = await WithAnnaAsync();

        var passwd = await cli.RunAsync("users", "passwd", "anna", "--password", "a-brand-new-password");

        Assert.Equal(0, passwd.Code);
        await using var store = await Store.OpenAsync(cli.Storage);
        Assert.Null(await store.Directory.SignInAsync("anna", "correct-horse-battery"));
        Assert.NotNull(await store.Directory.SignInAsync("anna", "a-brand-new-password"));
    }

    [Theory]
    [InlineData("disable")]
    [InlineData("passwd")]
    [InlineData("tokens")]
    [InlineData("token")]
    public async Task Verb_UnknownUser_IsBadInputNamingIt(string verb)
    {
        var cli = await WithAnnaAsync();

        var (code, _, err) = await cli.RunAsync("users", verb, "nobody");

        Assert.Equal(2, code);
        Assert.Contains("unknown user 'nobody'", err, StringComparison.Ordinal);
    }

    // The token's id is said on stderr, after the line naming the store.
    private static string TokenId(string err) =>
        err.Split('\n').Single(l => l.StartsWith("token id ", StringComparison.Ordinal)).Trim()["token id ".Length..];
}
