// tests/browser/lib.mjs: what cartref's browser tests share.  Debian's
// chromium, headless, driven by playwright-core; axe-core for
// accessibility; TAP output that tests/t/*.sh count.
//
//	import * as B from './lib.mjs';
//
//	const t = B.tap;			// TAP lines: t.ok(cond, what, note)
//	B.watchdog(300);			// the whole run is bounded
//	const browser = await B.launch();
//	const page = await B.newPage(browser);	// 1,024 x 900, watched
//	await B.visit(page, `${base}/help?lang=cy`, 200, 'help (cy)');
//	await B.checkAxe(page, 'help (cy)');	// WCAG 2.0/2.1/2.2 A and AA
//	await B.checkReflow(page, 'help (cy)');	// 320 CSS px
//	await B.checkRequests(page, 'help (cy)'); // any 4xx/5xx asset fails
//	await B.screenshot(page, shots, 'help-cy');
//	await B.signIn(page, base, 'inspector@demo.cartref.wales');
//	await browser.close();
//	B.finish();				// exit 1 if anything failed
//
// TAP: every check prints "ok N - what" or "not ok N - what" and, on
// failure, "#   " lines with the details; notes are "# " lines.  N
// continues from $TAP_START (the checks the calling script already
// printed), and finish() writes the last N to the file $TAP_COUNT, as
// tests/t/t0850-browser.sh reads them.
//
// Exports:
//   tap                     the run's TAP counter: ok(), skip(), note(),
//                           failed
//   finish(code)            write $TAP_COUNT, exit (1 if any check failed)
//   watchdog(seconds)       fail and exit when the run takes longer
//   launch(), newPage(browser, {viewport, lang})
//                           chromium with the flags the tests use; a page
//                           whose failed requests, console errors and
//                           CSP violations are collected (watch())
//   visit(page, url, status, what)
//                           open url, check the status; returns it
//   signIn(page, base, email, password), signOut(page)
//   checkAxe(page, what, {exclude})
//                           axe-core (npm devDependency) with the WCAG
//                           2.0, 2.1 and 2.2 A and AA rules: one check,
//                           failing with each violation's rule, impact,
//                           help and elements
//   checkReflow(page, what, {width})
//                           at 320 CSS px (WCAG 1.4.10) the page does not
//                           scroll sideways; only the data tables' scroll
//                           regions may; names what sticks out
//   checkRequests(page, what), checkConsole(page, what)
//                           nothing failed to load (4xx/5xx, fonts
//                           included; waits for the network to settle)
//                           and no console error since the last call
//   checkScrollRegions(page, what)
//                           each data table's region is named, focusable,
//                           shows focus and scrolls with the keyboard
//   checkStickyColumn(page, what)
//                           the first column stays in view when a wide
//                           table is scrolled
//   checkKeyboard(page, what, {maxTabs})
//                           Tab reaches controls, each with a visible
//                           focus indicator
//   checkFooter(page, what) the service pages' links in the footer
//   screenshot(page, dir, name, {fullPage, width})
//                           NN-name.png in dir (at width CSS px if
//                           given), noted in the TAP output
//
// The server's Content-Security-Policy allows no inline script: axe is
// put into the page through the DevTools protocol (page.evaluate with
// its source), which the CSP does not govern; the page itself never
// runs anything but its own files.
import { chromium } from 'playwright-core';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

export const CHROMIUM = '/usr/bin/chromium';
export const LAUNCH_ARGS = ['--headless', '--no-sandbox', '--disable-gpu',
	'--disable-background-networking', '--disable-quic',
	'--no-first-run', '--disable-component-update', '--disable-sync'];
export const DEMO_PASSWORD = process.env.PASSWORD || 'demo-only-cartref';
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa',
	'wcag22aa'];
export const SERVICE_LINKS = ['/help', '/accessibility', '/privacy',
	'/cookies'];

// ---- TAP ---------------------------------------------------------------

class Tap {
	constructor() {
		this.n = Number(process.env.TAP_START || 0);
		this.failed = 0;
	}

	ok(cond, what, note) {
		this.n++;
		if (cond) {
			console.log(`ok ${this.n} - ${what}`);
		} else {
			this.failed++;
			console.log(`not ok ${this.n} - ${what}`);
			if (note)
				console.log(String(note).split('\n')
					.map((l) => `#   ${l}`).join('\n'));
		}
		return Boolean(cond);
	}

	skip(what, why) {
		this.n++;
		console.log(`ok ${this.n} # skip ${what}: ${why}`);
	}

	note(text) {
		console.log(String(text).split('\n').map((l) => `# ${l}`).join('\n'));
	}
}

