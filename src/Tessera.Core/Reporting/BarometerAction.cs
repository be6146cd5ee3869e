using System.Text.Json;
using Tessera.Core.Model;

namespace Tessera.Core.Reporting;

/// <summary>One action of Council note 13901/23 that the Schengen Barometer+ reports on.</summary>
/// <param name="Id">The note's numbering, e.g. <c>I.3</c>; <c>C.1</c> for the closing part.</param>
/// <param name="Section">The note's chapter: I, II, III, IV or closing.</param>
/// <param name="Text">Tessera's short summary of the action (not a quotation).</param>
/// <param name="Cadence">The deadline or how often it is reported.</param>
/// <param name="Indicators">Keys of the indicators that measure it (<see cref="IndicatorCatalogue"/>).</param>
public sealed record BarometerAction(string Id, string Section, string Title, string Text, IReadOnlyList<string> Actors,
    IReadOnlyList<string> Addressees, string Cadence, IReadOnlyList<string> Indicators);

/// <summary>Where an organisation stands with an action.</summary>
public enum ActionStatus
{
    NotStarted,
    UnderWay,
    Done,
    NotApplicable,
}

/// <summary>The actions of the note, shipped as data (<c>Reporting/Data/barometer-actions.json</c>), and the status names.</summary>
public static class BarometerActions
{
    private static readonly Lazy<IReadOnlyList<BarometerAction>> Loaded = new(Load);

    /// <summary>Every action, in the note's order.</summary>
    public static IReadOnlyList<BarometerAction> All => Loaded.Value;

    /// <summary>The action with <paramref name="id"/>, or null.</summary>
    public static BarometerAction? Find(string id) => All.FirstOrDefault(a => a.Id == id);

    /// <summary>The action with <paramref name="id"/>.</summary>
    /// <exception cref="ModelException">No such action.</exception>
    public static BarometerAction Get(string id) =>
        Find(id) ?? throw ModelException.Unknown($"unknown action '{id}' (one of {string.Join(", ", All.Select(a => a.Id))})", "action");

    /// <summary>The status as written in files, the API and the command line: not-started, under-way, done, not-applicable.</summary>
    public static string Name(ActionStatus status) => status switch
    {
        ActionStatus.NotStarted => "not-started",
        ActionStatus.UnderWay => "under-way",
        ActionStatus.Done => "done",
        _ => "not-applicable",
    };

    /// <summary>Parses a status name (<see cref="Name"/>).</summary>
    /// <exception cref="ModelException">Not a status.</exception>
    public static ActionStatus ParseStatus(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "not-started" => ActionStatus.NotStarted,
        "under-way" => ActionStatus.UnderWay,
        "done" => ActionStatus.Done,
        "not-applicable" => ActionStatus.NotApplicable,
        _ => throw new ModelException($"'{text}' is not a status: not-started, under-way, done or not-applicable", field: "status"),
    };

    private static List<BarometerAction> Load()
    {
        using var stream = typeof(BarometerActions).Assembly.GetManifestResourceStream("Tessera.Core.Reporting.Data.barometer-actions.json")
            ?? throw new InvalidOperationException("the actions file is not embedded");
        using var document = JsonDocument.Parse(stream);
        return document.RootElement.GetProperty("actions").EnumerateArray().Select(a => new BarometerAction(
            a.GetProperty("id").GetString()!, a.GetProperty("section").GetString()!, a.GetProperty("title").GetString()!,
            a.GetProperty("text").GetString()!, Strings(a, "actors"), Strings(a, "addressees"), a.GetProperty("cadence").GetString()!,
            Strings(a, "indicators"))).ToList();
    }

    private static List<string> Strings(JsonElement e, string name) => e.GetProperty(name).EnumerateArray().Select(x => x.GetString()!).ToList();
}

/// <summary>An organisation's status of one action, with its evidence (references to cases, contributions, checks or notes)
/// and the date it holds from.</summary>
public sealed record ActionProgress(string Organisation, string ActionId, ActionStatus Status, IReadOnlyList<string> Evidence, string Note,
    DateOnly Since, string SetBy);
