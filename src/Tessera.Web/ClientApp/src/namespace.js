// The one global namespace the Blazor pages call through JS interop: window.tessera.<feature>.<function>.
// Each feature module registers itself here (register('linkChart', {...}) → window.tessera.linkChart).
const tessera = (globalThis.tessera ??= {});

/**
 * Publishes a feature's interop functions as window.tessera[name].
 * @param {string} name the feature's name, e.g. "linkChart", "map", "charts"
 * @param {object} api the functions Blazor calls (IJSRuntime.InvokeAsync("tessera.<name>.<function>", ...))
 */
export function register(name, api) {
  if (tessera[name]) throw new Error(`tessera.${name} is registered twice`);
  tessera[name] = Object.freeze(api);
}
