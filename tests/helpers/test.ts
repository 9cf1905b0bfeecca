/**
 * The `test` every Playwright spec uses: @playwright/test's, with an automatic check that the page
 * reported no Content-Security-Policy violation during the test (the app is served with the
 * headers of scripts/lib/security-headers.ts by `vite preview`). A violation fails the test with
 * the directive and what was blocked.
 *
 *   import { expect, test } from '../helpers/test.ts';
 */
import { test as base } from '@playwright/test';

export { expect, type Page } from '@playwright/test';

export const test = base.extend<{ cspViolations: string[] }>({
	cspViolations: [
		async ({ page }, use) => {
			const violations: string[] = [];
			await page.exposeFunction('__buurtkaartCspViolation', (text: string) =>
				violations.push(text),
			);
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
			await use(violations);
			base.expect(violations, 'Content-Security-Policy violations').toEqual([]);
		},
		{ auto: true },
	],
});
