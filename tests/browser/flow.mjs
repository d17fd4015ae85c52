// tests/browser/flow.mjs: a person's path through cartref in a real
// browser (Debian's chromium, headless, driven by playwright-core):
// sign in as the council social worker, open a dashboard, switch to
// Welsh, open a child's record, sign out.  Run by tests/t/t0850-browser.sh,
// which starts the server on the review fixture:
//
//	node tests/browser/flow.mjs BASE_URL SHOTS_DIR
//
// Environment: EMAIL and PASSWORD (the demo social worker by default),
// TAP_START (the number of the last check already printed), TAP_COUNT
// (a file to write how many checks this printed).  Prints TAP lines,
// "ok N - what" or "not ok N - what" (plus "# " notes), and saves a
// screenshot of every step as SHOTS_DIR/NN-step.png.  Bounded: each
// browser action times out after 15 s and the whole run after 120 s.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import * as B from './lib.mjs';

const [base, shots] = process.argv.slice(2);
if (!base || !shots) {
	console.error('usage: node tests/browser/flow.mjs BASE_URL SHOTS_DIR');
	process.exit(2);
}
const email = process.env.EMAIL || 'social-worker@demo.cartref.wales';
const password = B.DEMO_PASSWORD;
const child = process.env.CHILD || '/children/W06000015/C01';
const ok = (cond, what, note) => B.tap.ok(cond, what, note);
const skip = (what, why) => B.tap.skip(what, why);

// The whole run is bounded, whatever hangs.
const watchdog = B.watchdog(120);

mkdirSync(shots, { recursive: true });
let browser;
try {
	browser = await B.launch();
} catch (e) {
	ok(false, 'chromium starts', e.message);
	B.finish(1);
}
ok(true, 'chromium starts (headless, fresh context)');

const context = await browser.newContext({ viewport: { width: 1024, height: 900 } });
const page = await context.newPage();
page.setDefaultTimeout(15000);
page.setDefaultNavigationTimeout(15000);
// Console errors include Content-Security-Policy violations.  A failed
// load is reported by its URL instead (the console says only "404").
const consoleErrors = [];
const failedLoads = [];
page.on('console', (m) => {
	if (m.type() === 'error' && !m.text().startsWith('Failed to load resource'))
		consoleErrors.push(m.text());
});
page.on('pageerror', (e) => consoleErrors.push(String(e)));
page.on('response', (r) => {
	if (r.status() >= 400 && r.request().resourceType() !== 'document')
		failedLoads.push(`${r.status()} ${new URL(r.url()).pathname}`);
});
let shot = 0;
async function snap(name) {
	shot++;
	const file = join(shots, `${String(shot).padStart(2, '0')}-${name}.png`);
	await page.screenshot({ path: file, fullPage: true });
	console.log(`# screenshot ${file}`);
}
const path = () => new URL(page.url()).pathname + new URL(page.url()).search;
const lang = () => page.evaluate(() => document.documentElement.lang);

try {
	// 1. sign in
	let r = await page.goto(`${base}/sign-in`);
	ok(r && r.status() === 200, 'the sign-in page opens');
	await page.fill('#email', email);
	await page.fill('#password', password);
	await Promise.all([
		page.waitForURL((u) => u.pathname !== '/sign-in'),
		page.click('main form button[type="submit"]'),
	]);
	ok(path() === '/home', `signed in as ${email}: /home`, `at ${path()}`);
	ok(await page.isVisible('form[action="/sign-out"] button'),
	   'the header shows who is signed in and a sign-out button');
	await snap('signed-in');

	// 2. a dashboard (the pages' own route, else the home page)
	r = await page.goto(`${base}/dashboard`);
	if (r && r.status() === 404) {
		console.log('# /dashboard does not exist yet: the home page is the dashboard');
		r = await page.goto(`${base}/home`);
	}
	ok(r && r.status() === 200 && await page.isVisible('h1'),
	   `a dashboard opens (${path()})`, r ? `status ${r.status()}` : 'no answer');
	await snap('dashboard');

	// 3. Welsh, by the language switch
	await Promise.all([
		page.waitForLoadState('load'),
		page.click('a[hreflang="cy"]'),
	]);
	await page.waitForFunction(() => document.documentElement.lang === 'cy');
	ok(await lang() === 'cy', 'the language switch gives Welsh: <html lang="cy">');
	ok((await page.textContent('form[action="/sign-out"] button')).includes('Allgofnodi'),
	   'the sign-out button reads "Allgofnodi"');
	await snap('welsh');

	// 4. a child's record
	r = await page.goto(`${base}${child}`);
	if (r && r.status() === 404) {
		skip(`open a child's record (${child})`, 'that page does not exist yet');
	} else {
		ok(r && r.status() === 200, `a child's record opens (${child})`,
		   r ? `status ${r.status()}` : 'no answer');
		ok(await lang() === 'cy', 'still in Welsh (the lang cookie)');
		ok((await page.textContent('main')).includes(child.split('/').pop()),
		   'the record names the child');
		await snap('child-record');
	}

	// 5. sign out
	await Promise.all([
		page.waitForURL((u) => u.pathname === '/sign-in'),
		page.click('form[action="/sign-out"] button'),
	]);
	ok(path() === '/sign-in?signed-out=1', 'signed out: back to the sign-in form',
	   `at ${path()}`);
	await snap('signed-out');
	r = await page.goto(`${base}/home`);
	ok(path().startsWith('/sign-in?next='), 'after signing out, /home asks to sign in',
	   `at ${path()}`);
	ok(consoleErrors.length === 0, 'no console errors (CSP violations included)',
	   consoleErrors.join('\n'));
	// fonts included: the stylesheet served names none (docs/http.md)
	ok(failedLoads.length === 0, 'every stylesheet and image a page asks for loads',
	   [...new Set(failedLoads)].join('\n'));
} catch (e) {
	ok(false, 'the browser flow runs to the end', e.stack || String(e));
	await snap('failed').catch(() => {});
}
clearTimeout(watchdog);
await browser.close().catch(() => {});
B.finish();
