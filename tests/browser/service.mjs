// tests/browser/service.mjs: the pages anyone can open, and the lists a
// signed-in person reads, checked in a real browser (Debian's chromium,
// headless, playwright-core) with axe-core, in English and Welsh.  Run by
// tests/t/t0870-service-pages.sh, which starts two servers on one store:
// BASE as a real deployment (--operator, --contact-email) and DEMO_BASE
// with --demo.
//
//	node tests/browser/service.mjs BASE DEMO_BASE SHOTS_DIR
//
// Environment: OPERATOR, OPERATOR_CY and CONTACT (what BASE was given),
// DEMO_ACCOUNTS (how many demo accounts the store has), CHILD (a child
// placed with the demo home manager's provider), TAP_START and
// TAP_COUNT (lib.mjs).  Checks, for each page:
//   * the status, <html lang>, the phase banner (Demo only with --demo,
//     else Beta with a feedback link) and the footer's service links;
//   * axe-core: no WCAG 2.0/2.1/2.2 A or AA violation;
//   * reflow at 320 CSS px; no failed request (fonts included), no
//     console error;
// then what each page must say (999 on help, the ICO on privacy, the
// real cookie names, the demo accounts and their password only with
// --demo), the keyboard, signing in with what the demo sign-in page
// shows, the footer links of a signed-in page, the lists of homes and
// children and a grab pack (axe, reflow, scroll regions, the sticky
// first column), and that every cookie the browser holds is on the
// cookies page.  Screenshots of every page go to SHOTS_DIR.
import * as B from './lib.mjs';

const [base, demoBase, shots] = process.argv.slice(2);
if (!base || !demoBase || !shots) {
	console.error('usage: node tests/browser/service.mjs BASE DEMO_BASE SHOTS_DIR');
	process.exit(2);
}
const t = B.tap;
const operator = { en: process.env.OPERATOR || '', cy: process.env.OPERATOR_CY || '' };
const contact = process.env.CONTACT || '';
const demoAccounts = Number(process.env.DEMO_ACCOUNTS || 0);
const child = process.env.CHILD || '/children/W06000015/C08';
B.watchdog(420);

// What a page must say, by language: each string must be in <main>.
const SAYS = {
	'/help': {
		en: ['If a child is in immediate danger, call 999.', 'Getting access',
		     'Report a problem', 'Give feedback'],
		cy: ['Os yw plentyn mewn perygl uniongyrchol, ffoniwch 999.',
		     'Cael mynediad', 'Rhoi gwybod am broblem', 'Rhoi adborth'],
	},
	'/accessibility': {
		en: ['Accessibility statement for cartref', 'Web Content Accessibility Guidelines version 2.2',
		     'partially compliant', '2.2.1 (Timing Adjustable)',
		     'Equality and Human Rights Commission', 'Equality Advisory and Support Service',
		     'axe-core', '320 CSS pixels'],
		cy: ['Datganiad hygyrchedd ar gyfer cartref', 'Canllawiau Hygyrchedd Cynnwys y We fersiwn 2.2',
		     'cydymffurfio’n rhannol', '2.2.1 WCAG 2.2',
		     'Comisiwn Cydraddoldeb a Hawliau Dynol',
		     'Gwasanaeth Cynghori a Chymorth Cydraddoldeb', 'axe-core', '320 picsel CSS'],
	},
	'/privacy': {
		en: ['Article 6(1)(e)', 'Article 9(2)(h)', 'Article 9(2)(g)',
		     'Social Services and Well-being (Wales) Act 2014',
		     'Regulation and Inspection of Social Care (Wales) Act 2016',
		     'The audit trail', 'How long we keep it', 'Information Commissioner’s Office'],
		cy: ['Erthygl 6(1)(e)', 'Erthygl 9(2)(h)', 'Erthygl 9(2)(g)',
		     'Ddeddf Gwasanaethau Cymdeithasol a Llesiant (Cymru) 2014',
		     'Ddeddf Rheoleiddio ac Arolygu Gofal Cymdeithasol (Cymru) 2016',
		     'Y trywydd archwilio', 'Am ba hyd rydym yn ei chadw',
		     'Swyddfa’r Comisiynydd Gwybodaeth'],
	},
	'/cookies': {
		en: ['cartref_session', 'cartref_signin', 'lang', 'no cookie banner'],
		cy: ['cartref_session', 'cartref_signin', 'lang', 'nid oes baner cwcis'],
	},
};