export const tap = new Tap();

export function finish(code) {
	if (process.env.TAP_COUNT)
		writeFileSync(process.env.TAP_COUNT, `${tap.n}\n`);
	process.exit(code ?? (tap.failed ? 1 : 0));
}

export function watchdog(seconds) {
	const t = setTimeout(() => {
		tap.ok(false, `the browser run finishes within ${seconds} s`);
		finish(1);
	}, seconds * 1000);
	t.unref();
	return t;
}

// ---- the browser -----------------------------------------------------------

export async function launch() {
	return chromium.launch({
		executablePath: CHROMIUM,
		headless: true,
		timeout: 30000,
		args: LAUNCH_ARGS,
	});
}

// What went wrong in a page since the last check: failed requests (any
// 4xx or 5xx but the document's own status, which visit() checks, and
// requests that never completed), console errors (CSP violations
// included) and uncaught exceptions.
function watch(page) {
	const w = { failed: [], console: [] };
	const seen = new Set();

	page.on('response', (r) => {
		const req = r.request();

		if (r.status() < 400 || (req.isNavigationRequest() &&
					 req.frame() === page.mainFrame()))
			return;
		seen.add(req);
		w.failed.push(`${r.status()} ${req.resourceType()} ` +
			      `${new URL(r.url()).pathname}`);
	});
	page.on('requestfailed', (req) => {
		const why = req.failure() ? req.failure().errorText : '?';

		// a response already counted (a 404 is also aborted), or a
		// load the next navigation cut short (the favicon of a page
		// left at once)
		if (seen.has(req) || why === 'net::ERR_ABORTED')
			return;
		w.failed.push(`${why} ${req.resourceType()} ` +
			      `${new URL(req.url()).pathname}`);
	});
	page.on('console', (m) => {
		if (m.type() === 'error' &&
		    !m.text().startsWith('Failed to load resource'))
			w.console.push(m.text());
	});
	page.on('pageerror', (e) => w.console.push(String(e)));
	page._cartref = w;
	return w;
}

export async function newPage(browser, opts = {}) {
	const context = await browser.newContext({
		viewport: opts.viewport || { width: 1024, height: 900 },
		locale: opts.lang === 'cy' ? 'cy-GB' : 'en-GB',
	});
	const page = await context.newPage();

	page.setDefaultTimeout(15000);
	page.setDefaultNavigationTimeout(15000);
	watch(page);
	return page;
}

export function path(page) {
	const u = new URL(page.url());

	return u.pathname + u.search;
}

export async function visit(page, url, status, what) {
	let r;

	try {
		r = await page.goto(url);
	} catch (e) {
		tap.ok(false, `${what}: opens`, e.message);
		return 0;
	}
	const got = r ? r.status() : 0;

	tap.ok(got === status, `${what}: ${new URL(url).pathname} answers ${status}`,
	       `status ${got}`);
	return got;
}

export async function signIn(page, base, email, password = DEMO_PASSWORD) {
	await page.goto(`${base}/sign-in`);
	await page.fill('#email', email);
	await page.fill('#password', password);
	await Promise.all([
		page.waitForURL((u) => u.pathname !== '/sign-in'),
		page.click('main form[action="/sign-in"] button[type="submit"]'),
	]);
	return tap.ok(new URL(page.url()).pathname === '/home',
		      `signed in as ${email}`, `at ${path(page)}`);
}

export async function signOut(page) {
	await Promise.all([
		page.waitForURL((u) => u.pathname === '/sign-in'),
		page.click('form[action="/sign-out"] button'),
	]);
}

let shotN = 0;

export async function screenshot(page, dir, name, opts = {}) {
	mkdirSync(dir, { recursive: true });
	shotN++;
	const file = join(dir, `${String(shotN).padStart(2, '0')}-${name}.png`);

	const before = page.viewportSize();

	if (opts.width)
		await page.setViewportSize({ width: opts.width, height: opts.height || 640 });
	try {
		await page.screenshot({ path: file, fullPage: opts.fullPage ?? true });
	} finally {
		if (opts.width && before)
			await page.setViewportSize(before);
	}
	tap.note(`screenshot ${file}`);
	return file;
}

// ---- checks --------------------------------------------------------------

let axeSource;

function axeScript() {
	if (!axeSource) {
		const require = createRequire(import.meta.url);

		axeSource = readFileSync(require.resolve('axe-core/axe.min.js'),
					 'utf8');
	}
	return axeSource;
}

