// Link chart: cytoscape with the fCoSE layout, driven from the Blazor LinkChart component (Components/Graph/LinkChart.razor).
// The component owns the data (which nodes are drawn, filters, the path); this module draws it, reports taps and keys
// back through a DotNetObjectReference, and exports the picture. One chart per host element.
import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { register } from '../namespace.js';
import { download, downloadDataUrl } from './download.js';
import { nodeColour, nodeSize } from './colours.js';
import { chartStyle } from './style.js';

cytoscape.use(fcose);

const charts = new WeakMap();

function chartOf(host) {
  const chart = charts.get(host);
  if (!chart) throw new Error('no link chart on this element');
  return chart;
}

// fCoSE (Balci & Dogrusoz, "fCoSE: a fast compound graph layout", 2021): randomised first layout, then incremental
// (positions kept) when nodes are added, so that an analyst's mental map survives an expansion.
function layout(chart, randomize) {
  const { cy, host } = chart;
  host.dataset.layout = 'running';
  const run = cy.layout({
    name: 'fcose', quality: 'proof', randomize, animate: false, fit: true, padding: 30,
    nodeRepulsion: 8000, idealEdgeLength: 90, nodeSeparation: 80, tilingPaddingVertical: 40, tilingPaddingHorizontal: 60,
  });
  run.one('layoutstop', () => {
    host.dataset.layout = 'done';
    host.dataset.renderedNodes = String(cy.nodes().length);
    host.dataset.renderedEdges = String(shownEdges(cy));
  });
  run.run();
}

// Counted from the classes, not ':visible' (computed styles are refreshed only on the next frame).
function shownEdges(cy) {
  return cy.edges().not('.filtered').length;
}

function toElements(graph, colourBy) {
  return [
    ...graph.nodes.map((n) => ({ group: 'nodes', data: { ...n, colour: nodeColour(n, colourBy), size: nodeSize(n) } })),
    ...graph.edges.map((e) => ({ group: 'edges', data: e })),
  ];
}

function restyle(chart) {
  chart.cy.nodes().forEach((n) => {
    n.data('colour', nodeColour(n.data(), chart.colourBy));
    n.data('size', nodeSize(n.data()));
  });
}

// Keyboard mode (on the focused chart): the component moves its cursor between nodes and ties and announces it.
const cursorKeys = new Set(['ArrowRight', 'ArrowLeft', 'ArrowUp', 'ArrowDown', 'Home', 'End', 'Enter']);

function onKey(chart, event) {
  const typing = /^(INPUT|SELECT|TEXTAREA)$/.test(event.target.tagName);
  if (event.target === chart.host && cursorKeys.has(event.key) && !event.altKey && !event.ctrlKey && !event.metaKey) {
    chart.dotnet.invokeMethodAsync('OnChartKey', event.key);
    event.preventDefault();
  } else if (event.key === 'Escape') {
    chart.cy.elements().unselect();
    chart.dotnet.invokeMethodAsync('OnNodeSelected', null);
  } else if (!typing && (event.key === '+' || event.key === '=')) {
    zoomBy(chart, 1.25);
    event.preventDefault();
  } else if (!typing && event.key === '-') {
    zoomBy(chart, 0.8);
    event.preventDefault();
  }
}