// The pages of a server anyone can open: path, status, what to call it.
// The 400 page is reached with a broken escape; its language comes from
// the lang cookie that the pages before it set.
const PUBLIC = [
	['/', 200, 'start'],
	['/sign-in', 200, 'sign-in'],
	['/help', 200, 'help'],
	['/accessibility', 200, 'accessibility'],
	['/privacy', 200, 'privacy'],
	['/cookies', 200, 'cookies'],
	['/no-such-page', 404, 'not found'],
	['/%zz', 400, 'bad request'],
];
const DEMO_PUBLIC = PUBLIC.slice(0, 2);

function withLang(path, lang) {
	if (path === '/%zz')
		return path;
	return `${path}${path.includes('?') ? '&' : '?'}lang=${lang}`;
}

async function mainText(page) {
	return (await page.textContent('main')) || '';
}

// Every check a page gets, whoever opens it.
async function common(page, what, lang, shot) {
	t.ok(await page.evaluate(() => document.documentElement.lang) === lang,
	     `${what}: <html lang="${lang}">`);
	await B.checkFooter(page, what);
	await B.checkAxe(page, what);
	await B.screenshot(page, shots, shot);
	await B.checkReflow(page, what);
	await B.screenshot(page, shots, `${shot}-320`, { width: 320 });
	await B.checkRequests(page, what);
	B.checkConsole(page, what);
}

async function phaseBanner(page, what, lang, demo) {
	const text = (await page.textContent('.govuk-phase-banner')) || '';
	const feedback = await page.$('.govuk-phase-banner a[href="/help#feedback"]');

	if (demo)
		t.ok(/Demo|Arddangosiad/.test(text) && /made up|wedi’i greu/.test(text),
		     `${what}: the phase banner says this is a demonstration with made-up children`,
		     text.trim());
	else
		t.ok(text.includes('Beta') && feedback && !/made up|wedi’i greu|demonstration|arddangos/i.test(text),
		     `${what}: the phase banner says Beta with a feedback link, not "demonstration"`,
		     text.trim());
}

async function publicPages(browser, server, demo, lang) {
	const page = await B.newPage(browser, { lang });
	const list = demo ? DEMO_PUBLIC : PUBLIC;

	for (const [path, status, name] of list) {
		const what = `${demo ? 'demo ' : ''}${name} (${lang})`;

		await B.visit(page, server + withLang(path, lang), status, what);
		await phaseBanner(page, what, lang, demo);
		const says = SAYS[path] ? SAYS[path][lang] : [];
		const text = await mainText(page);
		const missing = says.filter((s) => !text.includes(s));

		if (says.length)
			t.ok(missing.length === 0, `${what}: says what it must`,
			     `missing: ${missing.join(' | ')}`);
		if (SAYS[path])
			t.ok(!/\{[a-z]+\}|\]\(/.test(text),
			     `${what}: no placeholder or link markup left in the text`);
		if (!demo && SAYS[path] && path !== '/cookies') {
			const who = operator[lang];
			const mail = await page.$(`main a[href="mailto:${contact}"]`);

			t.ok(text.includes(who) && mail,
			     `${what}: names the operator and links the contact address`,
			     `operator "${who}" ${text.includes(who) ? 'found' : 'missing'}, mailto ${mail ? 'found' : 'missing'}`);
		}
		if (path === '/sign-in') {
			const table = await page.$('#demo-accounts');

			if (demo) {
				const rows = await page.$$('.cartref-table-scroll tbody tr');
				const pw = await page.textContent('.govuk-inset-text strong');

				t.ok(table && rows.length === demoAccounts,
				     `${what}: lists the ${demoAccounts} demo accounts of the store`,
				     `${rows.length} rows`);
				t.ok(pw && pw.trim() === B.DEMO_PASSWORD,
				     `${what}: shows the demo password`, pw);
			} else {
				t.ok(!table && !text.includes(B.DEMO_PASSWORD),
				     `${what}: no demo accounts or password without --demo`);
			}
		}
		if (path === '/') {
			const made = /made up|wedi’i greu/.test(text);

			t.ok(made === demo, `${what}: ${demo ? 'says' : 'does not say'} the children are made up`);
		}
		await common(page, what, lang,
			     `${demo ? 'demo-' : ''}${name.replace(/ /g, '-')}-${lang}`);
	}
	await page.context().close();
}

