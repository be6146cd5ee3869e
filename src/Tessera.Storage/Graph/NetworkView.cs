using Tessera.Core.Access;
using Tessera.Core.Graph;
using Tessera.Core.Model;

namespace Tessera.Storage.Graph;

/// <summary>A node of the network a user may see: one entity, or several records the cross-check resolved as the same person.</summary>
/// <param name="Members">The source records behind the node (entity ids), the node's own id first.</param>
/// <param name="Why">The measures behind the best role score, strongest first.</param>
public sealed record NetworkNode(string Id, string Schema, string Caption, IReadOnlyList<string> Members, IReadOnlyList<string> Organisations,
    double Degree, double Betweenness, double PageRank, int Community, double Organiser, double Broker, double MoneyHandler, double Impact, string Role,
    IReadOnlyList<string> Why)
{
    /// <summary>The protected role of a person the network exploits (<c>victim</c>, <c>smuggled-migrant</c>), whom the leads
    /// never rank; null for everyone else.</summary>
    public string? ProtectedRole { get; init; }
}

/// <summary>A tie: a relationship entity (call, payment, ownership …) or a strong identifier two entities share.</summary>
/// <param name="Date">The day of the relationship (ISO 8601, its earliest day when only a month or year is known); null when the relationship has no date, as for shared identifiers.</param>
public sealed record NetworkEdge(string Source, string Target, string Label, double Weight, string? Date = null)
{
    /// <summary>The kind of tie without the shared value: <c>called (Call)</c>, <c>shares phone</c> (never the number itself).</summary>
    public string Kind => Label.StartsWith("shares ", StringComparison.Ordinal) && Label.IndexOf(':', StringComparison.Ordinal) is > 0 and var colon
        ? Label[..colon]
        : Label;
}

/// <summary>The network of a case (or of everything) as one user may see it, with measures and high-value-target leads.</summary>
public sealed record NetworkView(IReadOnlyList<NetworkNode> Nodes, IReadOnlyList<NetworkEdge> Edges)
{
    /// <summary>The neighbourhood of one node up to <paramref name="radius"/> ties (expanding a node on the link chart); empty when the node is not visible.</summary>
    public NetworkView Ego(string node, int radius = 1)
    {
        var graph = Graph();
        var at = graph.IndexOf(NodeOf(node));
        if (at < 0)
        {
            return new NetworkView([], []);
        }

        var keep = Paths.Ego(graph, at, Math.Clamp(radius, 1, 3)).Nodes.Select(i => graph.Ids[i]).ToHashSet(StringComparer.Ordinal);
        return new NetworkView(Nodes.Where(n => keep.Contains(n.Id)).ToList(), Edges.Where(e => keep.Contains(e.Source) && keep.Contains(e.Target)).ToList());
    }

    /// <summary>The shortest path and every simple path of at most <paramref name="maxHops"/> ties between two visible nodes.</summary>
    public IReadOnlyList<IReadOnlyList<string>> PathsBetween(string from, string to, int maxHops = 4)
    {
        var graph = Graph();
        var (a, b) = (graph.IndexOf(NodeOf(from)), graph.IndexOf(NodeOf(to)));
        if (a < 0 || b < 0)
        {
            return [];
        }

        return Paths.AllSimple(graph, a, b, Math.Clamp(maxHops, 1, 6), 200)
            .OrderBy(p => p.Count)
            .Select(p => (IReadOnlyList<string>)p.Select(i => graph.Ids[i]).ToList())
            .ToList();
    }

    /// <summary>Only the given nodes (by node or member id) and the ties among them.</summary>
    public NetworkView Subset(IEnumerable<string> nodeIds)
    {
        var memberOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var n in Nodes)
        {
            foreach (var m in n.Members)
            {
                memberOf.TryAdd(m, n.Id);
            }
        }

