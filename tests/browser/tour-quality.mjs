// tests/browser/tour-quality.mjs: screenshots of issue 13's pages for
// each role on a demo store, for people to look at (not a test: the
// flow is tests/browser/quality.mjs).
//	node tests/browser/tour-quality.mjs BASE SHOTS URN INSPECTION REC
import * as B from './lib.mjs';

const [base, shots, urn, insp, rec] = process.argv.slice(2);
B.watchdog(600);
const browser = await B.launch();
const who = ['inspector', 'home-manager', 'placements', 'social-worker',
	     'police', 'analyst'];
for (const w of who) {
	const page = await B.newPage(browser);
	await B.signIn(page, base, `${w}@demo.cartref.wales`);
	for (const [name, path] of [['home', '/home'],
				    ['profile', `/homes/${urn}`],
				    ['inspection', `/inspections/${insp}`],
				    ['notifications', `/homes/${urn}/notifications`],
				    ['recs', '/recommendations'],
				    ['rec', `/recommendations/${rec}`],
				    ['alerts', '/alerts']]) {
		for (const lang of ['en', 'cy']) {
			const url = `${base}${path}${path.includes('?') ? '&' : '?'}lang=${lang}`;
			const r = await page.goto(url);
			B.tap.note(`${w} ${name} ${lang}: ${r.status()}`);
			if (r.status() === 200) {
				await B.checkAxe(page, `${w} ${name} ${lang}`);
				await B.screenshot(page, shots, `${w}-${name}-${lang}`, { fullPage: true });
			}
		}
	}
	await page.close();
}
await browser.close();
B.finish();
