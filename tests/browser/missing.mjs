// tests/browser/missing.mjs: one child missing from care, handled by
// three agencies in a real browser (Debian's chromium, headless, driven by
// playwright-core), as issue 5's "done when" asks: the demo home manager
// reports the child missing (first with a mistake: the error summary),
// the police coordinator grades the episode and records the return (4
// days ago: the server runs on the real clock, so the 72-hour rule fires),
// and the council social worker sees the alert, records the late return
// interview, acknowledges and resolves the alert, and reads the alert in
// Welsh.  Run by tests/t/t0855-browser-missing.sh:
//
//	node tests/browser/missing.mjs BASE_URL SHOTS_DIR
//
// Environment: CHILD (the child's path, placed at the home manager's
// home), PASSWORD, TAP_START, TAP_COUNT as in flow.mjs.  Prints TAP
// lines and saves a screenshot of every step as SHOTS_DIR/NN-step.png.
// Bounded: each action times out after 15 s, the whole run after 150 s.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import * as B from './lib.mjs';

const [base, shots] = process.argv.slice(2);
if (!base || !shots) {
	console.error('usage: node tests/browser/missing.mjs BASE_URL SHOTS_DIR');
	process.exit(2);
}
const password = B.DEMO_PASSWORD;
const child = process.env.CHILD || '/children/W06000015/C08';
const domain = 'demo.cartref.wales';
const ok = (cond, what, note) => B.tap.ok(cond, what, note);
const watchdog = B.watchdog(150);

// The boxes of a GOV.UK date input, days and hours before now, as a
// clock in the UK shows it (the forms take UK local time); now is the
// server's, moved by CARTREF_CLOCK_OFFSET (tests/t/lib.sh clock_at).
function boxes(days, hours) {
	const offset = Number(process.env.CARTREF_CLOCK_OFFSET || 0) * 1000;
	const t = new Date(Date.now() + offset - days * 86400000 -
			   hours * 3600000);
	const parts = Object.fromEntries(new Intl.DateTimeFormat('en-GB', {
		timeZone: 'Europe/London', year: 'numeric', month: 'numeric',
		day: 'numeric', hour: '2-digit', minute: '2-digit',
		hourCycle: 'h23' }).formatToParts(t).map((p) => [p.type, p.value]));
	return { day: parts.day.replace(/^0/, ''),
		 month: parts.month.replace(/^0/, ''), year: parts.year,
		 hour: parts.hour, minute: parts.minute };
}

mkdirSync(shots, { recursive: true });
let browser;
try {
	browser = await B.launch();
} catch (e) {
	ok(false, 'chromium starts', e.message);
	B.finish(1);
}
ok(true, 'chromium starts (headless)');

const consoleErrors = [];
let shot = 0;
let page;

async function as(who) {
	const context = await browser.newContext({ viewport: { width: 1024, height: 900 } });
	page = await context.newPage();
	page.setDefaultTimeout(15000);
	page.setDefaultNavigationTimeout(15000);
	page.on('console', (m) => {
		if (m.type() === 'error' && !m.text().startsWith('Failed to load resource'))
			consoleErrors.push(m.text());
	});
	page.on('pageerror', (e) => consoleErrors.push(String(e)));
	await page.goto(`${base}/sign-in`);
	await page.fill('#email', `${who}@${domain}`);
	await page.fill('#password', password);
	await Promise.all([
		page.waitForURL((u) => u.pathname !== '/sign-in'),
		page.click('main form button[type="submit"]'),
	]);
	ok(new URL(page.url()).pathname === '/home', `signed in as ${who}`, page.url());
	return context;
}
async function snap(name) {
	shot++;
	const file = join(shots, `${String(shot).padStart(2, '0')}-${name}.png`);
	await page.screenshot({ path: file, fullPage: true });
	console.log(`# screenshot ${file}`);
}
async function fillWhen(id, w) {
	for (const k of ['day', 'month', 'year', 'hour', 'minute'])
		if (await page.locator(`#${id}-${k}`).count())
			await page.fill(`#${id}-${k}`, w[k]);
}
async function submit(selector) {
	await Promise.all([
		page.waitForLoadState('load'),
		page.waitForNavigation(),
		page.click(selector),
	]);
}
const main = () => page.textContent('main');

