// tests/browser/quality.mjs: issue 13's "done when" in a real browser
// (Debian's chromium, headless, driven by playwright-core): the demo
// inspector records an inspection of the demo home manager's home with a
// priority action notice due in 7 days (first with a mistake: the error
// summary) and sees it on the home's profile; the home manager answers
// the notice with an action plan and files a reg 60 notification; after
// the notice's date has passed and the alerts have run (the shell
// script runs `cartref alerts run --now` between the two phases), the
// inspector and the home manager see the alert, and Cardiff's placements
// officer reads the home's record.  Every page in English and in Welsh,
// checked with axe-core.  Run by tests/t/t0925-quality-browser.sh:
//
//	node tests/browser/quality.mjs BASE_URL SHOTS_DIR record|after
//
// Environment: HOME_URN (the home manager's home), CHILD ("LA/REF", a
// child placed there, whom the notification is about), ALERTS ("1" when the
// alerts run raised the notice's alert, else the reason it is skipped),
// PASSWORD, TAP_START, TAP_COUNT as in flow.mjs.  Prints TAP lines and
// saves a screenshot of every step in SHOTS_DIR.  Bounded: each action
// times out after 15 s, the whole run after 150 s.
import { mkdirSync } from 'node:fs';
import * as B from './lib.mjs';

const [base, shots, phase] = process.argv.slice(2);
if (!base || !shots || (phase !== 'record' && phase !== 'after')) {
	console.error('usage: node tests/browser/quality.mjs BASE_URL SHOTS_DIR record|after');
	process.exit(2);
}
const urn = process.env.HOME_URN || 'W0000001';
const child = process.env.CHILD || 'W06000015/C08';
const domain = 'demo.cartref.wales';
const ok = (cond, what, note) => B.tap.ok(cond, what, note);
const watchdog = B.watchdog(150);

