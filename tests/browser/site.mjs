// Browser tests of the site (issue 3), printing TAP.  Driven by
// tests/suites/browser.sh:
//   node site.mjs --site DIR --fixture DIR --shots DIR
// DIR are built sites (out/site): the example content, and the fixture of
// tests/golden/site (with its hostile page).  Chromium is Debian's.
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { guard, launch, options, tap, url, watch } from './lib.mjs';

const require = createRequire(import.meta.url);
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

const args = options();
const site = path.resolve(args.site), fixture = path.resolve(args.fixture), shots = path.resolve(args.shots);

const { ok, done } = tap();
const htmlFiles = dir => fs.readdirSync(dir, { recursive: true })
	.filter(f => f.endsWith('.html')).sort();

const browser = await launch();
const external = [], dialogs = [], errors = [];
async function newPage(width = 1280, height = 900, axe = false) {
	const ctx = await browser.newContext({ viewport: { width, height }, locale: 'fr-FR' });
	await guard(ctx, external);
	const page = await ctx.newPage();
	// axe-core reads style sheets with XMLHttpRequest, refused on file://.
	return watch(page, { errors, dialogs, console: !axe });
}
const visible = page => page.$$eval('.cartes .carte', cs => cs.filter(c => !c.hidden).map(c => c.dataset.slug));
// The search updates the list after a short typing pause (issue 13): type,
// then wait until the status line carries the query.
async function fillQ(page, q) {
	await page.fill('#q', q);
	await page.waitForFunction(q => document.getElementById('resultats').dataset.q === q, q);
}

