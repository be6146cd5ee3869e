// Map of the situational picture: Leaflet without any tile server (the platform runs offline). The land is Natural
// Earth's 1:50m countries from world-atlas, converted from TopoJSON to GeoJSON in the browser; the routes and the
// border sections come from Tessera's own GeoJSON (PictureGeoJson), sections coloured by their impact level
// (EUROSUR, Reg. (EU) 2019/1896 Art. 34).
import L from 'leaflet';
import { feature } from 'topojson-client';
import countries from 'world-atlas/countries-50m.json';
import { register } from '../namespace.js';

export const levels = ['low', 'medium', 'high', 'critical'];
// The theme's colours of the level chips (TesseraTheme): the same hue on the map and in the tables.
const levelColours = { low: '#2e7d32', medium: '#1565c0', high: '#a84300', critical: '#b00020' };
const levelRadius = { low: 6, medium: 7, high: 9, critical: 11 };
const routeColour = '#6a1b9a';
const land = feature(countries, countries.objects.countries);
const maps = new WeakMap();
// Europe, the Mediterranean and the departure areas of the routes.
const picture = [[14, -25], [68, 48]];

const escape = (text) => String(text ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function legend(title) {
  const control = L.control({ position: 'bottomright' });
  control.onAdd = () => {
    const div = L.DomUtil.create('div', 'map-legend');
    div.setAttribute('data-testid', 'map-legend');
    div.innerHTML = `<strong>${escape(title)}</strong>` + levels
      .map((l) => `<div data-level="${l}"><span class="swatch level-${l}" style="background:${levelColours[l]}"></span>${l}</div>`).join('')
      + `<div><span class="swatch route" style="background:${routeColour}"></span>route</div>`;
    return div;
  };
  return control;
}

/**
 * Draws the map into element.
 * data: { locale, routes: GeoJSON text, sections: GeoJSON text, focus: section code or null, legendTitle }
 */
function render(element, data) {
  dispose(element);
  const map = L.map(element, { minZoom: 2, maxZoom: 9, zoomSnap: 0.25, worldCopyJump: true, attributionControl: true });
  // The view first: Leaflet adds layers (and creates their SVG paths) only once the map has one.
  map.fitBounds(picture);
  map.attributionControl.setPrefix(false).addAttribution('Natural Earth (world-atlas) · approximate routes and sections');
  L.geoJSON(land, {
    interactive: false,
    style: { color: '#9e9e9e', weight: 0.6, fillColor: '#f4f1e8', fillOpacity: 1, className: 'land' },
  }).addTo(map);
  const nf = new Intl.NumberFormat(data.locale || undefined);
  L.geoJSON(JSON.parse(data.routes), {
    style: { color: routeColour, weight: 4, opacity: 0.85, dashArray: '8 6', className: 'route' },
    onEachFeature: (f, layer) => {
      const n = f.properties.detections;
      layer.bindTooltip(`${escape(f.properties.route)}${n === undefined ? '' : `: ${n === null ? '<5' : nf.format(n)} detections`}`, { sticky: true });
    },
  }).addTo(map);
  const markers = new Map();
  L.geoJSON(JSON.parse(data.sections), {
    pointToLayer: (f, latlng) => {
      const level = f.properties.impactLevel;
      const marker = L.circleMarker(latlng, {
        radius: levelRadius[level] ?? 6, color: '#fff', weight: 1.5, fillColor: levelColours[level] ?? '#777', fillOpacity: 0.9,
        className: `section level-${level}`,
      });
      marker.bindTooltip(`<strong>${escape(f.properties.name)}</strong><br>${escape(f.properties.route)}<br>impact level: ${escape(level)}`
        + (f.properties.proposedLevel ? `<br>proposed: ${escape(f.properties.proposedLevel)}` : ''));
      markers.set(f.properties.code, marker);
      return marker;
    },
  }).addTo(map);
  const live = announcer(element);
  keyboard(element, [...markers.entries()], live);
  legend(data.legendTitle || 'Impact level').addTo(map);
  const observer = new ResizeObserver(() => map.invalidateSize());
  observer.observe(element);
  maps.set(element, { map, markers, observer });
  if (data.focus) focus(element, data.focus);
}

// Each section is a button named by its tooltip's text (WCAG 4.1.2). One of them is in the tab order at a time (a roving
// tabindex): arrow keys move between the sections, Home and End go to the first and the last, Enter or Space opens the
// section's page, and a live region reads the section reached. The same sections are in the table beside the map.
function keyboard(element, entries, live) {
  const paths = entries.map(([code, marker]) => {
    const path = marker.getElement();
    const name = plainText(marker.getTooltip()?.getContent()?.replace(/<br>/g, ', ')) || code;
    path?.setAttribute('data-section', code);
    path?.setAttribute('role', 'button');
    path?.setAttribute('aria-label', name);
    path?.setAttribute('tabindex', '-1');
    return { code, marker, path, name };
  }).filter((s) => s.path);
  if (paths.length === 0) return;
  paths[0].path.setAttribute('tabindex', '0');
  const open = (s) => {
    const go = `/sections?code=${encodeURIComponent(s.code)}`;
    if (globalThis.Blazor?.navigateTo) globalThis.Blazor.navigateTo(go); else globalThis.location.assign(go);
  };
  paths.forEach((s, i) => {
    s.path.addEventListener('focus', () => {
      paths.forEach((o) => o.path.setAttribute('tabindex', o === s ? '0' : '-1'));
      s.marker.openTooltip();
    });
    s.path.addEventListener('blur', () => s.marker.closeTooltip());
    s.path.addEventListener('click', () => open(s));
    s.path.addEventListener('keydown', (event) => {
      const to = { ArrowRight: i + 1, ArrowDown: i + 1, ArrowLeft: i - 1, ArrowUp: i - 1, Home: 0, End: paths.length - 1 }[event.key];
      if (to !== undefined) {
        const next = paths[(to + paths.length) % paths.length];
        next.path.focus();
        live.textContent = `${next.name} (section ${paths.indexOf(next) + 1} of ${paths.length})`;
      } else if (event.key === 'Enter' || event.key === ' ') {
        open(s);
      } else {
        return;
      }
      event.preventDefault();
      // Leaflet's own keyboard handler would pan the map with the same keys.
      event.stopPropagation();
    });
  });
}

function plainText(html) {
  const div = document.createElement('div');
  div.innerHTML = html ?? '';
  return div.textContent;
}

// A polite live region next to the map (not inside Leaflet's container, which Leaflet empties on removal).
function announcer(element) {
  let live = element.parentElement?.querySelector(':scope > .map-live');
  if (!live) {
    live = document.createElement('div');
    live.className = 'map-live visually-hidden';
    live.setAttribute('aria-live', 'polite');
    live.setAttribute('data-testid', 'map-live');
    element.after(live);
  }
  return live;
}

/** Zooms to a section and marks it (the sections page calls this when a section is selected). */
function focus(element, code) {
  const state = maps.get(element);
  const marker = state?.markers.get(code);
  if (!marker) return false;
  for (const m of state.markers.values()) m.getElement()?.classList.remove('focused');
  marker.getElement()?.classList.add('focused');
  marker.bringToFront();
  state.map.setView(marker.getLatLng(), 6, { animate: false });
  marker.openTooltip();
  return true;
}

/** Removes the map of element (Blazor calls this when the component is disposed). */
function dispose(element) {
  const state = maps.get(element);
  if (!state) return;
  state.observer.disconnect();
  state.map.remove();
  maps.delete(element);
}

register('map', { render, focus, dispose, version: () => L.version });