export async function checkAxe(page, what, opts = {}) {
	let res;

	try {
		if (!await page.evaluate(() => typeof window.axe === 'object'))
			await page.evaluate(axeScript());
		res = await page.evaluate(([tags, exclude]) => window.axe.run(
			exclude.length ? { exclude: exclude.map((s) => [s]) } : document,
			{ runOnly: { type: 'tag', values: tags },
			  resultTypes: ['violations', 'incomplete'] }),
			[AXE_TAGS, opts.exclude || []]);
	} catch (e) {
		return tap.ok(false, `${what}: axe-core runs`, e.message);
	}
	const lines = [];

	for (const v of res.violations) {
		lines.push(`${v.id} (${v.impact}): ${v.help} [${v.tags.filter((t) => t.startsWith('wcag')).join(', ')}]`);
		lines.push(`  ${v.helpUrl}`);
		for (const node of v.nodes.slice(0, 5)) {
			lines.push(`  at ${node.target.join(' ')}: ${node.html.slice(0, 160)}`);
			if (node.failureSummary)
				lines.push(...node.failureSummary.split('\n')
					.map((l) => `    ${l}`));
		}
		if (v.nodes.length > 5)
			lines.push(`  ... and ${v.nodes.length - 5} more`);
	}
	if (res.incomplete.length)
		tap.note(`${what}: axe asks for a person to review: ` +
			 res.incomplete.map((v) => `${v.id} (${v.nodes.length})`).join(', '));
	return tap.ok(res.violations.length === 0,
		      `${what}: axe-core finds no WCAG 2.2 A or AA violation`,
		      lines.join('\n'));
}

export async function checkReflow(page, what, opts = {}) {
	const width = opts.width || 320;
	const before = page.viewportSize();
	let r;

	await page.setViewportSize({ width, height: opts.height || 640 });
	try {
		r = await page.evaluate(() => {
			const doc = document.documentElement;
			const out = [];
			const inRegion = (el) => el.closest('.cartref-table-scroll, .cartref-scroll');

			if (doc.scrollWidth > doc.clientWidth) {
				for (const el of document.body.querySelectorAll('*')) {
					const b = el.getBoundingClientRect();

					if (b.right > doc.clientWidth + 1 && b.width > 0 &&
					    !inRegion(el) && out.length < 8)
						out.push(`${el.tagName.toLowerCase()}` +
							 `${el.id ? '#' + el.id : ''}` +
							 `${el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\s+/).join('.') : ''}` +
							 ` right edge ${Math.round(b.right)} px: ` +
							 `${(el.textContent || '').trim().slice(0, 60)}`);
				}
			}
			return { scroll: doc.scrollWidth, client: doc.clientWidth, out };
		});
	} finally {
		if (before)
			await page.setViewportSize(before);
	}
	return tap.ok(r.scroll <= r.client,
		      `${what}: reflows at ${width} CSS px (no sideways scrolling but in tables)`,
		      `page is ${r.scroll} px wide in ${r.client} px:\n${r.out.join('\n')}`);
}

export async function checkRequests(page, what) {
	const w = page._cartref;

	// what the page loads after its load event (the favicon) too
	await page.waitForLoadState('networkidle', { timeout: 5000 }).catch(() => {});
	const failed = [...new Set(w.failed.splice(0))];

	return tap.ok(failed.length === 0,
		      `${what}: every request the page makes succeeds (fonts, styles, images)`,
		      failed.join('\n'));
}

export function checkConsole(page, what) {
	const w = page._cartref;
	const errors = w.console.splice(0);

	return tap.ok(errors.length === 0,
		      `${what}: no console errors (CSP violations included)`,
		      errors.join('\n'));
}

export async function checkFooter(page, what) {
	const hrefs = await page.$$eval('footer a',
		(as) => as.map((a) => a.getAttribute('href')));
	const missing = SERVICE_LINKS.filter((h) => !hrefs.includes(h));

	return tap.ok(missing.length === 0,
		      `${what}: the footer links help, accessibility, privacy and cookies`,
		      `missing: ${missing.join(' ')}; footer has: ${hrefs.join(' ')}`);
}

