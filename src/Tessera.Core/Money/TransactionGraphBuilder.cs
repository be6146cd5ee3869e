using System.Runtime.InteropServices;

namespace Tessera.Core.Money;

/// <summary>Collects transactions (in any order) and builds a <see cref="TransactionGraph"/> in time order.</summary>
internal sealed class TransactionGraphBuilder
{
    private readonly Dictionary<string, int> _accountIndex = new(StringComparer.Ordinal);
    private readonly List<string> _accounts = [];
    private readonly List<string?> _countries = [];
    private readonly List<int> _from = [];
    private readonly List<int> _to = [];
    private readonly List<double> _amount = [];
    private readonly List<long> _time = [];
    private readonly List<string>? _ids;

    public TransactionGraphBuilder(bool keepIds = true, int capacity = 0)
    {
        _ids = keepIds ? new List<string>(capacity) : null;
        _from.Capacity = _to.Capacity = _amount.Capacity = _time.Capacity = capacity;
    }

    public int TransactionCount => _from.Count;

    /// <summary>The number of an account, added when new; <paramref name="country"/> fills in a country not yet known.</summary>
    public int Account(string id, string? country = null)
    {
        ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(_accountIndex, id, out var exists);
        if (!exists)
        {
            slot = _accounts.Count;
            _accounts.Add(id);
            _countries.Add(country ?? CountryOf(id));
        }
        else if (country is not null && _countries[slot] is null)
        {
            _countries[slot] = country;
        }

        return slot;
    }

    public void Add(string? id, int from, int to, double amountEur, long unixSeconds)
    {
        _ids?.Add(id ?? _from.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        _from.Add(from);
        _to.Add(to);
        _amount.Add(amountEur);
        _time.Add(unixSeconds);
    }

    public TransactionGraph Build()
    {
        var n = _from.Count;
        var time = _time.ToArray();
        var order = new int[n];
        for (var i = 0; i < n; i++)
        {
            order[i] = i;
        }

        if (!IsSorted(time))
        {
            // Key = (time, input position): a stable order, so ties keep the order the file gave.
            var keys = new (long, int)[n];
            for (var i = 0; i < n; i++)
            {
                keys[i] = (time[i], i);
            }

            Array.Sort(keys, order);
        }

        var from = new int[n];
        var to = new int[n];
        var amount = new double[n];
        var sortedTime = new long[n];
        var ids = _ids is null ? null : new string[n];
        for (var i = 0; i < n; i++)
        {
            var k = order[i];
            from[i] = _from[k];
            to[i] = _to[k];
            amount[i] = _amount[k];
            sortedTime[i] = time[k];
            if (ids is not null)
            {
                ids[i] = _ids![k];
            }
        }

        return new TransactionGraph([.. _accounts], [.. _countries], from, to, amount, sortedTime, ids);
    }

    /// <summary>The country of an account identifier that is an IBAN (two letters, two check digits), else null.</summary>
    public static string? CountryOf(string account) =>
        account.Length >= 15 && char.IsAsciiLetterUpper(account[0]) && char.IsAsciiLetterUpper(account[1]) && char.IsAsciiDigit(account[2]) && char.IsAsciiDigit(account[3])
            ? account[..2]
            : null;

    private static bool IsSorted(long[] time)
    {
        for (var i = 1; i < time.Length; i++)
        {
            if (time[i] < time[i - 1])
            {
                return false;
            }
        }

        return true;
    }
}
