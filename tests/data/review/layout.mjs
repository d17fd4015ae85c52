// tests/data/review/layout.mjs: the review's HTML report as a reader sees
// it, in a real browser (Debian's chromium, headless, driven by
// playwright-core), on screen and printed:
//
//	node tests/data/review/layout.mjs REPORT.html SHOTS_DIR
//
// Checks that no table overflows the page (on a 1,024 px screen a table
// too wide for its column scrolls in a region reachable by keyboard; in
// print every table fits its page: A4 portrait, or landscape for the wide
// council and home tables), that the series of the distance chart share a
// scale on which both can be seen, and that every class of the map has a
// contrast of 3:1 or more with the page (WCAG 1.4.11).  Prints TAP lines
// from TAP_START + 1 and writes how many it printed to the file TAP_COUNT;
// saves screenshots of the trend table and the distance chart to
// SHOTS_DIR.  Bounded: the whole run stops after 90 s.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as B from '../../browser/lib.mjs';

const [report, shots] = process.argv.slice(2);
if (!report || !shots) {
	console.error('usage: node layout.mjs REPORT.html SHOTS_DIR');
	process.exit(2);
}
const ok = (cond, what, note) => B.tap.ok(cond, what, note);
B.watchdog(90);

// 96 px to the inch: A4 less the report's margins (@page in its CSS)
const MM = 96 / 25.4;
const PORTRAIT = Math.floor((210 - 2 * 15) * MM);	// 680 px
const LANDSCAPE = Math.floor((297 - 2 * 12) * MM);	// 1,031 px

mkdirSync(shots, { recursive: true });
let browser;
try {
	browser = await B.launch();
} catch (e) {
	ok(false, 'chromium starts', e.message);
	B.finish(1);
}
const context = await browser.newContext({ viewport: { width: 1024, height: 900 } });
const page = await context.newPage();
page.setDefaultTimeout(15000);

// Tables that stick out of their page: [{id, right, limit}].
async function overflowing(limit, wide) {
	return page.evaluate(([limit, wide]) => {
		const out = [];
		for (const t of document.querySelectorAll('main table')) {
			const inWide = !!t.closest('section.wide');
			if (inWide !== wide)
				continue;
			const right = t.getBoundingClientRect().right;
			if (right > limit + 1)
				out.push({ id: t.id, right: Math.round(right), limit });
		}
		return out;
	}, [limit, wide]);
}