let episode = '';
try {
	// 1. the home manager reports the child missing
	let ctx = await as('home-manager');
	await page.goto(`${base}${child}`);
	ok(await page.isVisible('a.govuk-button:has-text("Report missing or away")'),
	   'the child\'s record offers "Report missing or away"');
	await snap('home-child-record');
	await submit('a.govuk-button:has-text("Report missing or away")');
	ok(new URL(page.url()).pathname === `${child}/missing/new`, 'the report form opens');
	await page.check('#kind');
	await submit('main form button[type="submit"]');
	ok(await page.isVisible('.govuk-error-summary'), 'a mistake gives the error summary');
	ok(await page.isVisible('.govuk-error-summary a[href="#started_at-day"]'),
	   'which links to the date of going missing');
	ok(await page.isChecked('#kind'), 'the choice made is kept');
	await snap('home-report-errors');
	await page.click('.govuk-error-summary a[href="#started_at-day"]');
	ok(await page.evaluate(() => document.activeElement && document.activeElement.id) === 'started_at-day',
	   'following the link puts the cursor in the day box');
	await fillWhen('started_at', boxes(5, 0));
	await fillWhen('last_seen_at', boxes(5, 1));
	await page.fill('#last_seen_place', 'Queen Street, Cardiff');
	await page.fill('#circumstances', 'Did not come back from college.\nPhone switched off.');
	await page.fill('#home_actions', 'Searched the area, rang friends, called 101.');
	await page.check('#exploitation');
	await page.fill('#associates', 'Older males in a silver car');
	await snap('home-report-filled');
	await submit('main form button[type="submit"]');
	const m = new URL(page.url()).pathname.match(/^\/missing\/(\d+)$/);
	ok(m, 'the report goes to the episode\'s page', page.url());
	episode = m ? m[1] : '';
	ok((await main()).includes('Reported. The council and the police can see it now.'),
	   'with a success banner');
	await snap('home-episode');
	await ctx.close();

	// 2. the police grade it and record the return
	ctx = await as('police');
	ok(await page.isVisible(`main a[href="/missing/${episode}"]`),
	   'the police\'s home page lists the episode');
	await snap('police-home');
	await submit(`main a[href="/missing/${episode}"]`);
	await page.fill('#police_ref', 'SWP-19-0042');
	await page.check('input[name="risk_grade"][value="high"]');
	await submit('form[action$="/police"] button');
	ok((await main()).includes('Saved'), 'the police record is saved');
	ok(await page.isChecked('input[name="risk_grade"][value="high"]'), 'graded high');
	await fillWhen('returned_at', boxes(4, 1));
	await page.fill('#returned_place', 'Cardiff Central station');
	await submit('form[action$="/return"] button');
	ok((await main()).includes('Cardiff Central station'), 'the return is recorded');
	await snap('police-returned');
	await ctx.close();

	// 3. the social worker
	ctx = await as('social-worker');
	await page.goto(`${base}/alerts`);
	ok((await main()).includes('Return interview not held in time'),
	   'the social worker sees the 72-hour alert');
	await snap('sw-alerts');
	await page.goto(`${base}/missing/${episode}`);
	await fillWhen('ri_offered_at', boxes(1, 0));
	await fillWhen('ri_held_at', boxes(0, 1));
	await page.fill('#ri_by', 'Jo Advocate (independent)');
	await page.check('#ri_independent');
	await page.check('#ri_outcome');
	await page.fill('#ri_summary', 'Went to see friends in the Bay; agreed a safety plan.');
	await submit('form[action$="/interview"] button');
	ok((await main()).includes('Saved'), 'the late return interview is saved');
	await snap('sw-interview');
	await page.goto(`${base}/alerts`);
	await submit('main table a:has-text("Return interview not held in time")');
	await page.fill('#ack-note', 'Interview was late: checking with the advocacy service.');
	await submit('form[action$="/acknowledge"] button');
	ok((await main()).includes('Saved: the alert is acknowledged'), 'acknowledged with a note');
	await page.fill('#resolve-note', 'Late because the child was away again; discussed.');
	await submit('form[action$="/resolve"] button');
	const text = await main();
	ok(text.includes('Saved: the alert is resolved') && text.includes(`social-worker@${domain}`),
	   'resolved, by a named user');
	await snap('sw-alert-resolved');

	// 4. Welsh, by the language switch, on the alert's page
	await Promise.all([
		page.waitForLoadState('load'),
		page.click('a[hreflang="cy"]'),
	]);
	await page.waitForFunction(() => document.documentElement.lang === 'cy');
	ok((await main()).includes('Cyfweliad dychwelyd heb ei gynnal mewn pryd'),
	   'the alert reads in Welsh');
	await snap('sw-alert-welsh');
	await page.goto(`${base}/missing/${episode}`);
	ok((await main()).includes('Cyfweliad dychwelyd'), 'and so does the episode');
	await snap('sw-episode-welsh');
	await ctx.close();

	ok(consoleErrors.length === 0, 'no console errors (CSP violations included)',
	   consoleErrors.join('\n'));
} catch (e) {
	ok(false, 'the browser flow runs to the end', e.stack || String(e));
	if (page)
		await snap('failed').catch(() => {});
}
clearTimeout(watchdog);
await browser.close().catch(() => {});
B.finish();
