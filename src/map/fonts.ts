/**
 * The label font, bundled with the app (Noto Sans, SIL Open Font License, from @fontsource) and
 * declared in the style's `font-faces`, so MapLibre draws labels locally with no outside glyph
 * service (the map must work with no third-party servers).
 */
import notoSansRegular from '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2?url';
import notoSansBold from '@fontsource/noto-sans/files/noto-sans-latin-700-normal.woff2?url';
import type { StyleSpecification } from 'maplibre-gl';

/** The `font-faces` entry of the style for the fonts the app's layers use. */
export function fontFaces(): NonNullable<StyleSpecification['font-faces']> {
	const absolute = (url: string) => new URL(url, location.href).href;
	return {
		'Noto Sans Regular': absolute(notoSansRegular),
		'Noto Sans Bold': absolute(notoSansBold),
	};
}
