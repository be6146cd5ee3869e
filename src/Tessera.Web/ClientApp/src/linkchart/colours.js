// Node colours for the link chart. Okabe–Ito colour-blind-safe palette (Okabe & Ito, "Color Universal Design", 2008);
// the same colours are listed in the legend of Components/Graph/LinkChartLegend.razor.
export const roleColours = Object.freeze({
  organiser: '#D55E00',
  broker: '#0072B2',
  moneyHandler: '#009E73',
  none: '#9E9E9E',
});

const pale = [240, 240, 240];

function hexToRgb(hex) {
  return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
}

// Linear blend from pale grey (score 0) to the role's colour (score 100).
function shade(hex, score) {
  const t = Math.max(0, Math.min(1, score / 100));
  const [r, g, b] = hexToRgb(hex).map((c, i) => Math.round(pale[i] + (c - pale[i]) * t));
  return `rgb(${r}, ${g}, ${b})`;
}

/** The fill of a node: its leading role's colour ("role"), or a pale-to-strong scale of one role score. */
export function nodeColour(data, mode) {
  if (mode === 'organiser' || mode === 'broker' || mode === 'moneyHandler') {
    return shade(roleColours[mode], data[mode] ?? 0);
  }
  return roleColours[data.role] ?? roleColours.none;
}

/** Node diameter in pixels: 18 to 48 with the strongest role score (percentile rank 0–100). */
export function nodeSize(data) {
  const best = Math.max(data.organiser ?? 0, data.broker ?? 0, data.moneyHandler ?? 0);
  return 18 + 30 * Math.max(0, Math.min(1, best / 100));
}
