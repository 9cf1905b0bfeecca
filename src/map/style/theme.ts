/**
 * Named colours of the basemap (protomaps/basemaps' theme idea). Muted, so the thematic layers
 * (neighbourhoods, places, network status) stand out; text colours keep ≥ 4.5:1 contrast on the
 * background with a white halo.
 */
export interface Theme {
	background: string;
	residential: string;
	commercial: string;
	industrial: string;
	farmland: string;
	meadow: string;
	grass: string;
	forest: string;
	heath: string;
	scrub: string;
	wetland: string;
	cemetery: string;
	allotments: string;
	park: string;
	pitch: string;
	water: string;
	waterway: string;
	building: string;
	buildingOutline: string;
	roadCasing: string;
	motorway: string;
	trunk: string;
	primary: string;
	secondary: string;
	tertiary: string;
	minor: string;
	service: string;
	track: string;
	path: string;
	roadLabel: string;
	placeLabel: string;
	labelHalo: string;
}

/** The default light theme. */
export const LIGHT: Theme = {
	background: '#f4f1ea',
	residential: '#ebe6df',
	commercial: '#efe1dc',
	industrial: '#e6e0e8',
	farmland: '#f1eedb',
	meadow: '#e4eccf',
	grass: '#dcebc9',
	forest: '#cfe1c0',
	heath: '#e6e2c9',
	scrub: '#d9e4c5',
	wetland: '#d6e6e0',
	cemetery: '#d8e2d2',
	allotments: '#e3e9cf',
	park: '#d2e8c4',
	pitch: '#d6e9cf',
	water: '#a9d1e6',
	waterway: '#8cc0dc',
	building: '#dcd6cd',
	buildingOutline: '#cbc3b8',
	roadCasing: '#c8c0b4',
	motorway: '#f3b98c',
	trunk: '#f6c99c',
	primary: '#fbd9a5',
	secondary: '#fde7b5',
	tertiary: '#ffffff',
	minor: '#ffffff',
	service: '#ffffff',
	track: '#a38a6c',
	path: '#8a7f73',
	roadLabel: '#4a4540',
	placeLabel: '#2f2b27',
	labelHalo: '#ffffff',
};