// The data tables' scroll regions: named, in the tab order, a visible
// focus ring, and when one is wider than its room, the arrow keys
// scroll it.
export async function checkScrollRegions(page, what) {
	const regions = await page.$$('.cartref-table-scroll');
	const problems = [];
	let scrolled = 0, wide = 0;

	for (const [i, el] of regions.entries()) {
		const info = await el.evaluate((r) => {
			const by = r.getAttribute('aria-labelledby');
			const named = by ? document.getElementById(by) : null;

			return {
				role: r.getAttribute('role'),
				tabindex: r.getAttribute('tabindex'),
				name: (r.getAttribute('aria-label') ||
				       (named ? named.textContent : '')).trim(),
				wide: r.scrollWidth > r.clientWidth + 1,
			};
		});

		if (info.role !== 'region' || info.tabindex !== '0' || !info.name)
			problems.push(`region ${i + 1}: role ${info.role}, tabindex ${info.tabindex}, name "${info.name}"`);
		await el.focus();
		const ring = await el.evaluate((r) => {
			const s = getComputedStyle(r);

			return document.activeElement === r &&
			       ((s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) ||
				s.boxShadow !== 'none');
		});
		if (!ring)
			problems.push(`region ${i + 1} "${info.name}": no visible focus`);
		if (!info.wide)
			continue;
		wide++;
		await el.evaluate((r) => { r.scrollLeft = 0; });
		for (let k = 0; k < 5; k++)
			await page.keyboard.press('ArrowRight');
		await page.waitForTimeout(100);
		const left = await el.evaluate((r) => r.scrollLeft);

		if (left > 0)
			scrolled++;
		else
			problems.push(`region ${i + 1} "${info.name}": the arrow keys do not scroll it`);
		await el.evaluate((r) => { r.scrollLeft = 0; });
	}
	if (wide)
		tap.note(`${what}: ${wide} of ${regions.length} table regions are wider than the screen; ${scrolled} scrolled by keyboard`);
	return tap.ok(regions.length > 0 && problems.length === 0,
		      `${what}: ${regions.length} table scroll region(s) named, focusable, visibly focused, keyboard-scrollable`,
		      regions.length ? problems.join('\n') : 'no .cartref-table-scroll on the page');
}

// With each wide table scrolled sideways, its first column (the key) is
// still where it was.  Returns how many tables were wide.
export async function checkStickyColumn(page, what) {
	const r = await page.$$eval('.cartref-table-scroll', (regions) => regions.map((reg) => {
		const cell = reg.querySelector('tbody tr > :first-child');

		if (!cell || reg.scrollWidth <= reg.clientWidth + 1)
			return null;
		const before = cell.getBoundingClientRect().left;

		reg.scrollLeft = reg.scrollWidth;
		const after = cell.getBoundingClientRect().left;
		const regLeft = reg.getBoundingClientRect().left;

		reg.scrollLeft = 0;
		return { before, after, regLeft, text: cell.textContent.trim().slice(0, 40),
			 moved: reg.scrollWidth - reg.clientWidth };
	}));
	const wide = r.filter(Boolean);
	const bad = wide.filter((x) => Math.abs(x.after - x.before) > 1 ||
				       x.after < x.regLeft - 1);

	if (!wide.length) {
		tap.ok(true, `${what}: every table fits (nothing to keep in view)`);
		return 0;
	}
	tap.ok(bad.length === 0,
	       `${what}: the first column stays in view when ${wide.length} wide table(s) scroll`,
	       bad.map((x) => `"${x.text}" moved from ${x.before} to ${x.after} px`).join('\n'));
	return wide.length;
}

// Tab from the top of a freshly loaded page: each element that takes
// focus shows it (an outline, a box shadow or GOV.UK's yellow).  Returns
// what was focused, in order.
export async function checkKeyboard(page, what, opts = {}) {
	const maxTabs = opts.maxTabs || 60;
	const seen = [];
	const bad = [];

	for (let i = 0; i < maxTabs; i++) {
		await page.keyboard.press('Tab');
		const f = await page.evaluate(() => {
			const el = document.activeElement;

			if (!el || el === document.body)
				return null;
			const s = getComputedStyle(el);
			const b = el.getBoundingClientRect();
			const yellow = (c) => c.replace(/\s/g, '') === 'rgb(255,221,0)';

			return {
				desc: `${el.tagName.toLowerCase()}${el.getAttribute('href') ? ' ' + el.getAttribute('href') : ''} "${(el.textContent || el.getAttribute('aria-label') || el.name || '').trim().slice(0, 40)}"`,
				visible: b.width > 0 && b.height > 0,
				ring: (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) ||
				      s.boxShadow !== 'none' || yellow(s.backgroundColor),
			};
		});
		if (!f)
			break;
		if (seen.length && seen[0] === f.desc)
			break;		/* round to the start again */
		seen.push(f.desc);
		if (!f.visible || !f.ring)
			bad.push(`${f.desc}: ${f.visible ? 'no visible focus indicator' : 'focused but not on screen'}`);
	}
	tap.ok(seen.length > 0 && bad.length === 0,
	       `${what}: Tab reaches ${seen.length} controls, each with a visible focus indicator`,
	       bad.length ? bad.join('\n') : 'Tab focuses nothing');
	return seen;
}
