using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Xml;

namespace Tessera.Core.Graph;

/// <summary>Writes a graph, with optional per-node measures as attributes, in the exchange formats analysts use:
/// GraphML (yEd, Gephi, igraph), GEXF 1.3 (Gephi), Cytoscape.js JSON elements, and a link CSV for the i2 Analyst's
/// Notebook text import (one row per link, isolates as rows without a second end).</summary>
/// <remarks>GraphML and GEXF are always well-formed XML 1.0 declaring <c>encoding="utf-8"</c>: characters XML cannot carry
/// (control characters, unpaired surrogates) become U+FFFD. Text fields of the i2 CSV cannot start a spreadsheet formula
/// (<see cref="CsvLine.Quote"/>).</remarks>
internal static class GraphExport
{
    public static readonly IReadOnlyList<string> Formats = ["graphml", "gexf", "cytoscape", "i2"];

    /// <param name="labels">Node labels (captions), node-indexed; GraphML and GEXF carry them, the ids are used when absent.</param>
    public static void Write(string format, CompactGraph g, MetricsTable? metrics, TextWriter writer, IReadOnlyList<string>? labels = null)
    {
        var columns = metrics is null ? [] : NetworkMetrics.Columns.Where(c => metrics[c] is not null).ToList();
        switch (format)
        {
            case "graphml":
                WriteXml(writer, x => GraphMl(g, metrics, columns, x, labels));
                break;
            case "gexf":
                WriteXml(writer, x => Gexf(g, metrics, columns, x, labels));
                break;
            case "cytoscape":
                Cytoscape(g, metrics, columns, writer);
                break;
            case "i2":
                I2Csv(g, metrics, columns, writer);
                break;
            default:
                throw new ArgumentException($"unknown export format '{format}'; known: {string.Join(", ", Formats)}", nameof(format));
        }
    }

    /// <summary>Each tie once: (u, v, weight) with u &lt; v when undirected, every arc when directed.</summary>
    public static IEnumerable<(int U, int V, double Weight)> Ties(CompactGraph g)
    {
        for (var u = 0; u < g.NodeCount; u++)
        {
            for (var a = g.Offsets[u]; a < g.Offsets[u + 1]; a++)
            {
                if (g.IsDirected || u < g.Targets[a])
                {
                    yield return (u, g.Targets[a], g.Weights[a]);
                }
            }
        }
    }

    private static string Num(double x) => x.ToString("R", CultureInfo.InvariantCulture);

