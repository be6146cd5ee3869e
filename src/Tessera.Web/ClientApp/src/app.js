// Entry of Tessera's browser bundle (wwwroot/dist/app.js + app.css, served as _content/Tessera.Web/dist/…).
// One import per feature; each feature module lives in its own folder under src/ and calls register() from
// namespace.js, so a new feature (for example src/map/map.js → window.tessera.map, src/charts/charts.js →
// window.tessera.charts) is one more import line here.
import 'leaflet/dist/leaflet.css';
import './linkchart/linkChart.js';
import './charts/charts.js';
import './map/map.js';
