import { beforeAll, describe, expect, it } from 'vitest';
import { ISSUE_KINDS } from '../contracts/validation.ts';
import { LANGUAGES, loadLang, translate } from './messages.ts';
import { ISSUE_MESSAGE_KEYS, issueText } from './validation.ts';

describe('validation issues in words', () => {
	beforeAll(async () => {
		for (const lang of LANGUAGES) await loadLang(lang);
	});

	it('gives every kind a message in nl, fr and en that names the field', async () => {
		expect(Object.keys(ISSUE_MESSAGE_KEYS).sort()).toEqual([...ISSUE_KINDS].sort());
		for (const lang of LANGUAGES)
			for (const kind of ISSUE_KINDS) {
				const text = issueText((key, values) => translate(lang, key, values), {
					path: 'area.bbox',
					kind,
					limit: 125,
					found: 200,
				});
				expect(text, `${lang} ${kind}`).toContain('area.bbox');
				expect(text).not.toMatch(/[{}]/);
			}
	});
});
