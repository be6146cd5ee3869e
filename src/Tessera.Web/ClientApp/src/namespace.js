// The one global namespace the Blazor pages call through JS interop: window.tessera.<feature>.<function>.
// Features are loaded on first use (lazy), so a page without a map or a chart never downloads Leaflet, the world
// atlas, ECharts or cytoscape: app.js holds only this namespace; each feature is a chunk of its own.
const tessera = (globalThis.tessera ??= {});
const features = new Map();

/**
 * Called by a feature module when it is loaded: hands its interop functions to the proxy that lazy() published.
 * @param {string} name the feature's name, e.g. "linkChart", "map", "charts"
 * @param {object} api the functions Blazor calls (IJSRuntime.InvokeAsync("tessera.<name>.<function>", ...))
 */
export function register(name, api) {
  if (features.has(name)) throw new Error(`tessera.${name} is registered twice`);
  features.set(name, Object.freeze(api));
}

/**
 * Publishes window.tessera[name] with the given function names; the first call of any of them loads the feature's
 * module (a dynamic import, one network request for its chunk) and every call is forwarded to it. Blazor awaits
 * the returned promise, so a caller sees the function's own result.
 * @param {string} name the feature's name
 * @param {string[]} functions the names of the functions the feature registers
 * @param {() => Promise<unknown>} load imports the feature's module, e.g. () => import('./map/map.js')
 */
export function lazy(name, functions, load) {
  if (tessera[name]) throw new Error(`tessera.${name} is published twice`);
  let loading = null;
  const feature = async () => {
    loading ??= load().then(() => {
      const api = features.get(name);
      if (!api) throw new Error(`the module of tessera.${name} did not register it`);
      return api;
    });
    return loading;
  };
  tessera[name] = Object.freeze(Object.fromEntries(functions.map((f) => [f, async (...args) => {
    const api = await feature();
    if (typeof api[f] !== 'function') throw new Error(`tessera.${name}.${f} is not a function of the feature`);
    return api[f](...args);
  }])));
}
