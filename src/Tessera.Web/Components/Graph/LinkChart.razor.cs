using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.JSInterop;
using Tessera.Core.Access;
using Tessera.Storage;
using Tessera.Storage.Graph;
using Tessera.Web.Auth;
using Tessera.Web.Graph;

namespace Tessera.Web.Components.Graph;

/// <summary>The link chart: a case's network (or all data the user may see) drawn with cytoscape, expanded node by node,
/// filtered by tie kind and time, coloured by role score, with paths and exports. Every read goes through
/// <see cref="NetworkReads"/> — the access policy and audit the API uses.</summary>
public sealed partial class LinkChart
{
    private const string Js = "tessera.linkChart.";

    private readonly LinkChartState _state = new();
    private readonly HashSet<string> _hiddenKinds = new(StringComparer.Ordinal);
    private readonly LinkChartCursor _cursor = new();
    private string _announcement = "";
    private bool _tables;
    private ElementReference _root;
    private ElementReference _canvas;
    private DotNetObjectReference<LinkChart>? _dotnet;
    private NetworkView _view = new([], []);
    private bool _loaded;
    private string? _loadedCase;
    private bool _create;
    private bool _drawn;
    private bool _loading;
    private string? _error;
    private string? _message;
    private NetworkNode? _selected;
    private string? _pathFrom;
    private string? _pathTo;
    private List<string> _path = [];
    private int _pathCount;
    private int? _shownEdges;

    /// <summary>The case whose network is drawn; null for all data the user may see.</summary>
    [Parameter]
    public string? CaseId { get; set; }

    [Inject]
    private Store Store { get; set; } = default!;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> Auth { get; set; } = default!;

    private string ColourBy { get; set; } = "role";

    private DateOnly? From { get; set; }

    private DateOnly? To { get; set; }

    private bool KeepUndated { get; set; } = true;

    protected override async Task OnParametersSetAsync()
    {
        if (_loaded && _loadedCase == CaseId)
        {
            return;
        }

        (_loaded, _loadedCase) = (true, CaseId);
        _loading = true;
        _view = await NetworkReads.ReadAsync(Store, await UserAsync(), CaseId, CancellationToken.None);
        _loading = false;
        Redraw();
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!_create)
        {
            return;
        }

