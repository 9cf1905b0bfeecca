// The plain page's script (see index.html): the pmtiles protocol, one style, one map. It marks the
// map's first `idle` in window.benchMarks, as the bench reads it for both pages.
import * as maplibregl from '/bench-plain/maplibre-gl.mjs';

const marks = (window.benchMarks ??= {});
maplibregl.setWorkerUrl('/bench-plain/maplibre-gl-worker.mjs');
const protocol = new window.pmtiles.Protocol();
maplibregl.addProtocol('pmtiles', protocol.tile);
const style = await (await fetch('/bench-plain/style.json')).json();
const map = new maplibregl.Map({
	container: 'map',
	style,
	bounds: style.metadata.bounds,
	fitBoundsOptions: { padding: 20 },
});
map.once('idle', () => {
	marks.map = performance.now();
	document.getElementById('map').dataset.mapReady = 'true';
});