        var keep = nodeIds.Select(id => memberOf.GetValueOrDefault(id, id)).ToHashSet(StringComparer.Ordinal);
        return new NetworkView(Nodes.Where(n => keep.Contains(n.Id)).ToList(), Edges.Where(e => keep.Contains(e.Source) && keep.Contains(e.Target)).ToList());
    }

    /// <summary>Writes the network in one of <see cref="GraphExport.Formats"/> (GraphML, GEXF, Cytoscape.js JSON, i2 link CSV),
    /// each node with its caption and the measures and role scores it carries here.</summary>
    public void Export(string format, TextWriter writer)
    {
        var graph = Graph();
        var byId = Nodes.ToDictionary(n => n.Id, StringComparer.Ordinal);
        var ordered = graph.Ids.Select(id => byId[id]).ToList();
        double[] Column(Func<NetworkNode, double> value) => ordered.Select(value).ToArray();
        var metrics = new MetricsTable(graph.Ids, new Dictionary<string, double[]>(StringComparer.Ordinal)
        {
            ["degree"] = Column(n => n.Degree), ["betweenness"] = Column(n => n.Betweenness), ["pagerank"] = Column(n => n.PageRank),
            ["community"] = Column(n => n.Community), ["organiser"] = Column(n => n.Organiser), ["broker"] = Column(n => n.Broker),
            ["money_handler"] = Column(n => n.MoneyHandler), ["impact"] = Column(n => n.Impact),
        });
        GraphExport.Write(format, graph, metrics, writer, ordered.Select(n => n.Caption).ToList());
    }

    // A record merged into the node of its resolved identity is found by any of its member ids.
    private string NodeOf(string entityId) => Nodes.FirstOrDefault(n => n.Members.Contains(entityId, StringComparer.Ordinal))?.Id ?? entityId;

    private CompactGraph Graph()
    {
        var builder = new GraphBuilder();
        foreach (var n in Nodes)
        {
            builder.AddNode(n.Id);
        }

        foreach (var e in Edges)
        {
            builder.AddTie(e.Source, e.Target, e.Weight, null, e.Label);
        }

        return builder.Build();
    }

    /// <summary>Builds the network from stored data, through the access policy: only statements the user may view take part.</summary>
    /// <param name="caseId">Only the contributions of this case; null for every contribution the user may see.</param>
    public static Task<NetworkView> BuildAsync(Store store, Principal user, string? caseId, CancellationToken ct = default) =>
        BuildAsync(store, user, caseId, AccessAction.View, ct);

    /// <summary>Builds the network from the statements the access policy allows for <paramref name="action"/>
    /// (<see cref="AccessAction.View"/> to show it, <see cref="AccessAction.Export"/> to hand it out as a file).</summary>
    public static async Task<NetworkView> BuildAsync(Store store, Principal user, string? caseId, AccessAction action, CancellationToken ct = default)
    {
        // The policy decides first, per contribution; only what it allows is read.
        var scope = await store.Contributions.ScopeAsync(user, action, ct);
        var statements = new List<StatementRecord>();
        await foreach (var s in store.Contributions.StatementsInAsync(scope.Allowed, ct))
        {
            // A row with its own subject category (an informant in a contribution about suspects) is decided on its own.
            if ((caseId is null || s.Contribution.CaseId == caseId) && (s.RowSubject is null || AccessPolicy.Decide(user, action, s.Target) == Decision.Allow))
            {
                statements.Add(s);
            }
        }

        var entities = statements.GroupBy(s => s.Statement.EntityId, StringComparer.Ordinal)
            .Select(g => (Id: g.Key, Records: g.ToList(), Schema: SchemaModel.Default.GetSchema(g.First().Statement.Schema)))
            .ToList();
        var nodes = entities.Where(e => e.Schema.Edge is null).ToList();

        var shownAs = await ShownAsAsync(store, nodes.Select(n => n.Id).ToHashSet(StringComparer.Ordinal), ct);
        string NodeOf(string id) => shownAs.Find(id);

        var builder = new GraphBuilder();
        var edges = new Ties(builder);
        foreach (var e in nodes)
        {
            builder.AddNode(NodeOf(e.Id));
        }

        var known = nodes.Select(n => n.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var e in entities.Where(e => e.Schema.Edge is not null))
        {
            var edge = e.Schema.Edge!;
            var sources = e.Records.Where(r => r.Statement.Property == edge.Source).Select(r => r.Statement.Value).Where(known.Contains);
            var targets = e.Records.Where(r => r.Statement.Property == edge.Target).Select(r => r.Statement.Value).Where(known.Contains).ToList();
            foreach (var (s, t) in sources.SelectMany(s => targets.Select(t => (s, t))))
            {
                edges.Add(NodeOf(s), NodeOf(t), edge.Label + " (" + e.Schema.Name + ")", DayOf(e.Records), e.Records[0].Contribution.Organisation);
            }
        }

        // Entities that hold the same strong identifier are tied (shared phone, IBAN, wallet, handle …): a link, not a merge
        // (objects named by one identifier, such as a vessel by its IMO number, are already one node).
        var strong = nodes.SelectMany(n => n.Records.Where(r => r.Statement.Valid && r.Statement.Normalised is not null && IsStrong(n.Schema, r.Statement.Property))
                .Select(r => (Node: NodeOf(n.Id), Key: r.Statement.Property + ":" + r.Statement.Normalised)))
            .GroupBy(x => x.Key, StringComparer.Ordinal);
        foreach (var group in strong)
        {
            var holders = group.Select(x => x.Node).Distinct(StringComparer.Ordinal).ToList();
            for (var i = 0; i < holders.Count; i++)
            {
                for (var j = i + 1; j < holders.Count; j++)
                {
                    edges.Add(holders[i], holders[j], "shares " + group.Key);
                }
            }
        }

        var graph = builder.Build();
        // Victims and smuggled migrants are never ranked as high-value targets, however central the network makes them.
        var protectedRoles = nodes.Where(n => n.Schema.IsA("Person")).SelectMany(n => n.Records.Select(r => (Node: NodeOf(n.Id), Subject: r.RowSubject ?? r.Contribution.SubjectCategory)))
            .Where(x => x.Subject.IsNeverRanked())
            .GroupBy(x => x.Node, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Min(x => x.Subject).Name(), StringComparer.Ordinal);
        // Money handlers are scored on the financial ties only: payments, shared IBANs and wallets, ties to bank accounts and wallets.
        var accounts = nodes.Where(n => TieKinds.IsFinancialSchema(n.Schema.Name)).Select(n => NodeOf(n.Id)).ToHashSet(StringComparer.Ordinal);
        var metrics = NetworkMetrics.Compute(graph, null, new MetricsOptions(Leads: true, NeverRanked: protectedRoles.Keys.ToHashSet(StringComparer.Ordinal), Money: builder.BuildFinancial(financialNodes: accounts)));
        var leads = metrics.Leads?.ToDictionary(l => graph.Ids[l.Node], StringComparer.Ordinal) ?? [];
        var byNode = nodes.GroupBy(n => NodeOf(n.Id), StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var result = new List<NetworkNode>();
        for (var i = 0; i < graph.NodeCount; i++)
        {
            var id = graph.Ids[i];
            var members = byNode[id];
            var first = members.Find(m => m.Id == id).Records ?? members[0].Records;
            double V(string column) => metrics[column] is { } values ? values[i] : 0;
            var lead = leads.GetValueOrDefault(id);
            result.Add(new NetworkNode(id, first[0].Statement.Schema, CaptionOf(id, members), members.Select(m => m.Id).OrderBy(m => m == id ? 0 : 1).ThenBy(m => m, StringComparer.Ordinal).ToList(),
                members.SelectMany(m => m.Records.Select(r => r.Contribution.Organisation)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
                V("degree"), V("betweenness"), V("pagerank"), (int)V("community"), V("organiser"), V("broker"), V("money_handler"), V("impact"),
                lead is null or { NeverRanked: true } ? "" : lead.Role?.ToString() ?? "",
                lead?.Why.Take(3).Select(w => w.Describe()).ToList() ?? [])
            {
                ProtectedRole = protectedRoles.GetValueOrDefault(id),
            });
        }

        return new NetworkView(result, edges.List);
    }

    // The best caption of a node: its own record's, unless that names nothing but the id; then the first member's that names
    // something (records of one identity may differ in what their providers recorded).
    private static string CaptionOf(string id, List<(string Id, List<StatementRecord> Records, Schema Schema)> members)
    {
        foreach (var m in members.OrderBy(m => m.Id == id ? 0 : 1).ThenBy(m => m.Id, StringComparer.Ordinal))
        {
            var caption = new Entity(m.Id, m.Records[0].Statement.Schema, m.Records.Select(r => new PropertyValue(r.Statement.Property, r.Statement.Value)).ToList()).Caption;
            if (caption != m.Id)
            {
                return caption;
            }
        }

        return id;
    }

    /// <summary>The ties of the network as they are drawn: between the nodes records are shown as, without loops; the same
    /// tie reported by two providers whose records are one identity (the same call in two intercepts) is drawn once.</summary>
    private sealed class Ties(GraphBuilder builder)
    {
        private readonly Dictionary<(string Source, string Target, string Label, string? Date), Dictionary<string, int>> _reported = [];

        public List<NetworkEdge> List { get; } = [];

        // A tie is drawn as many times as the provider who reported it most: two calls in one provider's data stay two
        // (as before any merge, when all ties between two nodes come from one provider), whatever order the data comes in.
        public void Add(string source, string target, string label, string? date = null, string provider = "")
        {
            if (source == target)
            {
                return;
            }

            if (!_reported.TryGetValue((source, target, label, date), out var byProvider))
            {
                _reported[(source, target, label, date)] = byProvider = new Dictionary<string, int>(StringComparer.Ordinal);
            }

            var drawn = byProvider.Count == 0 ? 0 : byProvider.Values.Max();
            var reported = byProvider[provider] = byProvider.GetValueOrDefault(provider) + 1;
            if (reported > drawn)
            {
                builder.AddTie(source, target, 1.0, null, label);
                List.Add(new NetworkEdge(source, target, label, 1.0, date));
            }
        }
    }

    // The day of a relationship from its Interval dates (date, else startDate), normalised to ISO 8601: a partial date
    // (2026-06, 2026) or an uncertainty interval (earliest/latest) counts from its earliest day.
    private static string? DayOf(List<StatementRecord> records)
    {
        var value = records.Where(r => r.Statement.Valid && r.Statement.Property is "date" or "startDate")
            .OrderBy(r => r.Statement.Property == "date" ? 0 : 1).Select(r => r.Statement.Normalised).FirstOrDefault(v => v is not null);
        if (value is null)
        {
            return null;
        }

        var earliest = value.Split('/')[0];
        var padded = earliest.Length switch { 4 => earliest + "-01-01", 7 => earliest + "-01", _ => earliest.Length > 10 ? earliest[..10] : earliest };
        return DateOnly.TryParseExact(padded, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day)
            ? day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)
            : null;
    }

    private static bool IsStrong(Schema schema, string property) =>
        schema.Properties.TryGetValue(property, out var p) && CrossCheck.CrossChecker.IdentifierKinds.Contains(p.NormaliserKey);

    // Records of one resolved identity (a confirmed match, one IMO number), and persons the cross-check found to be the same
    // person unless a judgement rejected or split that pair, are one node, named by the smallest of them. Only records the
    // user may see take part: withheld ones were never read, so they neither join nor name a node.
    private static async Task<UnionFind> ShownAsAsync(Store store, HashSet<string> visible, CancellationToken ct)
    {
        var union = new UnionFind();
        foreach (var (record, shown) in (await store.FollowUp.IdentitiesAsync(ct)).ShownAs(visible))
        {
            union.Union(record, shown);
        }

        var judged = await store.FollowUp.LatestJudgementsAsync(ct);
        foreach (var hit in await store.Hits.SamePersonAsync(ct))
        {
            var pair = string.CompareOrdinal(hit.NewEntityId, hit.ExistingEntityId) <= 0
                ? (hit.NewEntityId, hit.ExistingEntityId)
                : (hit.ExistingEntityId, hit.NewEntityId);
            if (visible.Contains(hit.NewEntityId) && visible.Contains(hit.ExistingEntityId) && judged.GetValueOrDefault(pair)?.Decision is not ("rejected" or "split"))
            {
                union.Union(hit.NewEntityId, hit.ExistingEntityId);
            }
        }

        return union;
    }

    private sealed class UnionFind
    {
        private readonly Dictionary<string, string> _parent = new(StringComparer.Ordinal);

        public string Find(string x)
        {
            while (_parent.TryGetValue(x, out var p) && p != x)
            {
                x = p;
            }

            return x;
        }

        // The smaller id leads, so that a merged node keeps a stable name.
        public void Union(string a, string b)
        {
            var (ra, rb) = (Find(a), Find(b));
            if (ra != rb)
            {
                var (keep, drop) = string.CompareOrdinal(ra, rb) < 0 ? (ra, rb) : (rb, ra);
                _parent[drop] = keep;
            }
        }
    }
}
