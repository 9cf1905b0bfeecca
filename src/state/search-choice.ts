/**
 * What choosing a search result does: a kind of help shows its nearest places, the wheelchair
 * filter keeps only accessible places, a help line opens with its number and source, a place opens, a street or address becomes where the
 * resident walks from. The map moves to what was chosen.
 */
import type { AreaData } from '../data/area-data.ts';
import type { SearchRecord } from '../data/search-index.ts';
import { WHEELCHAIR_FILTER_ID } from '../data/search-records.ts';
import type { AppState } from './app-state.svelte.ts';
import type { MapState } from './map-state.svelte.ts';

export function chooseSearchResult(
	record: SearchRecord,
	app: AppState,
	map: Pick<MapState, 'flyTo'>,
	data: AreaData | undefined,
): void {
	app.setQuery(record.label);
	switch (record.kind) {
		case 'category':
			if (record.id === WHEELCHAIR_FILTER_ID) {
				app.setOnlyWheelchair(true);
				app.setMode({ kind: 'explore' });
			} else app.chooseCategory(record.id);
			break;
		case 'line':
			app.setMode({ kind: 'line', lineId: record.id });
			break;
		case 'place': {
			app.selectPlace(record.id);
			const place = data?.placesById.get(record.id);
			if (place) map.flyTo(place.lngLat, 16);
			break;
		}
		case 'street':
		case 'address':
			if (record.lngLat) {
				const lngLat: [number, number] = [record.lngLat[0], record.lngLat[1]];
				app.setOrigin({ lngLat, label: record.label });
				map.flyTo(lngLat, 17);
			}
			break;
	}
}
