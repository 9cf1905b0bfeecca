/**
 * The `test` every Playwright spec uses: @playwright/test's, with an automatic check that the page
 * reported no Content-Security-Policy violation during the test (the app is served with the
 * headers of scripts/lib/security-headers.ts by `vite preview`). A violation fails the test with
 * the directive and what was blocked.
 *
 *   import { expect, test } from '../helpers/test.ts';
 */
import { test as base, type Page } from '@playwright/test';
import { rememberArea } from './areas.ts';

export { expect, type Browser, type Page, type TestInfo } from '@playwright/test';

/**
 * Starts recording the Content-Security-Policy violations `page` reports (call before its first
 * `goto`); the returned list fills as they come. The `test` fixture does this for `page`; a test
 * that opens another page (a fresh browser context) calls it for that one and checks the list.
 */
export async function recordCspViolations(page: Page): Promise<string[]> {
	const violations: string[] = [];
	await page.exposeFunction('__buurtkaartCspViolation', (text: string) => violations.push(text));
	await page.addInitScript(() => {
		document.addEventListener('securitypolicyviolation', (e) => {
			const report = (window as unknown as { __buurtkaartCspViolation: (t: string) => void })
				.__buurtkaartCspViolation;
			void report(
				`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`,
			);
		});
	});
	// Chromium also logs violations of workers and of the document before our listener runs
	page.on('console', (message) => {
		if (message.type() === 'error' && /Content Security Policy/.test(message.text()))
			violations.push(message.text());
	});
	return violations;
}

export const test = base.extend<{ cspViolations: string[] }>({
	// The device remembers the sample area (a returning resident): `/` opens it. A first visit
	// needs a context of its own (browser.newContext(), as areas.spec's freshPage).
	context: async ({ context }, use) => {
		await rememberArea(context);
		await use(context);
	},
	cspViolations: [
		async ({ page }, use) => {
			const violations = await recordCspViolations(page);
			await use(violations);
			base.expect(violations, 'Content-Security-Policy violations').toEqual([]);
		},
		{ auto: true },
	],
});
