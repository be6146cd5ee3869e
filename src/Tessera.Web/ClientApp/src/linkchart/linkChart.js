// Link chart: cytoscape with the fCoSE layout, driven from the Blazor LinkChart component.
import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { register } from '../namespace.js';

cytoscape.use(fcose);

register('linkChart', {
  /** The version of cytoscape in the bundle (a smoke check that the bundle loaded). */
  version: () => cytoscape.version,
});
