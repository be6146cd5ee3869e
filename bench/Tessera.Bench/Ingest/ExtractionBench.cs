using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Tessera.Core.Ingest.Indicators;
using Tessera.Core.Normalisation;

namespace Tessera.Bench.Ingest;

/// <summary>
/// Indicator extraction on labelled posts (<c>bench/extraction/</c>): precision and recall per kind and per language.
/// <c>extract</c> scores; <c>extract --generate</c> rewrites the generated sets from their seeds.
/// </summary>
/// <remarks>
/// A post's indicators are compared as a multiset of (kind, normalised value): a found indicator is a true positive when
/// the post expects it and it is not already counted. Only the labelled kinds are scored.
/// </remarks>
internal static class ExtractionBench
{
    private static readonly string[] Kinds = ["phone", "iban", "wallet", "email", "handle", "url", "price", "place"];
    private static readonly (string File, int Seed, int Count, string Set)[] Generated = [("posts.jsonl", 1, 224, "tune"), ("holdout.jsonl", 2, 140, "holdout")];

    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    };

    public static Task<int> RunAsync(string[] args)
    {
        var dir = Path.Combine(Matching.MatchBench.Root, "bench", "extraction");
        if (args.Contains("--generate"))
        {
            foreach (var (file, seed, count, set) in Generated)
            {
                var lines = PostGenerator.Generate(seed, count, set).Select(p => JsonSerializer.Serialize(p, Json));
                File.WriteAllLines(Path.Combine(dir, file), lines);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote {count} posts to bench/extraction/{file} (seed {seed})"));
            }

            return Task.FromResult(0);
        }

        var errors = args.Contains("--errors");
        foreach (var file in new[] { "posts.jsonl", "holdout.jsonl", "hard.jsonl" })
        {
            var posts = Read(Path.Combine(dir, file));
            Score(file, posts, errors);
        }

        return Task.FromResult(0);
    }

    private static List<LabelledPost> Read(string path)
    {
        var posts = new List<LabelledPost>();
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (line.Trim().Length == 0)
            {
                continue;
            }

            var post = JsonSerializer.Deserialize<LabelledPost>(line, Json);
            if (post is null || post.Text is null || post.Expected is null || post.Language is null)
            {
                throw new InvalidDataException($"{path}:{number}: a post needs \"id\", \"language\", \"text\" and \"expected\"");
            }

            if (post.Expected.FirstOrDefault(e => !Kinds.Contains(e.Kind) || string.IsNullOrEmpty(e.Value)) is { } bad)
            {
                throw new InvalidDataException($"{path}:{number}: field \"expected\": unknown kind '{bad.Kind}' or empty value");
            }

            posts.Add(post);
        }

        return posts;
    }

    private static void Score(string file, List<LabelledPost> posts, bool errors)
    {
        var byKind = Kinds.ToDictionary(k => k, _ => new Counts(), StringComparer.Ordinal);
        var byLanguage = new SortedDictionary<string, Counts>(StringComparer.Ordinal);
        var phoneByLanguage = new SortedDictionary<string, Counts>(StringComparer.Ordinal);
        foreach (var post in posts)
        {
            var found = IndicatorExtractor.Extract(post.Text, new NormalisationContext(post.Region))
                .Where(i => Kinds.Contains(i.Kind)).Select(i => new Expected(i.Kind, i.Value ?? "")).ToList();
            var expected = post.Expected.ToList();
            var language = byLanguage.TryGetValue(post.Language, out var l) ? l : byLanguage[post.Language] = new Counts();
            var phones = phoneByLanguage.TryGetValue(post.Language, out var p) ? p : phoneByLanguage[post.Language] = new Counts();
            foreach (var f in found)
            {
                var hit = expected.Remove(f);
                byKind[f.Kind].Add(hit ? 1 : 0, hit ? 0 : 1, 0);
                language.Add(hit ? 1 : 0, hit ? 0 : 1, 0);
                if (f.Kind == "phone")
                {
                    phones.Add(hit ? 1 : 0, hit ? 0 : 1, 0);
                }

                if (!hit && errors)
                {
                    Console.WriteLine($"  FP {post.Id} {f.Kind} {f.Value} | {post.Text}");
                }
            }

            foreach (var e in expected)
            {
                byKind[e.Kind].Add(0, 0, 1);
                language.Add(0, 0, 1);
                if (e.Kind == "phone")
                {
                    phones.Add(0, 0, 1);
                }

                if (errors)
                {
                    Console.WriteLine($"  FN {post.Id} {e.Kind} {e.Value} | {post.Text}");
                }
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"extraction {file}: {posts.Count} posts"));
        Console.WriteLine("  kind      expected  found     TP  precision  recall");
        foreach (var (kind, c) in byKind.Where(k => k.Value.Expected + k.Value.Found > 0))
        {
            Console.WriteLine(c.Row(kind));
        }

        Console.WriteLine(Sum(byKind.Values).Row("all"));
        Console.WriteLine("  language  expected  found     TP  precision  recall   (all kinds)");
        foreach (var (language, c) in byLanguage)
        {
            Console.WriteLine(c.Row(language));
        }

        Console.WriteLine("  language  expected  found     TP  precision  recall   (phones)");
        foreach (var (language, c) in phoneByLanguage)
        {
            Console.WriteLine(c.Row(language));
        }
    }

    private static Counts Sum(IEnumerable<Counts> all)
    {
        var sum = new Counts();
        foreach (var c in all)
        {
            sum.Add(c.Tp, c.Fp, c.Fn);
        }

        return sum;
    }

    private sealed class Counts
    {
        public int Tp { get; private set; }

        public int Fp { get; private set; }

        public int Fn { get; private set; }

        public int Expected => Tp + Fn;

        public int Found => Tp + Fp;

        public void Add(int tp, int fp, int fn)
        {
            Tp += tp;
            Fp += fp;
            Fn += fn;
        }

        public string Row(string name)
        {
            var precision = Found == 0 ? "-" : (Tp / (double)Found).ToString("0.000", CultureInfo.InvariantCulture);
            var recall = Expected == 0 ? "-" : (Tp / (double)Expected).ToString("0.000", CultureInfo.InvariantCulture);
            return string.Create(CultureInfo.InvariantCulture, $"  {name,-8} {Expected,9} {Found,6} {Tp,6} {precision,10} {recall,7}");
        }
    }
}
