// Behaviour of the site's search (issue 13), beyond the relevance scores:
// called by search.mjs with its page helpers; every check goes through
// the real page in headless Chromium.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export async function functional({ page, newPage, ok, search, visible, url, site, stress }) {
	const all = await page.$$eval('.cartes .carte', cs => cs.length);
	const status = () => page.textContent('#resultats');
	const shown = id => page.isVisible(id);

	// --- typing: debounced update, count, order ------------------------------
	await page.fill('#q', '');
	await page.type('#q', 'logement social', { delay: 15 });
	await page.waitForFunction(() => document.getElementById('resultats').dataset.q === 'logement social');
	let v = await visible(page);
	const cats = await page.$$eval('.cartes .carte', cs => Object.fromEntries(cs.map(c => [c.dataset.slug, c.dataset.categorie])));
	ok(v.length > 0 && v.slice(0, 4).every(s => cats[s] === 'bailleurs-sociaux'),
		`typed "logement social": the four social landlords first (${v.slice(0, 4).join(' ')})`);
	ok((await status()).startsWith(`${v.length} partenaire`), `the count follows the list ("${await status()}")`);

	v = await search(page, 'francais');
	ok(['asfir', 'prologue-au-dialogue'].includes(v[0]), `"francais": a French class first, not every partner in list order (${v.slice(0, 3).join(' ')})`);

	// --- marks -----------------------------------------------------------------
	v = await search(page, 'logements');
	const marks = await page.$$eval(`.carte[data-slug="${v[0]}"] mark.trouve`, ms => ms.map(m => m.textContent));
	ok(marks.length > 0 && marks.every(m => /^logement/i.test(m)), `the matched words are marked in the first card (${marks.join(', ')})`);
	const markedName = await page.$$eval('.carte mark.trouve', ms => ms.some(m => m.closest('.carte-titre, .carte-resume, .carte-themes')));
	ok(markedName, 'marks sit in the name, résumé or needs of a card');
	v = await search(page, 'habits');
	const synMarks = await page.$$eval(`.carte[data-slug="${v[0]}"] mark.trouve`, ms => ms.map(m => m.textContent.toLowerCase()));
	ok(synMarks.some(m => /v[êe]tement|vestiaire|vestiboutique/.test(m)), `a synonym found is marked too ("habits": ${synMarks.join(', ')})`);
	await search(page, 'zzqqxx');
	await page.click('#effacer');
	await page.waitForFunction(() => document.getElementById('resultats').dataset.q === '');
	ok(await page.$$eval('mark', ms => ms.length) === 0 && (await visible(page)).length === all,
		'"Effacer la recherche": every card back, no mark left');

	// --- forgiving: typos, partial matches, nothing at all --------------------
	v = await search(page, 'logemnt');
	ok(v.length > 0 && cats[v[0]] !== undefined && (await page.$$eval('mark.trouve', ms => ms.length)) > 0, `one typo in a long word: "logemnt" finds ${v.length} partners`);
	v = await search(page, 'soiz');
	ok(v.length === 0, `no typo allowed under 5 letters: "soiz" finds nothing (${v.length})`);
	v = await search(page, 'vêtements enfants');
	ok(v.length > 0 && await shown('#partiel') && !(await shown('#aucun')),
		`no partner has every word: the closest are shown (${v.length}) with a sentence`);
	const needsLink = await page.$eval('#partiel a', a => a.getAttribute('href'));
	ok(needsLink === 'thematiques.html', 'the sentence links to the needs grid');
	v = await search(page, 'logement');
	ok(!(await shown('#partiel')), 'the sentence goes when every word matches');
	v = await search(page, 'logemmant');
	const close = await page.$$eval('#proches a', as => as.map(a => [a.textContent, a.getAttribute('href')]));
	ok(v.length === 0 && await shown('#aucun') && await shown('#proches') && close.length === 3 &&
		close[0][0] === 'Logement' && close.every(([, h]) => fs.existsSync(path.join(site, h))),
		`nothing matches "logemmant": the closest needs are offered (${close.map(c => c[0]).join(', ')})`);

	// --- filters and query combine ------------------------------------------------
	v = await search(page, 'aide');
	const withAide = v.length;
	await page.selectOption('#f-categorie', 'bailleurs-sociaux');
	await page.waitForFunction(() => document.getElementById('resultats').dataset.q === 'aide');
	v = await visible(page);
	ok(v.length > 0 && v.length < withAide && v.every(s => cats[s] === 'bailleurs-sociaux'),
		`query + catégorie filter: ${v.length} of ${withAide}, all social landlords`);
	await page.selectOption('#f-categorie', '');

	// --- the query in the address, from file:// ---------------------------------
	await search(page, 'sans abri');
	await page.waitForFunction(() => location.search.includes('q='));
	const addr = await page.evaluate(() => location.href);
	ok(/[?&]q=sans%20abri/.test(addr), `the query is kept in the address (${addr.replace(/.*\//, '')})`);
	const p2 = await newPage(390, 800);
	await p2.goto(url(site, 'index.html') + '?q=sans%20abri&categorie=associatifs-cultuels');
	await p2.waitForFunction(() => document.getElementById('resultats').dataset.q === 'sans abri');
	const v2 = await visible(p2);
	ok(await p2.inputValue('#q') === 'sans abri' && v2[0] === 'sos-accueil' && await p2.inputValue('#f-categorie') === 'associatifs-cultuels',
		`a shared address ?q=…&categorie=… opens on the same search (${v2.slice(0, 3).join(' ')})`);
	await p2.context().close();

	// --- accessibility of the results: marks, sentences, suggestions ------------
	for (const [q, w] of [['vêtements enfants', 390], ['logemmant', 390], ['logement social', 1280]]) {
		const a = await newPage(w, 800, true);
		await a.goto(url(site, 'index.html') + '?q=' + encodeURIComponent(q));
		await a.waitForFunction(q => document.getElementById('resultats').dataset.q === q, q);
		await a.addScriptTag({ content: axeSource });
		const r = await a.evaluate(() => axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }));
		ok(r.violations.length === 0, `axe (WCAG 2.1 AA) on the results of "${q}" at ${w} px: ${r.violations.length} violations`,
			r.violations.map(v => `${v.id}: ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ')}`).join('\n'));
		await a.context().close();
	}

	// --- the build cut the index as the script cuts a query ----------------------
	const texts = [];
	for (const f of fs.readdirSync(path.join(site, 'partenaires')).filter(f => f.endsWith('.html'))) {
		const q = await newPage();
		await q.goto(url(site, 'partenaires/' + f));
		texts.push(await q.$$eval('h1, .fiche-resume, .fiche .carte-themes li, .fiche-texte li, .fiche-texte p', es => es.map(e => e.innerText).join('\n')));
		await q.context().close();
	}
	const missing = await page.evaluate(texts => {
		const ix = window.annuaireRecherche, miss = new Set();
		let n = 0;
		texts.forEach(t => ix.words(t).forEach(w => {
			if (ix.stop.has(ix.fold(w)) || /^\d+$/.test(w)) return;
			n++;
			if (!ix.keys(w).some(k => ix.byKey.has(k))) miss.add(w);
		}));
		return { n, miss: [...miss] };
	}, texts);
	ok(missing.n > 1000 && missing.miss.length === 0, `every word of the partners' texts is in the index as the script stems it (${missing.n} words)`, missing.miss.join(' '));

	// --- weights and match kinds, on generated content ---------------------------
	if (stress) {
		const s = await newPage();
		await s.goto(url(stress, 'index.html'));
		const order = async q => { await s.fill('#q', q); await s.waitForFunction(q => document.getElementById('resultats').dataset.q === q, q); return visible(s); };
		let o = await order('vestiaire');
		ok(o.join(' ') === 'nom-exact resume-exact resume-synonyme resume-prefixe presentation-exact',
			`name > résumé: exact > synonym > prefix > presentation ("vestiaire": ${o.join(' ')})`);
		o = await order('vestiaires');
		ok(o[0] === 'nom-exact' && o.includes('resume-synonyme'), `a plural finds the same (${o.join(' ')})`);
		o = await order('vestiai');
		ok(o[0] === 'nom-exact' && o.includes('resume-exact') && o.includes('resume-prefixe') && !o.includes('resume-synonyme'),
			`a prefix matches the words it starts (${o.join(' ')})`);
		o = await order('vestaire');
		ok(o[0] === 'nom-exact' && o.length >= 2, `one typo still finds (${o.join(' ')})`);
		o = await order('bricolage');
		ok(o.join(' ') === 'resume-exact', `exact word only: "bricolage" (${o.join(' ')})`);
		await s.context().close();
	}
}