try {
	await page.goto(pathToFileURL(resolve(report)).href);
	ok(await page.isVisible('h1'), 'the report opens');

	// on a 1,024 px screen
	const screen = await page.evaluate(() => {
		const doc = document.documentElement;
		const bad = [];
		for (const t of document.querySelectorAll('main table')) {
			const wrap = t.closest('.scroll');
			const r = t.getBoundingClientRect().right;
			if (!wrap) {
				const main = t.closest('main').getBoundingClientRect();
				if (r > main.right + 1)
					bad.push(`${t.id}: sticks out of the page`);
				continue;
			}
			const w = wrap.getBoundingClientRect();
			if (r > w.right + 1 &&
			    !(wrap.scrollWidth > wrap.clientWidth &&
			      getComputedStyle(wrap).overflowX === 'auto' &&
			      wrap.tabIndex === 0))
				bad.push(`${t.id}: sticks out and does not scroll`);
			if (w.right > doc.clientWidth + 1)
				bad.push(`${t.id}: its region is wider than the page`);
		}
		const pairs = [...document.querySelectorAll('.pair .scroll')]
			.filter((s) => s.scrollWidth > s.clientWidth + 1)
			.map((s) => s.querySelector('table').id);
		return { width: doc.scrollWidth, client: doc.clientWidth, bad, pairs };
	});
	ok(screen.width <= screen.client,
	   'on a 1,024 px screen nothing is wider than the page',
	   `page ${screen.width} px wide in ${screen.client} px`);
	ok(screen.bad.length === 0,
	   'every table fits its column or scrolls in a focusable region',
	   screen.bad.join('\n'));
	ok(screen.pairs.length === 0,
	   'the tables beside or under a chart fit without scrolling',
	   screen.pairs.join('\n'));
	const trend = await page.$('#table-missing-trend');
	if (trend)
		await trend.screenshot({ path: join(shots, 'trend-table.png') });
	const dist = await page.$('#chart-distance');
	if (dist)
		await dist.screenshot({ path: join(shots, 'distance-chart.png') });

	// the distance chart: both series on a scale where both show
	const bars = await page.evaluate(() => {
		const svg = document.querySelector('#chart-distance svg');
		if (!svg)
			return null;
		const legend = [...svg.querySelectorAll('rect')]
			.filter((r) => r.getAttribute('width') === '14');
		const fills = legend.map((r) => r.getAttribute('fill'));
		const tallest = fills.map((f) => Math.max(0, ...[...svg
			.querySelectorAll(`rect[fill="${f}"]`)]
			.filter((r) => r.getAttribute('width') !== '14')
			.map((r) => Number(r.getAttribute('height')))));
		const ticks = [...svg.querySelectorAll('text')]
			.map((t) => t.textContent).filter((t) => /%$/.test(t));
		return { fills, tallest, ticks: ticks.length };
	});
	ok(bars && bars.fills.length === 2, 'the distance chart has two series',
	   JSON.stringify(bars));
	if (bars && bars.fills.length === 2) {
		const [a, b] = bars.tallest;
		ok(Math.min(a, b) >= 0.25 * Math.max(a, b),
		   'the distance chart\'s smaller series is drawn at a visible size',
		   `tallest bars ${a} and ${b} units`);
		ok(bars.ticks > 0, 'the distance chart\'s axis is in percentages');
	}

	// the map: every class 3:1 or more against the page
	const contrast = await page.evaluate(() => {
		const lum = (hex) => {
			const c = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
				.map((v) => v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
			return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
		};
		const bg = getComputedStyle(document.body).backgroundColor
			.match(/\d+/g).slice(0, 3).map(Number);
		const bgHex = '#' + bg.map((v) => v.toString(16).padStart(2, '0')).join('');
		const fills = new Set([...document.querySelectorAll(
			'#chart-missing-map svg path, #chart-missing-map svg rect')]
			.filter((e) => !e.closest('pattern'))	/* "no data" hatching */
			.map((e) => e.getAttribute('fill'))
			.filter((f) => /^#[0-9a-f]{6}$/i.test(f || '')));
		const lb = lum(bgHex);
		return [...fills].map((f) => {
			const l = lum(f);
			return { f, ratio: (Math.max(l, lb) + 0.05) / (Math.min(l, lb) + 0.05) };
		});
	});
	const weak = contrast.filter((c) => c.ratio < 3);
	ok(contrast.length >= 5 && weak.length === 0,
	   'every class of the map has a contrast of 3:1 or more with the page',
	   weak.map((c) => `${c.f}: ${c.ratio.toFixed(2)}:1`).join('\n') ||
	   `${contrast.length} fills`);

	// printed: A4 portrait, and landscape for the wide tables
	await page.emulateMedia({ media: 'print' });
	await page.setViewportSize({ width: PORTRAIT, height: 1000 });
	let out = await overflowing(PORTRAIT, false);
	ok(out.length === 0, `printed, every table fits A4 portrait (${PORTRAIT} px)`,
	   out.map((o) => `${o.id}: right edge at ${o.right} px`).join('\n'));
	await page.setViewportSize({ width: LANDSCAPE, height: 800 });
	out = await overflowing(LANDSCAPE, true);
	ok(out.length === 0,
	   `printed, the council and home tables fit A4 landscape (${LANDSCAPE} px)`,
	   out.map((o) => `${o.id}: right edge at ${o.right} px`).join('\n'));
	const pages = await page.evaluate(() => [...document.querySelectorAll(
		'section.wide')].map((s) => getComputedStyle(s).page));
	ok(pages.length > 0 && pages.every((p) => p === 'wide'),
	   'printed, the wide tables are on landscape pages', pages.join(', '));
} catch (e) {
	ok(false, 'the layout checks run', e.stack || e.message);
}
await browser.close();
B.finish();
