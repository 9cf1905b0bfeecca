/**
 * What the data layer stores and returns, in the app's terms (camelCase, GeoJSON geometries in
 * EPSG:4326, timestamps as ISO 8601 strings). Both backends return exactly these shapes.
 */
import type { LineString, MultiPolygon, Point, Polygon } from 'geojson';
import type {
	BarrierKind,
	CareFunction,
	PlaceCategory,
	ReportStatus,
	TargetGroup,
	Visibility,
	WheelchairAccess,
} from '../contracts/enums.ts';

export interface Area {
	id: string;
	slug: string;
	name: string;
	nisCode: string | null;
	/** Inhabitants in `populationYear`. */
	population: number | null;
	populationYear: number | null;
	boundary: MultiPolygon;
}

export interface Neighbourhood {
	id: string;
	areaId: string;
	code: string;
	name: string;
	population: number | null;
	populationYear: number | null;
	boundary: MultiPolygon;
}

/** What a coordinator enters for a curated place. Optional fields default to empty / unknown. */
export interface CuratedPlaceInput {
	areaId: string;
	name: string;
	description?: string;
	categories: PlaceCategory[];
	targetGroups?: TargetGroup[];
	careFunctions?: CareFunction[];
	address?: string | null;
	phone?: string | null;
	email?: string | null;
	website?: string | null;
	/** OSM opening_hours syntax. */
	openingHours?: string | null;
	/** null: unknown. */
	wheelchair?: WheelchairAccess | null;
	location: Point;
	/** Where the information comes from (who told, which document). */
	source: string;
	/** When it was last checked (ISO 8601); defaults to now. */
	verifiedAt?: string;
	/** Curated places are shared with the area team (draft) or public. */
	visibility?: Exclude<Visibility, 'private'>;
}

export type CuratedPlacePatch = Partial<Omit<CuratedPlaceInput, 'areaId'>>;

export interface CuratedPlace {
	id: string;
	areaId: string;
	name: string;
	description: string;
	categories: PlaceCategory[];
	targetGroups: TargetGroup[];
	careFunctions: CareFunction[];
	address: string | null;
	phone: string | null;
	email: string | null;
	website: string | null;
	openingHours: string | null;
	wheelchair: WheelchairAccess | null;
	location: Point;
	source: string;
	verifiedAt: string;
	visibility: Exclude<Visibility, 'private'>;
	createdAt: string;
	updatedAt: string;
}

export interface AnalysisSummaryInput {
	neighbourhoodId: string;
	/** Figures per neighbourhood as the analysis engine computes them (JSON object, ≤ 16 KiB). */
	summary: Record<string, unknown>;
}

export interface AnalysisCellInput {
	geometry: Polygon;
	/** Distance in metres or shortfall, as the parameters say; null when unknown. */
	value: number | null;
	properties?: Record<string, unknown>;
}

export interface SavedAnalysisInput {
	/** Client-generated id (a retried save is then refused as a duplicate); generated when absent. */
	id?: string;
	areaId: string;
	name: string;
	description?: string;
	parameters: Record<string, unknown>;
	engineVersion: string;
	dataVersion: string;
	visibility?: Visibility;
	summaries: AnalysisSummaryInput[];
	cells: AnalysisCellInput[];
}

export interface SavedAnalysis {
	id: string;
	areaId: string;
	name: string;
	description: string;
	parameters: Record<string, unknown>;
	engineVersion: string;
	dataVersion: string;
	visibility: Visibility;
	createdAt: string;
}

export interface SavedAnalysisDetail extends SavedAnalysis {
	/** Ordered by neighbourhood id. */
	summaries: AnalysisSummaryInput[];
	/** In the order they were saved. */
	cells: Required<AnalysisCellInput>[];
}

/** A barrier report as a resident submits it. */
export interface BarrierReportInput {
	/** Generated on the device (crypto.randomUUID()) so a retry is stored once. */
	id: string;
	/** The device's outbox id (rate limiting per device). */
	clientId: string;
	kind: BarrierKind;
	description: string;
	/** A point, or a stretch of street (≤ 2 km). */
	location: Point | LineString;
	/**
	 * The signed-in user who wrote it, when one was: the report then goes out only with that user's
	 * valid session (never anonymously because a session expired). Not sent: the database takes
	 * the reporter from the session.
	 */
	reporterId?: string | null;
}

export interface BarrierReport {
	id: string;
	areaId: string;
	kind: BarrierKind;
	/** The reporter's own text: only the reporter and the area's planners and coordinators read it ('' for others). */
	description: string;
	/** What everyone may read, written or approved by a planner; null: the kind and place alone. */
	publicText: string | null;
	location: Point | LineString;
	status: ReportStatus;
	plannerNote: string | null;
	createdAt: string;
	acknowledgedAt: string | null;
	resolvedAt: string | null;
	rejectedAt: string | null;
	withdrawnAt: string | null;
}
