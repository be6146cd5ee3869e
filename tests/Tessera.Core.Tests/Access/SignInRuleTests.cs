using Tessera.Core.Access;

namespace Tessera.Core.Tests.Access;

/// <summary>Sign-in decisions: the same hash work whatever the account, lockout that grows and is bounded.</summary>
public sealed class SignInRuleTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly string Stored = PasswordHash.Create("correct-horse-battery");

    public static TheoryData<string, SignInOutcome> Accounts => new()
    {
        { "unknown", SignInOutcome.UnknownUser },
        { "disabled", SignInOutcome.Disabled },
        { "locked", SignInOutcome.LockedOut },
        { "wrong", SignInOutcome.WrongPassword },
        { "right", SignInOutcome.Ok },
    };

    [Theory]
    [MemberData(nameof(Accounts))]
    public void Decide_AnyAccount_RunsThePasswordHashExactlyOnceOnAPbkdf2Hash(string account, SignInOutcome expected)
    {
        var (state, password) = account switch
        {
            "unknown" => (new SignInAccount(null, false, null), "correct-horse-battery"),
            "disabled" => (new SignInAccount(Stored, true, null), "correct-horse-battery"),
            "locked" => (new SignInAccount(Stored, false, Now.AddMinutes(1)), "correct-horse-battery"),
            "wrong" => (new SignInAccount(Stored, false, null), "wrong-password"),
            _ => (new SignInAccount(Stored, false, null), "correct-horse-battery"),
        };
        var hashes = new List<string>();

        var outcome = SignInRule.Decide(state, password, Now, (p, h) =>
        {
            hashes.Add(h);
            return PasswordHash.Verify(p, h);
        });

        Assert.Equal(expected, outcome);
        var hash = Assert.Single(hashes);
        Assert.Equal(Stored.Split('$')[..2], hash.Split('$')[..2]);
        Assert.Equal(Stored.Length, hash.Length);
    }

    [Fact]
    public void Decide_LockoutOver_DecidesOnThePassword()
    {
        var outcome = SignInRule.Decide(new SignInAccount(Stored, false, Now), "correct-horse-battery", Now, PasswordHash.Verify);

        Assert.Equal(SignInOutcome.Ok, outcome);
    }

    [Theory]
    [InlineData(4, 0)]
    [InlineData(5, 15)]
    [InlineData(6, 30)]
    [InlineData(7, 60)]
    [InlineData(12, 1440)]
    [InlineData(1000, 1440)]
    public void LockoutFor_ConsecutiveFailures_GrowsFromFifteenMinutesToADay(long failures, int minutes)
    {
        Assert.Equal(TimeSpan.FromMinutes(minutes), SignInRule.LockoutFor(failures));
    }
}
