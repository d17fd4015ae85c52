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
import { chromium } from 'playwright-core';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [base, shots] = process.argv.slice(2);
if (!base || !shots) {
	console.error('usage: node tests/browser/flow.mjs BASE_URL SHOTS_DIR');
	process.exit(2);
}
const email = process.env.EMAIL || 'social-worker@demo.cartref.wales';
const password = process.env.PASSWORD || 'demo-only-cartref';
const child = process.env.CHILD || '/children/W06000015/C01';
let n = Number(process.env.TAP_START || 0);
let failed = 0;

function ok(cond, what, note) {
	n++;
	if (cond) {
		console.log(`ok ${n} - ${what}`);
	} else {
		failed++;
		console.log(`not ok ${n} - ${what}`);
		if (note)
			console.log(String(note).split('\n').map((l) => `#   ${l}`).join('\n'));
	}
	return cond;
}
function skip(what, why) {
	n++;
	console.log(`ok ${n} # skip ${what}: ${why}`);
}
function finish(code) {
	if (process.env.TAP_COUNT)
		writeFileSync(process.env.TAP_COUNT, `${n}\n`);
	process.exit(code);
}

// The whole run is bounded, whatever hangs.
const watchdog = setTimeout(() => {
	ok(false, 'the browser flow finishes within 120 s');
	finish(1);
}, 120000);

mkdirSync(shots, { recursive: true });
const profile = mkdtempSync(join(tmpdir(), 'cartref-chromium-'));
let context;
try {
	context = await chromium.launchPersistentContext(profile, {
		executablePath: '/usr/bin/chromium',
		headless: true,
		timeout: 30000,
		viewport: { width: 1024, height: 900 },
		args: ['--headless', '--no-sandbox', '--disable-gpu',
		       '--disable-background-networking', '--disable-quic',
		       '--no-first-run', '--disable-component-update',
		       '--disable-sync'],
	});
} catch (e) {
	ok(false, 'chromium starts', e.message);
	rmSync(profile, { recursive: true, force: true });
	finish(1);
}
ok(true, 'chromium starts (headless, fresh profile)');

const page = context.pages()[0] || await context.newPage();
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
	// GOV.UK Frontend's stylesheet names the GDS Transport fonts, which
	// cartref does not serve (licensed for GOV.UK only; docs/http.md):
	// those 404s are expected, and noted.
	const fonts = [...new Set(failedLoads.filter((f) => / \/assets\/fonts\//.test(f)))];
	const others = [...new Set(failedLoads.filter((f) => !fonts.includes(f)))];
	if (fonts.length)
		console.log(`# expected 404s, fonts not served: ${fonts.join(', ')}`);
	ok(others.length === 0, 'every stylesheet and image a page asks for loads',
	   others.join('\n'));
} catch (e) {
	ok(false, 'the browser flow runs to the end', e.stack || String(e));
	await snap('failed').catch(() => {});
}
clearTimeout(watchdog);
await context.close().catch(() => {});
rmSync(profile, { recursive: true, force: true });
finish(failed ? 1 : 0);
