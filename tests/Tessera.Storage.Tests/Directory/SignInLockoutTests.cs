using Microsoft.Extensions.Time.Testing;
using Tessera.Core.Access;

namespace Tessera.Storage.Tests.Directory;

/// <summary>Sign-in lockout after five consecutive failures, the same for known and unknown names, and audited.</summary>
public sealed class SignInLockoutTests
{
    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task AttemptSignIn_AfterFiveFailures_RefusesEvenTheRightPassword(string provider)
    {
        await using var store = await AccountsTestData.CreateAsync(provider, new FakeTimeProvider(AccountsTestData.Start));
        for (var i = 0; i < SignInRule.FreeFailures; i++)
        {
            Assert.Equal(SignInOutcome.WrongPassword, (await store.Directory.AttemptSignInAsync("anna", "wrong-password-" + i)).Outcome);
        }

        var (outcome, user) = await store.Directory.AttemptSignInAsync("anna", AccountsTestData.Password);

        Assert.Equal(SignInOutcome.LockedOut, outcome);
        Assert.Null(user);
        var actions = await SessionsTests.AuditActionsAsync(store);
        Assert.Contains("user.lockout", actions);
    }

    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task AttemptSignIn_AfterLockoutEnds_RightPasswordWorksAndResetsTheCount(string provider)
    {
        var clock = new FakeTimeProvider(AccountsTestData.Start);
        await using var store = await AccountsTestData.CreateAsync(provider, clock);
        for (var i = 0; i < SignInRule.FreeFailures; i++)
        {
            await store.Directory.AttemptSignInAsync("anna", "wrong-password-" + i);
        }

        clock.Advance(SignInRule.BaseLockout);
        var afterLockout = await store.Directory.AttemptSignInAsync("anna", AccountsTestData.Password);
        var failedOnce = await store.Directory.AttemptSignInAsync("anna", "wrong-password-x");
        var again = await store.Directory.AttemptSignInAsync("anna", AccountsTestData.Password);

        Assert.Equal(SignInOutcome.Ok, afterLockout.Outcome);
        Assert.Equal(SignInOutcome.WrongPassword, failedOnce.Outcome);
        Assert.Equal(SignInOutcome.Ok, again.Outcome);
    }

    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task AttemptSignIn_UnknownName_IsLockedOutLikeAKnownOne(string provider)
    {
        await using var store = await AccountsTestData.CreateAsync(provider, new FakeTimeProvider(AccountsTestData.Start));
        var outcomes = new List<SignInOutcome>();
        for (var i = 0; i <= SignInRule.FreeFailures; i++)
        {
            outcomes.Add((await store.Directory.AttemptSignInAsync("nobody", "wrong-password-" + i)).Outcome);
        }

        Assert.Equal(Enumerable.Repeat(SignInOutcome.UnknownUser, SignInRule.FreeFailures).Append(SignInOutcome.LockedOut), outcomes);
    }

    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task AttemptSignIn_OtherUsersFailures_DoNotLockThisOne(string provider)
    {
        await using var store = await AccountsTestData.CreateAsync(provider, new FakeTimeProvider(AccountsTestData.Start));
        for (var i = 0; i < SignInRule.FreeFailures; i++)
        {
            await store.Directory.AttemptSignInAsync("anna", "wrong-password-" + i);
        }

        Assert.Equal(SignInOutcome.Ok, (await store.Directory.AttemptSignInAsync("bruno", AccountsTestData.Password)).Outcome);
    }
}