function zoomBy(chart, factor) {
  const { cy } = chart;
  cy.zoom({ level: cy.zoom() * factor, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
}

register('linkChart', {
  /**
   * Draws a network in canvas (inside keyRoot, whose keys Escape/+/- the chart handles) and reports to dotnet:
   * OnNodeSelected(id|null) on tap, OnNodeExpand(id) on double tap.
   */
  create(canvas, keyRoot, dotnet, graph, colourBy) {
    if (charts.has(canvas)) charts.get(canvas).cy.destroy();
    const cy = cytoscape({ container: canvas, elements: toElements(graph, colourBy), style: chartStyle, minZoom: 0.1, maxZoom: 4 });
    const chart = { cy, host: canvas, dotnet, colourBy, keyRoot, keyHandler: null };
    charts.set(canvas, chart);
    cy.on('tap', 'node', (e) => dotnet.invokeMethodAsync('OnNodeSelected', e.target.id()));
    cy.on('tap', (e) => { if (e.target === cy) dotnet.invokeMethodAsync('OnNodeSelected', null); });
    cy.on('dbltap', 'node', (e) => dotnet.invokeMethodAsync('OnNodeExpand', e.target.id()));
    cy.on('zoom', () => { canvas.dataset.zoom = cy.zoom().toFixed(3); });
    chart.keyHandler = (event) => onKey(chart, event);
    keyRoot.addEventListener('keydown', chart.keyHandler);
    layout(chart, true);
  },

  /** Adds nodes and ties (an expansion) near an anchor node and lays out again, keeping the other positions. */
  add(canvas, graph, anchorId) {
    const chart = chartOf(canvas);
    const anchor = anchorId ? chart.cy.getElementById(anchorId) : null;
    const at = anchor && anchor.nonempty() ? anchor.position() : { x: 0, y: 0 };
    const fresh = toElements(graph, chart.colourBy).filter((el) => chart.cy.getElementById(el.data.id).empty());
    fresh.forEach((el, i) => {
      if (el.group === 'nodes') el.position = { x: at.x + 60 * Math.cos(i), y: at.y + 60 * Math.sin(i) };
    });
    chart.cy.add(fresh);
    layout(chart, false);
  },

  /** Removes nodes (and their ties) by id. */
  remove(canvas, ids) {
    const chart = chartOf(canvas);
    ids.forEach((id) => chart.cy.getElementById(id).remove());
    layout(chart, false);
  },

  /** Colours nodes by "role" (leading role) or by one score: "organiser", "broker", "moneyHandler". */
  colourBy(canvas, mode) {
    const chart = chartOf(canvas);
    chart.colourBy = mode;
    restyle(chart);
  },

  /** Shows only ties whose kind is listed and whose date is within [from, to] (ISO days; null = open); undated ties stay
   * when keepUndated. Returns how many ties are shown. */
  filter(canvas, kinds, from, to, keepUndated) {
    const chart = chartOf(canvas);
    const allowed = new Set(kinds);
    chart.cy.batch(() => chart.cy.edges().forEach((e) => {
      const date = e.data('date');
      const inTime = date ? (!from || date >= from) && (!to || date <= to) : keepUndated;
      e.toggleClass('filtered', !(allowed.has(e.data('kind')) && inTime));
    }));
    const shown = shownEdges(chart.cy);
    canvas.dataset.renderedEdges = String(shown);
    return shown;
  },

  /** Selects one node (or none) and brings it into view. */
  select(canvas, id) {
    const { cy } = chartOf(canvas);
    cy.elements().unselect();
    if (!id) return;
    const node = cy.getElementById(id);
    if (node.nonempty()) {
      node.select();
      cy.animate({ center: { eles: node } }, { duration: 200 });
    }
  },

  /** Highlights a path (node ids in order) and fades the rest; an empty list clears the highlight. */
  highlightPath(canvas, ids) {
    const { cy } = chartOf(canvas);
    cy.batch(() => {
      cy.elements().removeClass('path faded');
      if (ids.length === 0) return;
      let onPath = cy.collection();
      ids.forEach((id, i) => {
        onPath = onPath.union(cy.getElementById(id));
        if (i > 0) onPath = onPath.union(cy.getElementById(ids[i - 1]).edgesWith(cy.getElementById(id)));
      });
      onPath.addClass('path');
      cy.elements().difference(onPath).addClass('faded');
    });
    canvas.dataset.pathNodes = String(cy.nodes('.path').length);
  },

  zoomIn: (canvas) => zoomBy(chartOf(canvas), 1.25),
  zoomOut: (canvas) => zoomBy(chartOf(canvas), 0.8),
  fit: (canvas) => chartOf(canvas).cy.fit(undefined, 30),

  /** Downloads the whole chart as a PNG (white background, twice the screen resolution). */
  exportPng(canvas, fileName) {
    const uri = chartOf(canvas).cy.png({ full: true, scale: 2, bg: '#ffffff', output: 'base64uri' });
    downloadDataUrl(fileName, uri);
  },

  /** Downloads text the server produced (GraphML …) as a file. */
  download,

  dispose(canvas) {
    const chart = charts.get(canvas);
    if (!chart) return;
    chart.keyRoot.removeEventListener('keydown', chart.keyHandler);
    chart.cy.destroy();
    charts.delete(canvas);
  },
});
