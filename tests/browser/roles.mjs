// tests/browser/roles.mjs: every role's first screen and pages, as the
// person doing that job sees them on the demo: Debian's chromium,
// headless, through playwright-core (tests/browser/lib.mjs).  Run by
// tests/t/t0890-roles.sh on a store made by `cartref demo-data` for
// today and the demo users:
//
//	node tests/browser/roles.mjs BASE_URL SHOTS_DIR
//
// For each demo role, in English and in Welsh:
//   - the home page: a screenshot (SHOTS_DIR/NN-home-ROLE-LANG.png);
//     nothing impossible on it (no "UTC", no machine timestamps, no GSS
//     codes or URNs in the text, no child of 18 or over on a list, no
//     one missing for months); the "do first" list bounded (at most 20
//     items shown, and each a link); the role's main task one click away
//     (a link on the page);
//   - every page the role's home page and navigation lead to (and the
//     first child, episode, alert and home they link): it opens, and
//     axe-core (WCAG 2.0/2.1/2.2 A and AA) finds nothing; it reflows at
//     320 CSS px but inside data tables' scroll regions (English).
// Prints TAP (lib.mjs); bounded in time.
import * as B from './lib.mjs';

const [base, shots] = process.argv.slice(2);
if (!base || !shots) {
	console.error('usage: node tests/browser/roles.mjs BASE_URL SHOTS_DIR');
	process.exit(2);
}
const t = B.tap;
B.watchdog(Number(process.env.ROLES_SECONDS || 900));

const D = 'demo.cartref.wales';
// role, email, the link that is its main task (on the home page)
const ROLES = [
	{ role: 'inspector', main: 'a[href="/homes"]' },
	{ role: 'analyst', main: 'a[href="/dashboard"]' },
	{ role: 'social-worker', main: 'a[href="/children"]' },
	{ role: 'placements', main: 'a[href="/children?placed=home"]' },
	{ role: 'home-manager', main: 'a[href="/missing/report"]' },
	{ role: 'police', main: 'a[href="/children"]' },
	{ role: 'admin', main: 'a[href="/admin/users"]' },
];
const DO_FIRST_MAX = 20;

