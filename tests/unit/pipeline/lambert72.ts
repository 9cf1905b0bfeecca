/** WGS84 → Belgian Lambert 72 with the pipeline's proj4 definition (test helper). */
import proj4 from 'proj4';
import '../../../scripts/lib/crs.ts';

export function toLambert72(lngLat: [number, number]): [number, number] {
	const [x, y] = proj4('EPSG:4326', 'EPSG:31370', lngLat);
	return [Math.round(x * 100) / 100, Math.round(y * 100) / 100];
}
