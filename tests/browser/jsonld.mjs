// The schema.org JSON-LD of the site read back in a real browser (issue 9
// §3), printing TAP.  Driven by tests/suites/jsonld.sh:
//   node jsonld.mjs --site DIR --hostile DIR --name FILE
// --site: the example's built site; every partner page's JSON-LD is
// parsed and compared with the page's visible contact block (name, résumé,
// call button, e-mail, web site, address, hours table); the home page's
// publisher with the footer.  --hostile: a site whose one partner page
// (partenaires/hostile.html) has the name held in FILE (with </script>,
// <!--, U+2028, U+2029): the JSON-LD must parse back to it exactly and no
// script of the partner may run.  Chromium is Debian's.
import fs from 'node:fs';
import path from 'node:path';
import { guard, launch, options, tap, url, watch } from './lib.mjs';

const args = options();
const site = path.resolve(args.site), hostile = path.resolve(args.hostile);
const hostileName = fs.readFileSync(args.name, 'utf8');

const { ok, done } = tap();

const browser = await launch();
const errors = [], dialogs = [];
const ctx = await browser.newContext({ locale: 'fr-FR' });
await guard(ctx);
const page = await ctx.newPage();
watch(page, { errors, dialogs, console: false });

// What the page shows and what its JSON-LD says, gathered in the page.
async function read(rel, dir = site) {
	await page.goto(url(dir, rel));
	return page.evaluate(() => {
		const norm = s => (s || '').replace(/[\u00a0\u202f\s]+/g, ' ').trim();
		const blocks = [...document.querySelectorAll('script[type="application/ld+json"]')];
		let ld = null, parseError = null;
		try { ld = blocks.length ? JSON.parse(blocks[0].textContent) : null; } catch (e) { parseError = e.message; }
		const c = document.querySelector('.contact');
		const q = s => c && c.querySelector(s);
		const hours = {};
		for (const tr of document.querySelectorAll('table.horaires tr[data-jour]')) {
			const r = [...tr.querySelectorAll('.plage')].map(p => {
				const t = [...norm(p.textContent).matchAll(/(\d+) h(?: (\d+))?/g)].map(m => +m[1] * 60 + +(m[2] || 0));
				return t.join('-');
			});
			if (r.length) hours[tr.dataset.jour] = r.sort();
		}
		const adr = q('.adresse') ? q('.adresse').innerText.split('\n').map(norm).filter(Boolean) : [];
		const footer = document.querySelector('.pied');
		return {
			count: blocks.length, ld, parseError,
			scripts: document.scripts.length,
			h1: norm(document.querySelector('h1') && document.querySelector('h1').textContent),
			resume: norm(document.querySelector('.fiche-resume') && document.querySelector('.fiche-resume').textContent),
			tel: q('a.bouton-principal[href^="tel:"]') ? q('a.bouton-principal').getAttribute('href') : null,
			mail: q('a.contact-courriel') ? q('a.contact-courriel').getAttribute('href') : null,
			web: q('a[rel~="external"]:not([href*="openstreetmap"])') ? q('a[rel~="external"]:not([href*="openstreetmap"])').getAttribute('href') : null,
			adr, hours,
			publisher: footer ? norm(footer.textContent) : '',
			pwned: window.__pwned === 1,
		};
	});
}
const norm = s => (s || '').replace(/[\u00a0\u202f\s]+/g, ' ').trim();
const bare = s => (s || '').replace(/[\u00a0\u202f\s]+/g, '');
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const hm = t => { const [h, m] = t.split(':').map(Number); return t === '23:59' ? 1440 : h * 60 + m; };