// What the first screen must never show, in its visible text.
function impossible(text) {
	const bad = [];
	const utc = text.match(/\bUTC\b/);
	const iso = text.match(/\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
	const gss = text.match(/\b[EWSN]\d{8}\b/);
	const urn = text.match(/\bW\d{7}\b/);

	if (utc)
		bad.push('a time in UTC, not UK time');
	if (iso)
		bad.push(`a machine timestamp: ${iso[0]}`);
	if (gss)
		bad.push(`a GSS code instead of a council's name: ${gss[0]}`);
	if (urn)
		bad.push(`a URN instead of a home's name: ${urn[0]}`);
	// "C123456, 15": a child on a list, with its age
	for (const m of text.matchAll(/\bC\d{6}, (\d{1,3})\b/g))
		if (Number(m[1]) >= 18)
			bad.push(`a young person of ${m[1]} listed as a child: ${m[0]}`);
	// "missing for 12 days", "ar goll ers 12 diwrnod"
	for (const m of text.matchAll(/(?:missing|away) for (\d+) days|ers (\d+) diwrnod/g)) {
		const days = Number(m[1] || m[2]);

		if (days > 90)
			bad.push(`missing for ${days} days`);
	}
	for (const m of text.matchAll(/(\d[\d,]*) hours/g))
		if (Number(m[1].replace(/,/g, '')) > 24 * 90)
			bad.push(`missing for ${m[1]} hours`);
	return bad;
}

// The pages a role reaches from its home page: navigation, its pages,
// and the first of each kind of record linked from them.
async function pagesOf(page) {
	return page.evaluate(() => {
		const want = [];
		const seen = new Set();
		const kinds = [/^\/children\/[A-Z0-9]+\/[A-Za-z0-9]+$/,
			       /^\/missing\/\d+$/, /^\/alerts\/\d+$/,
			       /^\/homes\/[A-Z0-9]+$/];
		const got = kinds.map(() => false);

		for (const a of document.querySelectorAll('main a[href], nav a[href]')) {
			const u = new URL(a.href);
			const p = u.pathname + u.search;

			if (u.origin !== location.origin || seen.has(p) ||
			    p.startsWith('/assets') || p === '/sign-in')
				continue;
			const k = kinds.findIndex((re) => re.test(u.pathname));

			if (k >= 0) {
				if (got[k])
					continue;
				got[k] = true;
			}
			seen.add(p);
			want.push(p);
		}
		return want;
	});
}

const browser = await B.launch();
const counts = [];

for (const r of ROLES) {
	const email = `${r.role}@${D}`;

	for (const lang of ['en', 'cy']) {
		const page = await B.newPage(browser, { lang });
		const what = `${r.role} (${lang})`;

		if (!await B.signIn(page, base, email)) {
			await page.context().close();
			continue;
		}
		await B.visit(page, `${base}/home?lang=${lang}`, 200, `${what} home`);
		await B.screenshot(page, shots, `home-${r.role}-${lang}`);
		const text = await page.evaluate(() => document.querySelector('main').innerText);
		const bad = impossible(text);

		t.ok(!bad.length, `${what}: nothing impossible on the first screen`,
		     bad.join('\n'));
		const items = await page.$$eval('[data-cartref="do-first"] > li',
			(li) => li.map((e) => e.querySelector('a') ? 1 : 0));
		const total = await page.evaluate(() => {
			const p = document.querySelector('[data-cartref-total]');

			return p ? Number(p.dataset.cartrefTotal) : 0;
		});

		t.ok(items.length <= DO_FIRST_MAX,
		     `${what}: the "do first" list shows at most ${DO_FIRST_MAX} items (${items.length})`);
		t.ok(items.every((x) => x === 1),
		     `${what}: every "do first" item is a link to do it`);
		if (lang === 'en')
			counts.push(`${r.role}: ${items.length} shown, ${total} in all`);
		t.ok(await page.$(`main ${r.main}`) !== null,
		     `${what}: the main task is one click away (${r.main})`);
		await B.checkAxe(page, `${what} home`);
		await B.checkRequests(page, `${what} home`);
		await B.checkReflow(page, `${what} home`);

		// the pages it leads to, and one level on the first record of
		// each kind they link (a child, an episode, an alert, a home)
		const seen = new Set(['/home']);
		let todo = await pagesOf(page);

		for (let depth = 0; depth < 2 && todo.length; depth++) {
			const next = [];

			for (const p of todo) {
				const kind = p.replace(/\/[^/?]+$/, '/*');
				const url = `${base}${p}${p.includes('?') ? '&' : '?'}lang=${lang}`;

				if (seen.has(p) || seen.has(kind) || p.startsWith('/home?'))
					continue;
				seen.add(p);
				if (/\/(children|missing|alerts|homes|admin\/users)\/[^/]+/.test(p))
					seen.add(kind);
				if (await B.visit(page, url, 200, `${what} ${p}`) !== 200)
					continue;
				await B.checkAxe(page, `${what} ${p}`);
				if (lang === 'en')
					await B.checkReflow(page, `${what} ${p}`);
				// one level on: a record of each kind not seen yet
				if (depth === 0)
					next.push(...(await pagesOf(page)).filter((q) =>
						/^\/(children|missing|alerts|homes|admin\/users)\/[^/?]+(\/[^/?]+)?(\/missing\/new|\/grab-pack)?$/.test(q) &&
						!seen.has(q.replace(/\/[^/?]+$/, '/*'))));
			}
			todo = next;
		}
		await page.context().close();
	}
}
t.note(`do first (demo, today): ${counts.join('; ')}`);
await browser.close();
B.finish();
