namespace Tessera.Core.Access;

/// <summary>What a sign-in attempt comes to. Every outcome but <see cref="Ok"/> is answered to the client the same way.</summary>
public enum SignInOutcome
{
    Ok,
    WrongPassword,
    UnknownUser,
    Disabled,
    LockedOut,
}

/// <summary>The account's state as stored, for one sign-in attempt.</summary>
/// <param name="PasswordHash">The stored hash; null when no user has that name.</param>
/// <param name="LockedUntil">End of a running lockout, if any.</param>
public sealed record SignInAccount(string? PasswordHash, bool Disabled, DateTimeOffset? LockedUntil);

/// <summary>Sign-in throttling and lockout for local accounts (OWASP ASVS 5.0 V6.3, level 2).</summary>
/// <remarks>
/// After <see cref="FreeFailures"/> consecutive failures for one user name, further attempts are refused for
/// <see cref="LockoutFor"/> (15 minutes, doubling with each failure after the lock ends, at most a day), even with the
/// right password. Attempts refused during a lockout do not extend it, so an attacker cannot keep a user locked out for
/// longer than by guessing at the allowed pace. Unknown user names are counted like known ones and every attempt costs the
/// same PBKDF2 work, so neither the answer, the lockout nor the time taken tells existing from unknown users.
/// </remarks>
public static class SignInRule
{
    /// <summary>Consecutive failures allowed before the account is locked.</summary>
    public const int FreeFailures = 5;

    /// <summary>The first lockout.</summary>
    public static readonly TimeSpan BaseLockout = TimeSpan.FromMinutes(15);

    /// <summary>The longest lockout.</summary>
    public static readonly TimeSpan MaxLockout = TimeSpan.FromDays(1);

    // A real PBKDF2 hash, at the cost PasswordHash.Create uses, of a random password that was thrown away: checking against
    // it costs what checking a real account costs, from the very first attempt (no hash is made on the way).
    private const string Dummy = "pbkdf2-sha512$210000$ngzZYWPNyMSS8eVh1cIBxw==$EVjhhbPpYn/jwsmCS3zr+Nq4Pl2DFzEDNHPujRMJf/I=";

    /// <summary>Decides an attempt; <paramref name="verify"/> runs exactly once whatever the account's state.</summary>
    public static SignInOutcome Decide(SignInAccount account, string password, DateTimeOffset now, Func<string, string, bool> verify)
    {
        // The hash work is done before anything else is looked at, against a dummy hash for an unknown user.
        var matches = verify(password, account.PasswordHash ?? Dummy);
        return account switch
        {
            { LockedUntil: { } until } when until > now => SignInOutcome.LockedOut,
            { PasswordHash: null } => SignInOutcome.UnknownUser,
            { Disabled: true } => SignInOutcome.Disabled,
            _ => matches ? SignInOutcome.Ok : SignInOutcome.WrongPassword,
        };
    }

    /// <summary>How long the account is locked after its <paramref name="failures"/>-th consecutive failure; zero when not.</summary>
    public static TimeSpan LockoutFor(long failures)
    {
        if (failures < FreeFailures)
        {
            return TimeSpan.Zero;
        }

        var doublings = Math.Min(failures - FreeFailures, 10);
        var lockout = BaseLockout * Math.Pow(2, doublings);
        return lockout < MaxLockout ? lockout : MaxLockout;
    }
}
