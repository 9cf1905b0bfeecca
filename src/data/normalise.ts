/**
 * Lower case, accents removed, punctuation folded to spaces: the form every text is indexed and
 * compared in (the search, and the localities an address names).
 * @example normalise('Markt 10, 2200 Herentals') // 'markt 10 2200 herentals'
 */
export function normalise(text: string): string {
	return text
		.normalize('NFD')
		.replace(/\p{M}+/gu, '')
		.toLowerCase()
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.trim();
}