        _create = false;
        _dotnet ??= DotNetObjectReference.Create(this);
        await CallAsync("create", _canvas, _root, _dotnet, _state.All(), ColourBy);
        _drawn = _error is null;
        await FilterAsync();
        StateHasChanged();
    }

    [JSInvokable]
    public async Task OnNodeSelected(string? id)
    {
        _selected = _state.Node(id);
        _cursor.Place(_selected?.Id);
        await InvokeAsync(StateHasChanged);
    }

    /// <summary>A key pressed on the chart in keyboard mode (arrows, Home, End, Enter): moves the cursor, selects its node
    /// and says where it is in the live region.</summary>
    [JSInvokable]
    public Task OnChartKey(string key) => InvokeAsync(async () =>
    {
        if (_cursor.Move(_state, key, Shown) is not { } sentence)
        {
            return;
        }

        _announcement = sentence;
        if (_cursor.Node != _selected?.Id)
        {
            _selected = _state.Node(_cursor.Node);
            await CallAsync("select", _canvas, _selected?.Id);
        }

        StateHasChanged();
    });

    // The same rule as the chart's filter (linkChart.js filter): the kind is shown and the date within the period.
    private bool Shown(ChartEdge e)
    {
        if (_hiddenKinds.Contains(e.Kind))
        {
            return false;
        }

        return e.Date is { } date
            ? (From is null || string.CompareOrdinal(date, Day(From)) >= 0) && (To is null || string.CompareOrdinal(date, Day(To)) <= 0)
            : KeepUndated;
    }

    private IReadOnlyList<LinkChartTables.Tie> ShownTies =>
        _state.Edges.Where(Shown).Select(e => new LinkChartTables.Tie(e.Source, e.Target, e.Kind, e.Date, e.Directed)).ToList();

    private void ToggleTables() => _tables = !_tables;

    [JSInvokable]
    public Task OnNodeExpand(string id) => InvokeAsync(() => ExpandAsync(id));

    private void Redraw()
    {
        _state.Clear();
        _state.Add(_view);
        _selected = null;
        _cursor.Place(null);
        _path = [];
        _pathFrom = _pathTo = null;
        _shownEdges = null;
        _message = _view.Nodes.Count == 0 ? "Nothing to draw: no data of this scope is visible to you." : null;
        _create = true;
    }

    private Task ResetAsync()
    {
        Redraw();
        return Task.CompletedTask;
    }

    private async Task SelectAsync(string id)
    {
        _selected = _state.Node(id);
        _cursor.Place(_selected?.Id);
        await CallAsync("select", _canvas, _selected?.Id);
    }

    // Expanding reaches beyond the case into all data the user may see: links to other cases are what an analyst looks for.
    private async Task ExpandAsync(string id)
    {
        var ego = await NetworkReads.ExpandAsync(Store, await UserAsync(), id, null, 1, CancellationToken.None);
        var added = _state.Add(ego);
        _message = added.Nodes.Count == 0 ? "Every neighbour you may see is already drawn." : null;
        await CallAsync("add", _canvas, added, _state.Resolve(id));
        await FilterAsync();
        _selected = _state.Node(id);
    }

    private async Task FocusAsync(string id) => await RemoveAsync(_state.Focus(id));

    private async Task HideAsync(string id)
    {
        await RemoveAsync(_state.Hide(id));
        _selected = null;
    }

    private async Task RemoveAsync(IReadOnlyList<string> gone)
    {
        if (_path.Any(gone.Contains))
        {
            await ClearPathAsync();
        }

        await CallAsync("remove", _canvas, gone);
    }

    private void SetPathEnd(string id, bool from)
    {
        if (from)
        {
            _pathFrom = id;
        }
        else
        {
            _pathTo = id;
        }
    }

    private async Task FindPathAsync()
    {
        if (_pathFrom is null || _pathTo is null)
        {
            return;
        }

        var scope = ScopeFor([_pathFrom, _pathTo]);
        var paths = await NetworkReads.PathsAsync(Store, await UserAsync(), _pathFrom, _pathTo, scope, 4, CancellationToken.None);
        _pathCount = paths.Count;
        if (paths.Count == 0)
        {
            _message = "No path of at most 4 ties between these two nodes in what you may see.";
            await ClearPathAsync();
            return;
        }

        // The path may run through nodes taken off the chart: draw them again from the view the path was found in.
        var source = scope == CaseId ? _view : await NetworkReads.ReadAsync(Store, await UserAsync(), null, CancellationToken.None);
        var added = _state.Add(source.Subset(paths[0]));
        if (added.Nodes.Count > 0 || added.Edges.Count > 0)
        {
            await CallAsync("add", _canvas, added, _state.Resolve(_pathFrom));
        }

        _message = null;
        _path = paths[0].Select(id => _state.Resolve(id) ?? id).ToList();
        await CallAsync("highlightPath", _canvas, _path);
    }

    private async Task ClearPathAsync()
    {
        _path = [];
        await CallAsync("highlightPath", _canvas, Array.Empty<string>());
    }

    private async Task ToggleKindAsync(string kind)
    {
        if (!_hiddenKinds.Remove(kind))
        {
            _hiddenKinds.Add(kind);
        }

        await FilterAsync();
    }

    private async Task FilterAsync()
    {
        if (_drawn)
        {
            _shownEdges = await CallAsync<int>("filter", _canvas, _state.Kinds.Where(k => !_hiddenKinds.Contains(k)).ToList(), Day(From), Day(To), KeepUndated);
        }
    }

    private Task RecolourAsync() => CallAsync("colourBy", _canvas, ColourBy);

    private Task ZoomInAsync() => CallAsync("zoomIn", _canvas);

    private Task ZoomOutAsync() => CallAsync("zoomOut", _canvas);

    private Task FitAsync() => CallAsync("fit", _canvas);

    private Task ExportPngAsync() => CallAsync("exportPng", _canvas, "network.png");

    // The file holds what is drawn, built from what the user may export (not merely view); the export is audited.
    private async Task ExportGraphMlAsync()
    {
        var members = _state.Members();
        var text = await NetworkReads.ExportAsync(Store, await UserAsync(), ScopeFor(members), "graphml", members, CancellationToken.None);
        await CallAsync("download", "network.graphml", "application/graphml+xml", text);
    }

    // The case when every id belongs to it; all visible data once the chart reaches beyond the case.
    private string? ScopeFor(IEnumerable<string> ids)
    {
        var inCase = _view.Nodes.SelectMany(n => n.Members.Append(n.Id)).ToHashSet(StringComparer.Ordinal);
        return CaseId is not null && ids.All(inCase.Contains) ? CaseId : null;
    }

    private async Task<Principal> UserAsync() => (await Auth).User.ToPrincipal();

    private static string? Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string RoleText(NetworkNode n) => LinkChartState.RoleText(n);

    // The chart library comes with the front-end bundle; without it (a build with -p:SkipClientApp=true) the page says so.
    private async Task CallAsync(string function, params object?[] args)
    {
        if (function == "create" || _drawn)
        {
            await CallAsync<object>(function, args);
        }
    }

    private async Task<T?> CallAsync<T>(string function, params object?[] args)
    {
        try
        {
            return await JS.InvokeAsync<T>(Js + function, args);
        }
        catch (JSException e)
        {
            _error = "The chart could not be drawn (" + e.Message.Split('\n')[0] + "). Is the front-end bundle built?";
            return default;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_drawn)
        {
            try
            {
                await JS.InvokeVoidAsync(Js + "dispose", _canvas);
            }
            catch (JSDisconnectedException)
            {
                // The circuit is gone with the page: nothing left to dispose in the browser.
            }
        }

        _dotnet?.Dispose();
    }
}
