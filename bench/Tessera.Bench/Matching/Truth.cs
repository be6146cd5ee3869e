using System.Text.RegularExpressions;
using Tessera.Core.Matching;

namespace Tessera.Bench.Matching;

/// <summary>Ground truth of a labelled data set: which ids are the same person, and how many true pairs there are.</summary>
internal sealed partial class Truth(Dictionary<string, string> entity, long truePairs)
{
    public long TruePairs { get; } = truePairs;

    public bool Same(string a, string b) => entity.TryGetValue(a, out var x) && entity.TryGetValue(b, out var y) && x == y;

    [GeneratedRegex(@"rec-(\d+)")]
    private static partial Regex FebrlId();

    /// <summary>Febrl: rec-N-… records with the same N are the same person.</summary>
    public static Truth Febrl(List<PersonRecord> a, List<PersonRecord> b, bool dedupe)
    {
        var entity = a.Concat(dedupe ? [] : b).ToDictionary(r => r.Id, r => FebrlId().Match(r.Id).Groups[1].Value, StringComparer.Ordinal);
        long pairs;
        if (dedupe)
        {
            pairs = entity.Values.GroupBy(v => v).Sum(g => (long)g.Count() * (g.Count() - 1) / 2);
        }
        else
        {
            var right = b.GroupBy(r => entity[r.Id]).ToDictionary(g => g.Key, g => (long)g.Count());
            pairs = a.GroupBy(r => entity[r.Id]).Sum(g => g.Count() * right.GetValueOrDefault(g.Key));
        }

        return new Truth(entity, pairs);
    }

    /// <summary>A cluster column: equal values are the same person.</summary>
    public static Truth Cluster(string path, string idColumn, string clusterColumn)
    {
        var records = PersonCsv.Read(path, idColumn, PersonCsv.ParseMappings([clusterColumn + "=name"]));
        var entity = records.ToDictionary(r => r.Id, r => r.Name ?? "", StringComparer.Ordinal);
        return new Truth(entity, entity.Values.GroupBy(v => v).Sum(g => (long)g.Count() * (g.Count() - 1) / 2));
    }
}
