using Tessera.Core.Graph;

namespace Tessera.Bench.Leads;

/// <summary>The shape of a planted smuggling network.</summary>
internal enum PlantedShape
{
    /// <summary>One organiser at the centre, talking to the leaders of every cell and to the brokers.</summary>
    StarOfCells,

    /// <summary>Cells along the route (recruitment, transport, crossing), joined to the next stage only through brokers;
    /// the organiser talks to three of the cell leaders and to the brokers.</summary>
    Chain,

    /// <summary>Two star-of-cells networks, each with its own organiser; the organisers talk to each other, two brokers
    /// work for both, one money handler serves both.</summary>
    TwoNetworks,
}

/// <summary>A generated network with its planted roles: who organises, who brokers, who handles the money.</summary>
internal sealed record PlantedNetwork(GraphBuilder Builder, IReadOnlyList<string> Organisers, IReadOnlyList<string> Brokers, string? MoneyHandler, IReadOnlyList<string> CellLeaders)
{
    public const string CallTie = "called (Call)";
    public const string PaymentTie = "paid (Payment)";

    /// <summary>Generates a planted network of about <paramref name="size"/> persons (seeded: the same arguments give the same network).</summary>
    /// <remarks>Cells of recruiters, drivers and boat crews around a cell leader (every member tied to the leader or to an earlier
    /// member, a few more ties inside the cell); brokers each tied to two or three members of different cells; the organiser tied
    /// only to cell leaders and brokers; with money, a money handler tied by payments to every cell leader and to one member in
    /// ten. Noise: random calls between any two persons, <paramref name="noise"/> times the number of planted ties.</remarks>
    public static PlantedNetwork Generate(PlantedShape shape, int size, bool money, double noise, int seed)
    {
        var rng = new Random(seed);
        var b = new GraphBuilder();
        var tieCount = 0;
        void Tie(string a, string c, string kind = CallTie)
        {
            if (a != c)
            {
                b.AddTie(a, c, 1.0, null, kind);
                tieCount++;
            }
        }

        var organisers = new List<string>();
        var brokers = new List<string>();
        var leaders = new List<string>();
        var members = new List<string>();
        var parts = shape == PlantedShape.TwoNetworks ? 2 : 1;
        for (var p = 0; p < parts; p++)
        {
            var prefix = parts == 1 ? "" : $"n{p + 1}-";
            var budget = size / parts;
            var cellCount = Math.Clamp((int)Math.Round(budget / 40.0), 3, 10);
            var brokerCount = Math.Max(2, cellCount / 2);
            var cellSize = Math.Max(4, (budget - 2 - brokerCount) / cellCount);
            var organiser = prefix + "organiser";
            organisers.Add(organiser);
            var cells = new List<List<string>>();
            for (var c = 0; c < cellCount; c++)
            {
                var leader = $"{prefix}cell{c + 1}-leader";
                leaders.Add(leader);
                var cell = new List<string>();
                for (var i = 0; i < cellSize - 1; i++)
                {
                    var role = (i % 3) switch { 0 => "recruiter", 1 => "driver", _ => "boatcrew" };
                    var member = $"{prefix}cell{c + 1}-{role}{(i / 3) + 1}";
                    cell.Add(member);
                    // A spanning tree rooted at the leader: half of the members answer to the leader directly.
                    Tie(member, i == 0 || rng.NextDouble() < 0.5 ? leader : cell[rng.Next(i)]);
                }

                for (var extra = 0; extra < cell.Count; extra++)
                {
                    Tie(cell[rng.Next(cell.Count)], cell[rng.Next(cell.Count)]);
                }

                cells.Add(cell);
                members.AddRange(cell);
            }

            // The organiser talks to cell leaders only: all of them in a star, the first, middle and last stage in a chain.
            var contacted = shape == PlantedShape.Chain ? new[] { 0, cellCount / 2, cellCount - 1 }.Distinct() : Enumerable.Range(0, cellCount);
            foreach (var c in contacted)
            {
                Tie(organiser, $"{prefix}cell{c + 1}-leader");
            }

            for (var k = 0; k < brokerCount; k++)
            {
                var broker = $"{prefix}broker{k + 1}";
                brokers.Add(broker);
                Tie(organiser, broker);
                // A chain's broker joins one stage to the next; otherwise it joins two or three cells drawn at random.
                var first = shape == PlantedShape.Chain ? k * (cellCount - 1) / brokerCount : rng.Next(cellCount);
                var reach = shape == PlantedShape.Chain ? new[] { first, first + 1 } : new[] { first, (first + 1 + rng.Next(cellCount - 1)) % cellCount, rng.Next(cellCount) };
                foreach (var c in reach.Distinct())
                {
                    Tie(broker, cells[c][rng.Next(cells[c].Count)]);
                    Tie(broker, cells[c][rng.Next(cells[c].Count)]);
                }
            }

            if (shape == PlantedShape.Chain)
            {
                // Without a broker the stages do not meet: make sure every stage is joined to the next.
                for (var c = 0; c + 1 < cellCount; c++)
                {
                    Tie(brokers[c * brokers.Count / (cellCount - 1)], cells[c + 1][rng.Next(cells[c + 1].Count)]);
                }
            }
        }

        if (shape == PlantedShape.TwoNetworks)
        {
            Tie(organisers[0], organisers[1]);
            // Two brokers of the first network also work for the second.
            foreach (var broker in brokers.Take(2))
            {
                Tie(broker, members[(members.Count / 2) + rng.Next(members.Count / 2)]);
                Tie(broker, members[(members.Count / 2) + rng.Next(members.Count / 2)]);
            }
        }

        string? handler = null;
        if (money)
        {
            handler = "money-handler";
            foreach (var leader in leaders)
            {
                Tie(leader, handler, PaymentTie);
            }

            foreach (var member in members.Where(_ => rng.NextDouble() < 0.1))
            {
                Tie(member, handler, PaymentTie);
            }

            // Payers also pay one another now and then (a driver reimbursed by a recruiter): the handler is not the only payee.
            for (var i = 0; i < Math.Max(2, members.Count / 50); i++)
            {
                Tie(members[rng.Next(members.Count)], members[rng.Next(members.Count)], PaymentTie);
            }
        }

        var everyone = b.Build().Ids;
        var noiseTies = (int)Math.Round(noise * tieCount);
        for (var i = 0; i < noiseTies; i++)
        {
            Tie(everyone[rng.Next(everyone.Count)], everyone[rng.Next(everyone.Count)]);
        }

        return new PlantedNetwork(b, organisers, brokers, handler, leaders);
    }

    public static string Name(PlantedShape shape) => shape switch
    {
        PlantedShape.StarOfCells => "star of cells",
        PlantedShape.Chain => "chain",
        _ => "two networks",
    };
}
