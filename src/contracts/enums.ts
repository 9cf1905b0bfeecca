/**
 * The enumerations the database checks (supabase/migrations: place_category, care_function,
 * target_group, wheelchair_access, visibility, barrier_kind, report_status). The embedded default
 * checks the same lists; an integration test compares them with the database's.
 */

/**
 * Every category of the taxonomy (src/contracts/taxonomy.ts, checked by enums.test.ts), in the
 * database's order (values added later are appended: town_hall).
 */
export const PLACE_CATEGORIES = [
	'gp',
	'pharmacy',
	'home_care',
	'dentist',
	'physiotherapist',
	'hospital',
	'local_service_centre',
	'residential_care',
	'social_services',
	'mental_health',
	'childcare',
	'grocery',
	'bakery',
	'daily_shops',
	'meeting_place',
	'bench',
	'toilets',
	'public_transport',
	'accessible_parking',
	'neighbour_help',
	'informal_care_support',
	'volunteer_visiting',
	'village_service',
	'town_hall',
] as const;
export type PlaceCategory = (typeof PLACE_CATEGORIES)[number];

/** The eight functions of neighbourhood care direction (buurtzorgregie, VVSG). */
export const CARE_FUNCTIONS = [
	'neighbourhood_analysis',
	'partnerships',
	'awareness_information',
	'social_networks',
	'valued_roles',
	'detecting_needs',
	'guidance_to_care',
	'policy_advice',
] as const;
export type CareFunction = (typeof CARE_FUNCTIONS)[number];

export const TARGET_GROUPS = [
	'everyone',
	'older_people',
	'people_with_disability',
	'informal_carers',
	'families_with_children',
	'young_people',
	'people_in_poverty',
	'newcomers',
] as const;
export type TargetGroup = (typeof TARGET_GROUPS)[number];

export const WHEELCHAIR_ACCESS = ['yes', 'limited', 'no'] as const;
export type WheelchairAccess = (typeof WHEELCHAIR_ACCESS)[number];

export const VISIBILITIES = ['private', 'area_team', 'public'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

export const BARRIER_KINDS = [
	'broken_sidewalk',
	'missing_kerb_ramp',
	'high_kerb',
	'narrow_path',
	'blocked_path',
	'steep_slope',
	'missing_crossing',
	'no_bench',
	'no_toilet',
	'poor_lighting',
	'other',
] as const;
export type BarrierKind = (typeof BARRIER_KINDS)[number];

export const REPORT_STATUSES = [
	'new',
	'acknowledged',
	'resolved',
	'rejected',
	'withdrawn',
] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export const MEMBER_ROLES = ['coordinator', 'planner', 'admin'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];