try {
	// --- the example: JSON-LD = the visible contact block ------------------
	const rels = fs.readdirSync(path.join(site, 'partenaires')).filter(f => f.endsWith('.html')).sort();
	const bad = [];
	let withHours = 0, withWeb = 0;
	for (const f of rels) {
		const v = await read('partenaires/' + f);
		const ld = v.ld, why = m => bad.push(`${f}: ${m}`);
		if (v.count !== 1 || !ld) { why(`${v.count} JSON-LD blocks ${v.parseError || ''}`); continue; }
		if (ld['@context'] !== 'https://schema.org' || ld['@type'] !== 'Organization') why(`@type ${ld['@type']}`);
		// French typography puts no-break spaces before : ; ! ? on the page.
		const shown = norm(ld.name) + (ld.alternateName ? ` (${norm(ld.alternateName)})` : '');
		if (bare(shown) !== bare(v.h1)) why(`name ${JSON.stringify(shown)} != h1 ${JSON.stringify(v.h1)}`);
		if (bare(ld.description) !== bare(v.resume)) why(`description != résumé`);
		if ((ld.telephone ? 'tel:' + ld.telephone : null) !== v.tel) why(`telephone ${ld.telephone} vs ${v.tel}`);
		if ((ld.email ? 'mailto:' + ld.email : null) !== v.mail) why(`email ${ld.email} vs ${v.mail}`);
		if ((ld.url || null) !== v.web) why(`url ${ld.url} vs ${v.web}`);
		if (ld.url) withWeb++;
		const a = ld.address || {};
		// Shown as lines: rue, complement, "code ville".
		const want = `${norm(a.streetAddress)} | ${a.postalCode} ${a.addressLocality}`;
		const got = `${v.adr.slice(0, -1).join(', ')} | ${v.adr[v.adr.length - 1]}`;
		if (bare(want) !== bare(got)) why(`address ${want} vs ${got}`);
		if (JSON.stringify(ld.location && ld.location.address) !== JSON.stringify(ld.address)) why('location.address differs');
		const hours = {};
		for (const s of (ld.location && ld.location.openingHoursSpecification) || []) {
			if (s['@type'] !== 'OpeningHoursSpecification') why('spec @type');
			for (const d of s.dayOfWeek) {
				const i = DAYS.indexOf(d.replace('https://schema.org/', ''));
				(hours[i] = hours[i] || []).push(`${hm(s.opens)}-${hm(s.closes)}`);
			}
		}
		for (const k in hours) hours[k].sort();
		if (Object.keys(hours).length) withHours++;
		if (JSON.stringify(hours) !== JSON.stringify(v.hours)) why(`hours ${JSON.stringify(hours)} vs table ${JSON.stringify(v.hours)}`);
		for (const k of ['contacts', 'suivi', 'note_suivi', 'contactPoint', 'employee', 'member'])
			if (k in ld) why(`private key ${k}`);
	}
	ok(rels.length > 0 && bad.length === 0,
		`${rels.length} partner pages: JSON-LD name, résumé, phone, e-mail, site (${withWeb}), address, hours (${withHours}) = the visible contact block`,
		bad.join('\n'));
	ok(withHours > 0 && withWeb > 0, `the comparison covered hours (${withHours} pages) and web sites (${withWeb})`);

	const home = await read('index.html');
	ok(home.count === 1 && home.ld && home.ld['@type'] === 'WebSite' && home.ld.publisher &&
		// the footer names it with its article (site.yaml's editeur.article)
		new RegExp(`Publié par (?:(?:la|le|les) |l[’'])?${norm(home.ld.publisher.name).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`).test(home.publisher),
	`home page: WebSite whose publisher is the footer's ("${home.ld && home.ld.publisher && home.ld.publisher.name}")`,
	JSON.stringify(home.ld));

	// --- a hostile name -------------------------------------------------------
	const h = await read('partenaires/hostile.html', hostile);
	ok(h.count === 1 && !h.parseError, 'hostile page: one JSON-LD block that parses', h.parseError || `${h.count} blocks`);
	ok(h.ld && h.ld.name === hostileName, 'hostile page: the name reads back exactly (</script>, <!--, U+2028, U+2029)',
		`${JSON.stringify(h.ld && h.ld.name)} != ${JSON.stringify(hostileName)}`);
	ok(bare(h.h1) === bare(hostileName), 'hostile page: the heading shows the name as text', h.h1);
	ok(!h.pwned && dialogs.length === 0, 'hostile page: no script of the partner ran', dialogs.join(' '));
	ok(errors.length === 0, 'no script error on any page', errors.join('\n'));
} catch (e) {
	ok(false, 'jsonld.mjs ran', e.stack);
} finally {
	await browser.close();
}
done();
