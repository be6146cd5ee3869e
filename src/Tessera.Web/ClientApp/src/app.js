// Entry of Tessera's browser bundle (wwwroot/dist/app.js + app.css, served as _content/Tessera.Web/dist/…, loaded
// as an ES module). Each feature lives in its own folder under src/, ends with register(name, api), and is published
// here with lazy(): its module (and its libraries) become a chunk of their own, fetched on the first call. Styles
// are imported here so that app.css holds them all.
import 'leaflet/dist/leaflet.css';
import './linkchart/linkChart.css';
import './map/map.css';
import { lazy } from './namespace.js';

lazy('linkChart', ['create', 'add', 'remove', 'colourBy', 'filter', 'select', 'highlightPath', 'exportPng', 'download', 'dispose'],
  () => import('./linkchart/linkChart.js'));
lazy('charts', ['render', 'dispose', 'formatCount', 'formatChange', 'version'], () => import('./charts/charts.js'));
lazy('map', ['render', 'focus', 'dispose', 'version'], () => import('./map/map.js'));