try {
	// --- search and filters ------------------------------------------------
	const page = await newPage();
	await page.goto(url(site, 'index.html'));
	const all = await page.$$eval('.cartes .carte', cs => cs.length);
	ok(all > 0 && (await visible(page)).length === all, `home lists every partner (${all})`);
	ok(await page.isVisible('#q'), 'search box shown once the script runs');
	ok(await page.isVisible('.filtres'), 'filters shown once the script runs');

	await fillQ(page, 'caf');
	let v = await visible(page);
	ok(v.includes('caf-yvelines') && v.length < all, `search "caf" finds the Caf (${v.length} cards)`, v.join(' '));
	const status = await page.textContent('#resultats');
	ok(status.startsWith(String(v.length)), `result count announced ("${status}")`);

	await fillQ(page, 'francais');
	const noAccent = await visible(page);
	await fillQ(page, 'FRANÇAIS');
	const accent = await visible(page);
	ok(noAccent.length > 0 && noAccent.join() === accent.join(), `accent- and case-insensitive ("francais" = "FRANÇAIS", ${accent.length} cards)`);

	await fillQ(page, 'zzqqxx');
	ok((await visible(page)).length === 0 && await page.isVisible('#aucun'), 'no match: no card, a message');

	await page.click('#effacer');
	ok((await visible(page)).length === all, '"Effacer la recherche" shows every card again');

	await page.selectOption('#f-thematique', 'alimentation');
	v = await visible(page);
	const expectAlim = await page.$$eval('.cartes .carte', cs => cs.filter(c => c.dataset.thematiques.split(' ').includes('alimentation')).length);
	ok(v.length === expectAlim && v.length > 0 && v.length < all, `filter by thématique (${v.length} cards)`);
	await page.selectOption('#f-langue', 'ar');
	v = await visible(page);
	const expectBoth = await page.$$eval('.cartes .carte', cs => cs.filter(c =>
		c.dataset.thematiques.split(' ').includes('alimentation') && c.dataset.langues.split(' ').includes('ar')).length);
	ok(v.length === expectBoth, `thématique + langue combine (${v.length} cards)`);
	await page.selectOption('#f-langue', '');
	await page.selectOption('#f-thematique', '');
	await page.selectOption('#f-modalite', 'sans-rendez-vous');
	v = await visible(page);
	ok(v.length > 0 && v.length < all, `filter by modalité d'accès (${v.length} cards)`);
	await page.selectOption('#f-modalite', '');
	await page.selectOption('#f-categorie', 'bailleurs-sociaux');
	v = await visible(page);
	ok(v.length > 0 && v.length < all, `filter by catégorie (${v.length} cards)`);
	await page.selectOption('#f-categorie', '');

	// --- card -> page -> back ---------------------------------------------
	await fillQ(page, 'logement');
	const before = await visible(page);
	const card = await page.$(`.carte[data-slug="${before[0]}"] .carte-resume`);
	// The whole card is the link, not only its title: click its résumé.
	await card.scrollIntoViewIfNeeded();
	const rb = await card.boundingBox();
	await page.mouse.click(rb.x + rb.width / 2, rb.y + rb.height / 2);
	await page.waitForURL(/partenaires\/.*\.html/);
	ok(page.url().endsWith(`partenaires/${before[0]}.html`), `a click on the card opens its page (${before[0]})`);
	ok((await page.$$('h1')).length === 1, 'the partner page has one h1');
	const tel = await page.$('.contact a[href^="tel:"]');
	ok(tel !== null, 'the partner page offers a tel: link');
	await page.goBack();
	await page.waitForSelector('.cartes');
	const after = await visible(page);
	ok(await page.inputValue('#q') === 'logement' && after.join() === before.join(), 'back: the search is still applied');
	const phone = await page.$(`.carte[data-slug="${before[0]}"] .carte-tel`);
	if (phone) {
		const href = await phone.getAttribute('href');
		await phone.scrollIntoViewIfNeeded();
		const box = await phone.boundingBox();
		const top = await page.evaluate(([x, y]) => document.elementFromPoint(x, y).closest('a').getAttribute('href'), [box.x + box.width / 2, box.y + box.height / 2]);
		ok(top === href && href.startsWith('tel:'), 'the phone on a card is a second link above the card link');
		ok(box.height >= 44, `phone button is a large target (${Math.round(box.height)} px)`);
	}

	// --- accessibility: axe-core on every page type -----------------------
	const partner = htmlFiles(path.join(site, 'partenaires'))[0];
	const types = {
		'accueil': 'index.html', 'partenaire': 'partenaires/caf-yvelines.html',
		'besoins': 'thematiques.html', 'thématique': 'thematiques/logement.html',
		'catégorie': 'categories/institutionnels.html', 'catégories': 'categories.html', 'à propos': 'a-propos.html', '404': '404.html',
		'réseau': 'reseau.html',
	};
	if (!fs.existsSync(path.join(site, types['partenaire']))) types['partenaire'] = 'partenaires/' + partner;
	for (const [name, rel] of Object.entries(types)) {
		for (const width of [360, 1280]) {
			const p = await newPage(width, 800, true);
			await p.goto(url(site, rel));
			await p.addScriptTag({ content: axeSource });
			const r = await p.evaluate(() => axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }));
			ok(r.violations.length === 0, `axe (WCAG 2.1 AA), ${name} at ${width} px: ${r.violations.length} violations`,
				r.violations.map(x => `${x.id}: ${x.help} — ${x.nodes.slice(0, 3).map(nd => nd.target.join(' ')).join(', ')}`).join('\n'));
			const lang = await p.getAttribute('html', 'lang');
			if (width === 360) ok(lang === 'fr', `${name}: lang="fr"`);
			await p.context().close();
		}
	}
	// The fixture's pages too (a light category colour, a hostile page).
	for (const rel of htmlFiles(fixture)) {
		const p = await newPage(1280, 800, true);
		await p.goto(url(fixture, rel));
		await p.addScriptTag({ content: axeSource });
		const r = await p.evaluate(() => axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }));
		ok(r.violations.length === 0, `axe, fixture ${rel}: ${r.violations.length} violations`,
			r.violations.map(x => `${x.id}: ${x.help} — ${x.nodes.slice(0, 3).map(nd => nd.target.join(' ')).join(', ')}`).join('\n'));
		await p.context().close();
	}

	// --- keyboard: skip link and visible focus -------------------------------
	{
		const p = await newPage(1280, 800);
		await p.goto(url(site, 'index.html'));
		await p.keyboard.press('Tab');
		const f = await p.evaluate(() => ({ text: document.activeElement.textContent, outline: getComputedStyle(document.activeElement).outlineStyle, top: document.activeElement.getBoundingClientRect().top }));
		ok(f.text.includes('Aller au contenu') && f.top >= 0, 'first Tab reaches a visible skip link');
		ok(f.outline !== 'none', `focus is visible (outline ${f.outline})`);
		await p.context().close();
	}

	// --- reseau.html: the drawing's nodes take the keyboard focus, visibly,
	// and open the partner's page; no two node labels overlap (as drawn).
	{
		const p = await newPage(1280, 800);
		await p.goto(url(site, 'reseau.html'));
		let f = null;
		for (let i = 0; i < 40 && !(f && f.node); i++) {
			await p.keyboard.press('Tab');
			f = await p.evaluate(() => { const e = document.activeElement; const r = e.querySelector && e.querySelector('rect'); return { node: e.classList.contains('noeud'), href: e.getAttribute('href'), stroke: r ? getComputedStyle(r).stroke : '' }; });
		}
		ok(f && f.node && /^partenaires\/.+\.html$/.test(f.href), `reseau.html: Tab reaches a node (${f && f.href})`);
		ok(f && f.stroke === 'rgb(179, 89, 0)', `reseau.html: the focused node is outlined (${f && f.stroke})`);
		await Promise.all([p.waitForNavigation(), p.keyboard.press('Enter')]);
		ok(p.url().endsWith(f.href), `reseau.html: Enter on a node opens ${f.href}`);
		await p.goto(url(site, 'reseau.html'));
		const over = await p.evaluate(() => {
			const b = [...document.querySelectorAll('.reseau-svg .noeud text')].map(t => t.getBoundingClientRect());
			let n = 0;
			for (let i = 0; i < b.length; i++) for (let j = i + 1; j < b.length; j++)
				if (b[i].left < b[j].right && b[j].left < b[i].right && b[i].top < b[j].bottom && b[j].top < b[i].bottom) n++;
			return [b.length, n];
		});
		ok(over[0] > 0 && over[1] === 0, `reseau.html: ${over[0]} node labels as drawn, ${over[1]} overlapping`);
		await p.context().close();
	}

	// --- screenshots --------------------------------------------------------
	fs.mkdirSync(shots, { recursive: true });
	for (const [name, rel] of [['accueil', 'index.html'], ['partenaire', types['partenaire']], ['thematique', 'thematiques/logement.html'], ['categories', 'categories.html'], ['reseau', 'reseau.html']]) {
		for (const width of [360, 1280]) {
			const p = await newPage(width, width === 360 ? 740 : 900);
			await p.goto(url(site, rel));
			const file = path.join(shots, `${name}-${width}.png`);
			await p.screenshot({ path: file, fullPage: width === 360 ? false : false });
			await p.screenshot({ path: path.join(shots, `${name}-${width}-full.png`), fullPage: true });
			const overflow = await p.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
			ok(fs.statSync(file).size > 0 && overflow <= 0, `screenshot ${name} at ${width} px, no horizontal scroll (${overflow})`);
			await p.context().close();
		}
	}

	// --- print: every partner page on one A4 sheet -------------------------
	{
		const p = await newPage(1280, 900);
		const over = [];
		for (const f of htmlFiles(path.join(site, 'partenaires'))) {
			await p.goto(url(site, 'partenaires/' + f));
			await p.emulateMedia({ media: 'print' });
			const pdf = await p.pdf({ format: 'A4', preferCSSPageSize: true });
			const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
			if (pages !== 1) over.push(`${f}: ${pages} pages`);
			if (f === path.basename(types['partenaire'])) fs.writeFileSync(path.join(shots, 'partenaire-print.pdf'), pdf);
		}
		ok(over.length === 0, 'print: every partner page fits one A4 sheet', over.join('\n'));
		await p.context().close();
	}

	// --- hostile content is inert -----------------------------------------
	{
		const before = dialogs.length;
		const p = await newPage(1280, 800);
		await p.goto(url(fixture, 'partenaires/hostile.html'));
		await p.waitForTimeout(300);
		const s = await p.evaluate(() => ({
			// The schema.org JSON-LD is data, never run (jsonld.mjs checks it).
			scripts: [...document.scripts].map(x => x.type === 'application/ld+json' ? 'ld+json' : x.getAttribute('src') || 'inline'),
			iframes: document.querySelectorAll('iframe').length,
			imgs: [...document.images].map(i => i.getAttribute('src')),
			h1: document.querySelector('h1').textContent,
			jsLinks: [...document.links].filter(a => /^\s*(javascript|vbscript|data|file):/i.test(a.getAttribute('href'))).length,
			styles: document.querySelectorAll('body style').length,
			bodyShown: getComputedStyle(document.body).display !== 'none',
		}));
		ok(dialogs.length === before, 'hostile: no dialog opened', dialogs.join('\n'));
		ok(s.scripts.length > 0 && s.scripts.filter(x => x === 'ld+json').length <= 1 && s.scripts.every(x => /^(\.\.\/assets\/fiche\.js|ld\+json)$/.test(x)), 'hostile: only the site\'s own script (fiche.js, and its JSON-LD data)', s.scripts.join(' '));
		ok(s.iframes === 0 && s.imgs.length === 0 && s.styles === 0 && s.bodyShown, 'hostile: no iframe, image or style from the content');
		ok(s.jsLinks === 0, 'hostile: no javascript:, vbscript:, data: or file: link');
		ok(s.h1.includes("<script>alert('nom')</script>") && s.h1.includes('{{titre}}'), 'hostile: the escaped text is shown as text');
		await p.context().close();
		const q = await newPage(1280, 800);
		await q.goto(url(fixture, 'index.html'));
		await fillQ(q, 'hostile');
		ok(dialogs.length === before && (await visible(q)).length === 1, 'hostile: its card and search entry are inert too');
		await q.context().close();
	}

	// --- whole site: links, weight, requests --------------------------------
	for (const [label, dir] of [['example', site], ['fixture', fixture]]) {
		const broken = [];
		for (const f of htmlFiles(dir)) {
			const html = fs.readFileSync(path.join(dir, f), 'utf8');
			for (const m of html.matchAll(/\s(?:href|src)="([^"]*)"/g)) {
				const u = m[1].replace(/&amp;/g, '&');
				if (/^(https?:|mailto:|tel:|#)/.test(u)) continue;
				if (f === '404.html') continue;	// links from the server's root
				const target = path.join(dir, path.dirname(f), u.split('#')[0].split('?')[0]);
				if (!fs.existsSync(target)) broken.push(`${f}: ${u}`);
			}
		}
		ok(broken.length === 0, `${label}: every relative link leads to a file`, broken.slice(0, 20).join('\n'));
	}
	// Page weight: the issue allows 30 kB of HTML+CSS+JS per partner page;
	// the theme keeps the example's largest at 25 kB at most, so that real
	// content (a longer presentation, more pictograms) has 5 kB of room.
	{
		const limit = 25 * 1024, heavy = [];
		let max = 0, largest = '';
		for (const f of htmlFiles(path.join(site, 'partenaires'))) {
			const file = path.join(site, 'partenaires', f);
			const html = fs.readFileSync(file, 'utf8');
			let size = Buffer.byteLength(html);
			for (const m of html.matchAll(/<(?:link rel="stylesheet" href|script src)="([^"]+)"/g))
				size += fs.statSync(path.join(path.dirname(file), m[1])).size;
			if (size > max) { max = size; largest = f; }
			if (size > limit) heavy.push(`${f}: ${size} bytes`);
		}
		ok(max > 0 && heavy.length === 0, `partner pages at most 25 kB of HTML+CSS+JS, issue budget 30 kB (largest: ${largest}, ${(max / 1024).toFixed(1)} kB)`, heavy.join('\n'));
	}
	ok(external.length === 0, 'no request left file://', [...new Set(external)].join('\n'));
	ok(errors.length === 0, 'no script error, no console error', errors.join('\n'));
} catch (e) {
	ok(false, 'browser tests ran to the end', e.stack);
} finally {
	await browser.close();
}
done();