    // An XmlWriter over a TextWriter declares the TextWriter's encoding (UTF-16 for a StringWriter) whatever bytes the text
    // later becomes; written over a byte stream in UTF-8 it declares utf-8, and the text handed on is those very bytes.
    private static void WriteXml(TextWriter writer, Action<XmlWriter> body)
    {
        using var bytes = new MemoryStream();
        using (var x = XmlWriter.Create(bytes, new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false), NewLineChars = "\n" }))
        {
            body(x);
        }

        writer.Write(Encoding.UTF8.GetString(bytes.GetBuffer(), 0, (int)bytes.Length));
    }

    /// <summary>The text with every character XML 1.0 cannot carry replaced by U+FFFD.</summary>
    internal static string XmlText(string text)
    {
        var bad = -1;
        for (var i = 0; i < text.Length && bad < 0; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (!XmlConvert.IsXmlChar(text[i]))
            {
                bad = i;
            }
        }

        if (bad < 0)
        {
            return text;
        }

        var clean = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                clean.Append(text[i]).Append(text[++i]);
            }
            else
            {
                clean.Append(XmlConvert.IsXmlChar(text[i]) ? text[i] : '\uFFFD');
            }
        }

        return clean.ToString();
    }

    private static void GraphMl(CompactGraph g, MetricsTable? metrics, List<string> columns, XmlWriter x, IReadOnlyList<string>? labels)
    {
        const string ns = "http://graphml.graphdrawing.org/xmlns";
        x.WriteStartElement("graphml", ns);
        Key(x, "weight", "edge", "weight");
        if (labels is not null)
        {
            Key(x, "label", "node", "label", "string");
        }

        foreach (var c in columns)
        {
            Key(x, "n_" + c, "node", c);
        }

        x.WriteStartElement("graph", ns);
        x.WriteAttributeString("id", "G");
        x.WriteAttributeString("edgedefault", g.IsDirected ? "directed" : "undirected");
        for (var v = 0; v < g.NodeCount; v++)
        {
            x.WriteStartElement("node", ns);
            x.WriteAttributeString("id", XmlText(g.Ids[v]));
            if (labels is not null)
            {
                x.WriteStartElement("data", ns);
                x.WriteAttributeString("key", "label");
                x.WriteString(XmlText(labels[v]));
                x.WriteEndElement();
            }

            foreach (var c in columns)
            {
                x.WriteStartElement("data", ns);
                x.WriteAttributeString("key", "n_" + c);
                x.WriteString(Num(metrics![c]![v]));
                x.WriteEndElement();
            }

            x.WriteEndElement();
        }

        foreach (var (u, v, w) in Ties(g))
        {
            x.WriteStartElement("edge", ns);
            x.WriteAttributeString("source", XmlText(g.Ids[u]));
            x.WriteAttributeString("target", XmlText(g.Ids[v]));
            x.WriteStartElement("data", ns);
            x.WriteAttributeString("key", "weight");
            x.WriteString(Num(w));
            x.WriteEndElement();
            x.WriteEndElement();
        }

        x.WriteEndElement();
        x.WriteEndElement();

        static void Key(XmlWriter x, string id, string owner, string name, string type = "double")
        {
            x.WriteStartElement("key", ns);
            x.WriteAttributeString("id", id);
            x.WriteAttributeString("for", owner);
            x.WriteAttributeString("attr.name", name);
            x.WriteAttributeString("attr.type", type);
            x.WriteEndElement();
        }
    }

    private static void Gexf(CompactGraph g, MetricsTable? metrics, List<string> columns, XmlWriter x, IReadOnlyList<string>? labels)
    {
        const string ns = "http://gexf.net/1.3";
        x.WriteStartElement("gexf", ns);
        x.WriteAttributeString("version", "1.3");
        x.WriteStartElement("meta", ns);
        x.WriteElementString("creator", ns, "Tessera");
        x.WriteEndElement();
        x.WriteStartElement("graph", ns);
        x.WriteAttributeString("defaultedgetype", g.IsDirected ? "directed" : "undirected");
        x.WriteAttributeString("mode", "static");
        if (columns.Count > 0)
        {
            x.WriteStartElement("attributes", ns);
            x.WriteAttributeString("class", "node");
            for (var i = 0; i < columns.Count; i++)
            {
                x.WriteStartElement("attribute", ns);
                x.WriteAttributeString("id", i.ToString(CultureInfo.InvariantCulture));
                x.WriteAttributeString("title", columns[i]);
                x.WriteAttributeString("type", "double");
                x.WriteEndElement();
            }

            x.WriteEndElement();
        }

        x.WriteStartElement("nodes", ns);
        for (var v = 0; v < g.NodeCount; v++)
        {
            x.WriteStartElement("node", ns);
            x.WriteAttributeString("id", XmlText(g.Ids[v]));
            x.WriteAttributeString("label", XmlText(labels?[v] ?? g.Ids[v]));
            if (columns.Count > 0)
            {
                x.WriteStartElement("attvalues", ns);
                for (var i = 0; i < columns.Count; i++)
                {
                    x.WriteStartElement("attvalue", ns);
                    x.WriteAttributeString("for", i.ToString(CultureInfo.InvariantCulture));
                    x.WriteAttributeString("value", Num(metrics![columns[i]]![v]));
                    x.WriteEndElement();
                }

                x.WriteEndElement();
            }

            x.WriteEndElement();
        }

        x.WriteEndElement();
        x.WriteStartElement("edges", ns);
        var id = 0;
        foreach (var (u, v, w) in Ties(g))
        {
            x.WriteStartElement("edge", ns);
            x.WriteAttributeString("id", (id++).ToString(CultureInfo.InvariantCulture));
            x.WriteAttributeString("source", XmlText(g.Ids[u]));
            x.WriteAttributeString("target", XmlText(g.Ids[v]));
            x.WriteAttributeString("weight", Num(w));
            x.WriteEndElement();
        }

        x.WriteEndElement();
        x.WriteEndElement();
        x.WriteEndElement();
    }

    private static void Cytoscape(CompactGraph g, MetricsTable? metrics, List<string> columns, TextWriter writer)
    {
        using var stream = new MemoryStream();
        using (var j = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = false }))
        {
            j.WriteStartObject();
            j.WriteBoolean("directed", g.IsDirected);
            j.WriteStartObject("elements");
            j.WriteStartArray("nodes");
            for (var v = 0; v < g.NodeCount; v++)
            {
                j.WriteStartObject();
                j.WriteStartObject("data");
                j.WriteString("id", g.Ids[v]);
                foreach (var c in columns)
                {
                    j.WriteNumber(c, metrics![c]![v]);
                }

                j.WriteEndObject();
                j.WriteEndObject();
            }

            j.WriteEndArray();
            j.WriteStartArray("edges");
            var id = 0;
            foreach (var (u, v, w) in Ties(g))
            {
                j.WriteStartObject();
                j.WriteStartObject("data");
                j.WriteString("id", "e" + (id++).ToString(CultureInfo.InvariantCulture));
                j.WriteString("source", g.Ids[u]);
                j.WriteString("target", g.Ids[v]);
                j.WriteNumber("weight", w);
                j.WriteEndObject();
                j.WriteEndObject();
            }

            j.WriteEndArray();
            j.WriteEndObject();
            j.WriteEndObject();
        }

        writer.Write(Encoding.UTF8.GetString(stream.ToArray()));
        writer.Write('\n');
    }

    // i2 text import: one row per link (Entity 1, Entity 2, link) — map the columns once in an import
    // specification; measures ride along as entity attributes ("written back to chart items", as i2 SNA does).
    private static void I2Csv(CompactGraph g, MetricsTable? metrics, List<string> columns, TextWriter writer)
    {
        var header = new List<string> { "Entity1 Identity", "Entity1 Type" };
        header.AddRange(columns.Select(c => "Entity1 " + c));
        header.AddRange(["Entity2 Identity", "Entity2 Type"]);
        header.AddRange(columns.Select(c => "Entity2 " + c));
        header.AddRange(["Link Type", "Link Label", "Weight", "Direction"]);
        writer.Write(string.Join(',', header) + "\n");
        var hasTie = new bool[g.NodeCount];
        var direction = g.IsDirected ? "ArrowOnHead" : "ArrowNone";
        foreach (var (u, v, w) in Ties(g))
        {
            hasTie[u] = hasTie[v] = true;
            writer.Write($"{Entity(u)},{Entity(v)},Link,{Num(w)},{Num(w)},{direction}\n");
        }

        for (var v = 0; v < g.NodeCount; v++)
        {
            if (!hasTie[v])
            {
                writer.Write($"{Entity(v)},,{string.Concat(columns.Select(_ => ","))},,,,\n");
            }
        }

        string Entity(int v) =>
            string.Join(',', new[] { CsvLine.Quote(g.Ids[v]), "Entity" }.Concat(columns.Select(c => Num(metrics![c]![v]))));
    }
}
