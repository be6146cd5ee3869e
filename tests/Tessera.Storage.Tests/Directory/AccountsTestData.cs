using Tessera.Core.Access;
using Tessera.Storage.Directory;

namespace Tessera.Storage.Tests.Directory;

/// <summary>A seeded store with one Italian analyst whose password is known.</summary>
internal static class AccountsTestData
{
    public const string Password = "correct-horse-battery";

    public static readonly DateTimeOffset Start = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    public static async Task<Store> CreateAsync(string provider, TimeProvider time)
    {
        var store = await TestStores.CreateSeededAsync(provider, time);
        await store.Directory.AddUserAsync(new User("anna", "Anna", "IT", new HashSet<Role> { Role.Analyst }, false), Password, Principal.System);
        await store.Directory.AddUserAsync(new User("bruno", "Bruno", "IT", new HashSet<Role> { Role.Analyst }, false), Password, Principal.System);
        return store;
    }
}
