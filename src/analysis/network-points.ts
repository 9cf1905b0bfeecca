/**
 * The points that matter on foot, as data: which OSM node tags make a node on the walking network
 * a barrier, a kerb, a crossing or an elevator (the first matching rule decides), and what the
 * planners' map says about one. The pipeline writes these kinds into the network archive's
 * `network_points` layer (scripts/lib/network.ts); the app draws and explains them.
 */

/** A tag condition: `true` means the key is present with any value. */
type TagCondition = Record<string, string | true>;

/** The kinds of network point, in the order the planners' layer switches list them. */
export const NETWORK_POINT_KINDS = ['barrier', 'kerb', 'crossing', 'elevator'] as const;
export type NetworkPointKind = (typeof NETWORK_POINT_KINDS)[number];

/** First match wins: a kerb drawn as `barrier=kerb` is a kerb, not a barrier. */
export const NETWORK_POINT_RULES: readonly { kind: NetworkPointKind; any: TagCondition[] }[] = [
	{ kind: 'kerb', any: [{ barrier: 'kerb' }, { kerb: true }] },
	{ kind: 'barrier', any: [{ barrier: true }] },
	{ kind: 'crossing', any: [{ highway: 'crossing' }, { crossing: true }] },
	{ kind: 'elevator', any: [{ highway: 'elevator' }] },
];

/** The node attributes the pipeline keeps on a network point (OSM keys). */
export const NETWORK_POINT_ATTRIBUTES = [
	'barrier',
	'kerb',
	'kerb:height',
	'crossing',
	'tactile_paving',
	'wheelchair',
	'access',
	'foot',
] as const;

/** The kind of a node by {@link NETWORK_POINT_RULES}, or null when it is none. */
export function networkPointKind(tags: Readonly<Record<string, string>>): NetworkPointKind | null {
	for (const rule of NETWORK_POINT_RULES)
		if (
			rule.any.some((c) =>
				Object.entries(c).every(([k, v]) =>
					v === true ? tags[k] !== undefined && tags[k] !== '' : tags[k] === v,
				),
			)
		)
			return rule.kind;
	return null;
}

type Labels = { nl: string; fr: string; en: string };

/** What a kind is called, in each language. */
export const NETWORK_POINT_LABELS: Record<NetworkPointKind, Labels> = {
	barrier: { nl: 'Hindernis', fr: 'Obstacle', en: 'Obstacle' },
	kerb: { nl: 'Stoeprand', fr: 'Bordure', en: 'Kerb' },
	crossing: { nl: 'Oversteekplaats', fr: 'Traversée', en: 'Crossing' },
	elevator: { nl: 'Lift', fr: 'Ascenseur', en: 'Lift' },
};

/**
 * Words for common OSM values of a point's attributes (`key=value`); any other value is shown as
 * the tag itself, so nothing the data say is hidden.
 */
export const NETWORK_POINT_VALUE_LABELS: Readonly<Record<string, Labels>> = {
	'barrier=bollard': { nl: 'paaltje', fr: 'borne', en: 'bollard' },
	'barrier=gate': { nl: 'poort of hek', fr: 'portail', en: 'gate' },
	'barrier=kissing_gate': { nl: 'klaphek', fr: 'portillon', en: 'kissing gate' },
	'barrier=cycle_barrier': { nl: 'fietshek (sluis)', fr: 'chicane', en: 'cycle barrier' },
	'barrier=stile': { nl: 'overstap', fr: 'échalier', en: 'stile' },
	'barrier=lift_gate': { nl: 'slagboom', fr: 'barrière levante', en: 'lift gate' },
	'barrier=boom': { nl: 'slagboom', fr: 'barrière levante', en: 'boom barrier' },
	'barrier=block': { nl: 'blok', fr: 'bloc', en: 'block' },
	'barrier=entrance': { nl: 'doorgang', fr: 'passage', en: 'entrance' },
	'barrier=toll_booth': { nl: 'tolhokje', fr: 'péage', en: 'toll booth' },
	'barrier=chain': { nl: 'ketting', fr: 'chaîne', en: 'chain' },
	'barrier=turnstile': { nl: 'draaihek', fr: 'tourniquet', en: 'turnstile' },
	'kerb=raised': { nl: 'verhoogd', fr: 'surélevée', en: 'raised' },
	'kerb=lowered': { nl: 'verlaagd', fr: 'abaissée', en: 'lowered' },
	'kerb=flush': { nl: 'gelijk met de rijweg', fr: 'à niveau', en: 'flush' },
	'kerb=rolled': { nl: 'afgerond', fr: 'arrondie', en: 'rolled' },
	'crossing=uncontrolled': { nl: 'zebrapad zonder lichten', fr: 'sans feux', en: 'no signals' },
	'crossing=traffic_signals': { nl: 'met verkeerslichten', fr: 'avec feux', en: 'traffic signals' },
	'crossing=marked': { nl: 'gemarkeerd', fr: 'marquée', en: 'marked' },
	'crossing=unmarked': { nl: 'niet gemarkeerd', fr: 'non marquée', en: 'unmarked' },
	'crossing=zebra': { nl: 'zebrapad', fr: 'passage piéton', en: 'zebra' },
	'crossing=island': { nl: 'met middeneiland', fr: 'avec îlot', en: 'with island' },
	'access=private': { nl: 'niet openbaar', fr: 'privé', en: 'private' },
	'access=no': { nl: 'geen toegang', fr: 'accès interdit', en: 'no access' },
	'access=yes': { nl: 'toegankelijk voor iedereen', fr: 'accès libre', en: 'open to all' },
	'foot=no': { nl: 'niet te voet', fr: 'interdit aux piétons', en: 'no pedestrians' },
	'wheelchair=yes': {
		nl: 'rolstoel: ja',
		fr: 'fauteuil roulant\u00a0: oui',
		en: 'wheelchair: yes',
	},
	'wheelchair=limited': {
		nl: 'rolstoel: beperkt',
		fr: 'fauteuil roulant\u00a0: limité',
		en: 'wheelchair: limited',
	},
	'wheelchair=no': { nl: 'rolstoel: nee', fr: 'fauteuil roulant\u00a0: non', en: 'wheelchair: no' },
	'tactile_paving=yes': { nl: 'geleidetegels', fr: 'dalles podotactiles', en: 'tactile paving' },
	'tactile_paving=no': {
		nl: 'geen geleidetegels',
		fr: 'sans dalles podotactiles',
		en: 'no tactile paving',
	},
};

/**
 * What the map says about a point: its kind and each attribute it carries, in words where known
 * (else the tag, `kerb:height=0.05`).
 */
export function describeNetworkPoint(
	props: Readonly<Record<string, unknown>>,
	lang: keyof Labels,
): { title: string; details: string[] } {
	const kind = NETWORK_POINT_KINDS.find((k) => k === props.kind);
	const title = kind ? NETWORK_POINT_LABELS[kind][lang] : String(props.kind ?? '');
	const details: string[] = [];
	for (const key of NETWORK_POINT_ATTRIBUTES) {
		const value = props[key];
		if (value === undefined || value === null || value === '') continue;
		const tag = `${key}=${String(value)}`;
		details.push(NETWORK_POINT_VALUE_LABELS[tag]?.[lang] ?? tag);
	}
	return { title, details };
}
