// Cytoscape style of the link chart: labelled nodes sized and coloured by role score, ties by kind; a selected node
// gets a thick outline, a path is drawn thick and dark while the rest fades.
const schemaShapes = {
  Person: 'ellipse', Organization: 'round-rectangle', Company: 'round-rectangle', LegalEntity: 'round-rectangle',
  Vessel: 'diamond', Vehicle: 'diamond', BankAccount: 'hexagon', UserAccount: 'round-triangle', Phone: 'round-tag',
};

export const chartStyle = [
  {
    selector: 'node',
    style: {
      'background-color': 'data(colour)', width: 'data(size)', height: 'data(size)',
      shape: (n) => schemaShapes[n.data('schema')] ?? 'ellipse',
      label: 'data(label)', 'font-size': 11, 'font-family': 'Roboto, "DejaVu Sans", Arial, sans-serif',
      'text-valign': 'bottom', 'text-margin-y': 4, 'text-wrap': 'ellipsis', 'text-max-width': 140,
      'text-background-color': '#ffffff', 'text-background-opacity': 0.8, 'text-background-padding': 1,
      'border-width': 1, 'border-color': '#555555',
    },
  },
  {
    selector: 'edge',
    style: {
      width: 1.5, 'line-color': '#9AA5B1', 'curve-style': 'bezier',
      'target-arrow-shape': (e) => (e.data('directed') ? 'triangle' : 'none'), 'target-arrow-color': '#9AA5B1', 'arrow-scale': 0.8,
      'line-style': (e) => (e.data('kind')?.startsWith('shares ') ? 'dashed' : 'solid'),
    },
  },
  { selector: 'edge:selected, edge.path', style: { label: 'data(kind)', 'font-size': 9, 'text-rotation': 'autorotate', 'text-background-color': '#fff', 'text-background-opacity': 0.8 } },
  { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#163A5A' } },
  { selector: '.filtered', style: { display: 'none' } },
  { selector: '.faded', style: { opacity: 0.2 } },
  { selector: 'node.path', style: { 'border-width': 4, 'border-color': '#6A1B9A' } },
  { selector: 'edge.path', style: { width: 5, 'line-color': '#6A1B9A', 'target-arrow-color': '#6A1B9A' } },
];