// The boxes of a GOV.UK date input, days from now (negative: before),
// as a clock in the UK shows it; now is the server's, moved by
// CARTREF_CLOCK_OFFSET (tests/t/lib.sh clock_at).
function boxes(days, hours = 0) {
	const offset = Number(process.env.CARTREF_CLOCK_OFFSET || 0) * 1000;
	const t = new Date(Date.now() + offset + days * 86400000 +
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
ok(true, `chromium starts (headless): phase ${phase}`);

const consoleErrors = [];
let page;
let context;

async function as(who) {
	if (context)
		await context.close();
	context = await browser.newContext({ viewport: { width: 1024, height: 900 } });
	page = await context.newPage();
	page.setDefaultTimeout(15000);
	page.setDefaultNavigationTimeout(15000);
	page.on('console', (m) => {
		if (m.type() === 'error' && !m.text().startsWith('Failed to load resource'))
			consoleErrors.push(m.text());
	});
	page.on('pageerror', (e) => consoleErrors.push(String(e)));
	await B.signIn(page, base, `${who}@${domain}`);
}
async function snap(name) {
	await B.screenshot(page, shots, `${phase}-${name}`);
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

// The page now, checked and shot, then the same page in Welsh (by the
// language switch) and back to English.
async function bothLanguages(name, en, cy) {
	ok((await main()).includes(en), `${name}: reads "${en}"`);
	await B.checkAxe(page, name);
	await snap(name);
	await Promise.all([
		page.waitForLoadState('load'),
		page.click('a[hreflang="cy"]'),
	]);
	await page.waitForFunction(() => document.documentElement.lang === 'cy');
	ok((await main()).includes(cy), `${name} in Welsh: reads "${cy}"`);
	await B.checkAxe(page, `${name} in Welsh`);
	await snap(`${name}-cy`);
	await Promise.all([
		page.waitForLoadState('load'),
		page.click('a[hreflang="en"]'),
	]);
	await page.waitForFunction(() => document.documentElement.lang === 'en');
}

async function record() {
	// 1. the inspector records an inspection from the home's profile
	await as('inspector');
	await page.goto(`${base}/homes/${urn}`);
	ok(await page.isVisible('a.govuk-button:has-text("Record an inspection")'),
	   'the home\'s profile offers "Record an inspection"');
	await bothLanguages('profile-before', 'Quality of care', 'Ansawdd y gofal');
	await submit('a.govuk-button:has-text("Record an inspection")');
	ok(B.path(page) === `/homes/${urn}/inspections/new`, 'the inspection form opens');
	await bothLanguages('inspection-form', 'Record an inspection', 'Cofnodi arolygiad');
	await page.check('#type');
	await page.fill('#inspectors', 'Ann Inspector');
	await submit('main form button[type="submit"]');
	ok(await page.isVisible('.govuk-error-summary'), 'a form with nothing in it gives the error summary');
	ok(await page.isVisible('.govuk-error-summary a[href="#start-day"]'),
	   'which links to the first day');
	ok(await page.isVisible('.govuk-error-summary a[href="#r-wellbeing"]'),
	   'and to each rating not chosen');
	ok(await page.inputValue('#inspectors') === 'Ann Inspector', 'what was typed is kept');
	await B.checkAxe(page, 'inspection form with errors');
	await snap('inspection-errors');
	await fillWhen('start', boxes(-2));
	await fillWhen('end', boxes(-1));
	await page.selectOption('#r-wellbeing', 'good');
	await page.selectOption('#r-care_support', 'good');
	await page.selectOption('#r-environment', 'good');
	await page.selectOption('#r-leadership', 'needs_improvement');
	await page.fill('#summary', 'Children are settled; night staffing is too thin.');
	await page.selectOption('#f1-kind', 'pan');
	await page.fill('#f1-reg', 'reg 34');
	await page.fill('#f1-text', 'Have enough staff on duty at night to keep children safe.');
	await fillWhen('f1-due', boxes(7));
	await page.selectOption('#f2-kind', 'afi');
	await page.fill('#f2-reg', 'reg 59');
	await page.fill('#f2-text', 'Keep a record of each child going missing.');
	await snap('inspection-filled');
	await submit('main form button[type="submit"]');
	const m = B.path(page).match(/^\/inspections\/(\d+)\?saved=recorded$/);
	ok(m, 'recording goes to the inspection', B.path(page));
	const inspection = m ? m[1] : '';
	ok((await main()).includes('The inspection is recorded'), 'with a success banner');
	await bothLanguages('inspection', 'Priority action notice: reg 34', 'Canfyddiadau');

	// 2. on the home's profile: the notice, what to look at first
	await page.goto(`${base}/homes/${urn}`);
	const text = await main();
	ok(text.includes('Findings still to be put right') &&
	   text.includes('Priority action notice: reg 34'),
	   'the home\'s profile lists the notice to be put right');
	ok(await page.isVisible(`main a[href="/inspections/${inspection}"]`),
	   'and links the latest inspection');
	await bothLanguages('profile-inspected', 'Needs improvement', 'Angen gwella');

	// 3. the home manager answers the notice
	await as('home-manager');
	await page.goto(`${base}/homes/${urn}`);
	ok(await page.isVisible('a.govuk-button:has-text("File a notification")'),
	   'the home manager is offered "File a notification"');
	await submit('main table a:has-text("Priority action notice")');
	ok(B.path(page) === `/inspections/${inspection}`, 'the notice opens its inspection');
	const plan = page.locator('textarea[id^="plan-"]').first();
	ok(await plan.count() === 1, 'with a form to send an action plan');
	const id = (await plan.getAttribute('id')).replace('plan-', '');
	await bothLanguages('respond-form', 'Your action plan', 'Eich cynllun gweithredu');
	await plan.fill('Two more waking night staff from next week; rota attached.');
	await fillWhen(`target-${id}`, boxes(5));
	await submit(`form[action="/findings/${id}/response"] button`);
	ok((await main()).includes('Your response is sent to the inspectorate.'),
	   'the response is sent');
	await bothLanguages('responded', 'Two more waking night staff', 'Ymateb y darparwr');

	// 4. and files a reg 60 notification
	await page.goto(`${base}/homes/${urn}/notifications/new`);
	await bothLanguages('notification-form', 'File a notification', 'Cyflwyno hysbysiad');
	await page.selectOption('#category', 'police');
	await page.selectOption('#child', child);
	await fillWhen('occurred', boxes(-1, -3));
	await page.fill('#summary', 'Police called after a fight between two young people.');
	await page.fill('#action', 'Staff separated them; both checked by a nurse.');
	await submit('main form button[type="submit"]');
	ok(B.path(page) === `/homes/${urn}/notifications?saved=filed`,
	   'filing goes to the home\'s notifications', B.path(page));
	await bothLanguages('notifications', 'Police called after a fight', 'Hysbysiadau');
}

async function after() {
	const alerts = process.env.ALERTS || 'not run';

	// 5. the notice's date has passed: the alert, for the inspectorate and
	// the provider
	for (const who of ['inspector', 'home-manager']) {
		await as(who);
		if (alerts !== '1') {
			B.tap.skip(`${who} sees the overdue notice's alert`, alerts);
			continue;
		}
		await page.goto(`${base}/alerts`);
		const t = await main();
		ok(/[Pp]riority action notice/.test(t),
		   `${who} sees the overdue notice's alert`, t.slice(0, 600));
		await bothLanguages(`alerts-${who}`, 'Alerts', 'Rhybuddion');
	}

	// 6. the council's placements officer reads the home's record
	await as('placements');
	await page.goto(`${base}/homes/${urn}`);
	const t = await main();
	ok(t.includes('Quality of care') && t.includes('Priority action notice: reg 34'),
	   'the placements officer sees the home\'s record and the notice');
	ok(t.includes('Overdue by'), 'overdue now');
	ok(!await page.isVisible('a.govuk-button:has-text("Record an inspection")'),
	   'and is offered no inspector\'s button');
	await bothLanguages('placements-profile', 'Quality of care', 'Ansawdd y gofal');
	await submit('main table a:has-text("Priority action notice")');
	ok(/^\/inspections\/\d+$/.test(B.path(page)), 'and opens the inspection');
	ok(await page.locator('textarea[id^="plan-"]').count() === 0,
	   'with no response form');
	await bothLanguages('placements-inspection', 'Two more waking night staff',
			    'Ymateb y darparwr');
}

try {
	if (phase === 'record')
		await record();
	else
		await after();
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