try {
	const browser = await B.launch();

	t.ok(true, 'chromium starts (headless)');

	// 1. every public page, both languages, both kinds of server
	for (const lang of ['en', 'cy']) {
		await publicPages(browser, base, false, lang);
		await publicPages(browser, demoBase, true, lang);
	}

	// 2. the keyboard, from the top of a page
	{
		const page = await B.newPage(browser);

		await page.goto(`${base}/cookies`);
		const seen = await B.checkKeyboard(page, 'cookies (keyboard)');

		t.ok(seen.length && /skip|main-content|Skip/.test(seen[0]),
		     'cookies (keyboard): the first Tab reaches the skip link', seen[0]);
		t.ok(seen.some((s) => s.startsWith('div')),
		     'cookies (keyboard): Tab reaches the table\'s scroll region', seen.join('\n'));
		await page.context().close();
	}

	// 3. a newcomer signs in with what the demo sign-in page shows
	const page = await B.newPage(browser);

	await page.goto(`${demoBase}/sign-in`);
	const rows = await page.$$eval('.cartref-table-scroll tbody tr', (trs) =>
		trs.map((tr) => ({ role: tr.querySelector('th').textContent,
				   email: tr.querySelector('td:last-child').textContent.trim() })));
	const password = (await page.textContent('.govuk-inset-text strong')).trim();
	const inspector = rows.find((r) => r.role.startsWith('Inspector'));

	t.ok(inspector, 'the demo sign-in page lists an inspector', JSON.stringify(rows));
	if (inspector) {
		await B.signIn(page, demoBase, inspector.email, password);
		t.ok(await page.isVisible('form[action="/sign-out"] button'),
		     'signed in: the account bar shows who and a sign-out button');
		await B.checkFooter(page, 'home (signed in)');

		// the footer's links from a signed-in page
		for (const href of B.SERVICE_LINKS) {
			await page.goto(`${demoBase}/home`);
			await Promise.all([
				page.waitForURL((u) => u.pathname === href),
				page.click(`footer a[href="${href}"]`),
			]);
			const what = `${href.slice(1)} (signed in)`;

			t.ok(await page.isVisible('main h1') &&
			     await page.isVisible('form[action="/sign-out"] button'),
			     `${what}: the footer link opens it, still signed in`);
			await B.checkAxe(page, what);
			await B.checkReflow(page, what);
			await B.checkRequests(page, what);
		}

		// the lists of homes and children, and a grab pack
		for (const lang of ['en', 'cy']) {
			for (const [path, name] of [['/homes', 'homes'], ['/children', 'children'],
						    ['/children/W06000015/C01/grab-pack', 'grab pack']]) {
				const what = `${name} as the inspector (${lang})`;

				await B.visit(page, demoBase + withLang(path, lang), 200, what);
				await common(page, what, lang, `inspector-${name.replace(/ /g, '-')}-${lang}`);
				if (path === '/homes' || path === '/children') {
					await B.checkScrollRegions(page, what);
					await page.setViewportSize({ width: 320, height: 640 });
					await B.checkScrollRegions(page, `${what} at 320 px`);
					await page.setViewportSize({ width: 1024, height: 900 });
					await B.checkStickyColumn(page, `${what} at 1,024 px`);
					await page.setViewportSize({ width: 700, height: 900 });
					const wide = await B.checkStickyColumn(page, `${what} at 700 px`);

					if (path === '/homes')
						t.ok(wide > 0, `${what} at 700 px: the table is wider than the screen (the check above means something)`);
					await page.setViewportSize({ width: 1024, height: 900 });
				}
			}
		}

		// every cookie the browser holds is on the cookies page
		await page.goto(`${demoBase}/cookies`);
		const listed = await page.$$eval('main tbody th', (ths) => ths.map((th) => th.textContent.trim()));
		const held = (await page.context().cookies()).map((c) => c.name);
		const unlisted = held.filter((n) => !listed.includes(n));

		t.ok(held.includes('cartref_session') && held.includes('lang') && unlisted.length === 0,
		     `every cookie the browser holds (${held.join(', ')}) is on the cookies page`,
		     `not listed: ${unlisted.join(', ')}; listed: ${listed.join(', ')}`);
		await B.signOut(page);
	}
	await page.context().close();

	// 4. the grab pack's form, as the home manager of the child's home
	{
		const hm = await B.newPage(browser);

		if (await B.signIn(hm, demoBase, 'home-manager@demo.cartref.wales', password)) {
			for (const lang of ['en', 'cy']) {
				const what = `grab pack form as the home manager (${lang})`;

				await B.visit(hm, `${demoBase}${withLang(`${child}/grab-pack`, lang)}`, 200, what);
				t.ok(await hm.isVisible('main form textarea, main form input[type="text"]'),
				     `${what}: the form is there`);
				await common(hm, what, lang, `home-manager-grab-pack-${lang}`);
			}
		}
		await hm.context().close();
	}
	await browser.close();
} catch (e) {
	t.ok(false, 'the browser run goes to the end', e.stack || String(e));
}
B.finish();
