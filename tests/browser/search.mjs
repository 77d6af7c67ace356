// The site's search as a reader uses it (issue 13), printing TAP.  Driven
// by tests/suites/search.sh:
//   node search.mjs --site DIR --relevance FILE [--big DIR] [--min-s5 0.9]
//                   [--min-mrr 0.8] [--functional 1] [--stress DIR]
// --site: the example edition's built site; --relevance: the relevance set
// (tests/search/relevance.tsv); --big: a site of 1 000 synthetic partners,
// for the typing-to-result benchmark (printed as "# bench: ...", never
// asserted); --stress: a small generated edition for the weights;
// --functional 0 scores the relevance set alone.  Each query is typed in
// the real home page in headless Chromium; the ranked visible cards are
// read back and scored.
import fs from 'node:fs';
import path from 'node:path';
import { guard, launch, options, tap, url, watch } from './lib.mjs';

const args = options({ 'min-s5': '0.9', 'min-mrr': '0.8', functional: '1' });
const site = path.resolve(args.site);

const { ok, done } = tap();

const browser = await launch();
const errors = [], external = [];
async function newPage(width = 1280, height = 900, axe = false) {
	const ctx = await browser.newContext({ viewport: { width, height }, locale: 'fr-FR' });
	await guard(ctx, external);
	const page = await ctx.newPage();
	// axe-core reads style sheets with XMLHttpRequest, refused on file://.
	return watch(page, { errors, console: !axe });
}

// The visible cards, in the order shown.
const visible = page => page.$$eval('.cartes .carte', cs => cs.filter(c => !c.hidden && c.offsetParent !== null)
	.map(c => c.dataset.slug));
// Type QUERY and wait until the list shows it: the script marks the status
// line with data-q once the results for that query are in place (a script
// that does not, the search of before issue 13, updates synchronously).
async function search(page, query) {
	await page.fill('#q', query);
	await page.waitForFunction(q => {
		const r = document.getElementById('resultats');
		return !('q' in r.dataset) || r.dataset.q === q;
	}, query, { timeout: 5000 });
	return visible(page);
}

function readRelevance(file) {
	return fs.readFileSync(file, 'utf8').split('\n')
		.filter(l => l.trim() !== '' && !l.startsWith('#'))
		.map(l => { const [q, kind, rel] = l.split('\t'); return { q, kind, rel: rel.trim().split(/\s+/) }; });
}

try {
	// --- relevance: success@5 and MRR over the relevance set ---------------
	const set = readRelevance(args.relevance);
	const page = await newPage();
	await page.goto(url(site, 'index.html'));
	const slugs = new Set(await page.$$eval('.cartes .carte', cs => cs.map(c => c.dataset.slug)));
	const unknown = set.flatMap(e => e.rel.filter(s => !slugs.has(s)).map(s => `${e.q}: ${s}`));
	ok(set.length >= 40 && unknown.length === 0, `relevance set: ${set.length} queries, every partner named exists`, unknown.join('\n'));
	let s5 = 0, rr = 0;
	const misses = [], byKind = {};
	for (const e of set) {
		const got = await search(page, e.q);
		const rank = got.findIndex(s => e.rel.includes(s)) + 1;
		const hit = rank >= 1 && rank <= 5;
		s5 += hit ? 1 : 0;
		rr += rank >= 1 ? 1 / rank : 0;
		const k = byKind[e.kind] ??= { n: 0, s5: 0, rr: 0 };
		k.n++; k.s5 += hit ? 1 : 0; k.rr += rank >= 1 ? 1 / rank : 0;
		if (!hit || rank > 1) misses.push(`"${e.q}" (${e.kind}): first relevant at ${rank || 'none'} of ${got.length}; top: ${got.slice(0, 5).join(' ')}`);
	}
	const S5 = s5 / set.length, MRR = rr / set.length;
	console.log(`# relevance: success@5 = ${(100 * S5).toFixed(1)} % (${s5}/${set.length}), MRR = ${MRR.toFixed(3)}`);
	for (const [k, v] of Object.entries(byKind))
		console.log(`#   ${k.padEnd(8)} ${String(v.n).padStart(3)} queries  success@5 ${(100 * v.s5 / v.n).toFixed(0).padStart(3)} %  MRR ${(v.rr / v.n).toFixed(3)}`);
	if (misses.length) console.log('# not first:\n' + misses.map(m => '#   ' + m).join('\n'));
	ok(S5 >= Number(args['min-s5']), `success@5 ${(100 * S5).toFixed(1)} % >= ${100 * Number(args['min-s5'])} %`);
	ok(MRR >= Number(args['min-mrr']), `MRR ${MRR.toFixed(3)} >= ${args['min-mrr']}`);

	if (args.functional === '1') {
		const { functional } = await import('./search-functional.mjs');
		await functional({ page, newPage, ok, search, visible, url, site,
			stress: args.stress ? path.resolve(args.stress) : null });
	}
	await page.context().close();

	// --- benchmark: typing to result at 1 000 partners ---------------------
	if (args.big) {
		const big = await newPage();
		await big.goto(url(path.resolve(args.big), 'index.html'));
		const count = await big.$$eval('.cartes .carte', cs => cs.length);
		const queries = ['logement', 'logemnt social', 'aide alimentaire', 'sans abri', 'francais', 'cv', 'zzqqxx'];
		const times = [];
		for (let r = 0; r < 3; r++)
			for (const q of queries) {
				times.push(await big.evaluate(q => new Promise(resolve => {
					const input = document.getElementById('q'), st = document.getElementById('resultats');
					input.value = '';
					const t0 = performance.now();
					input.value = q;
					input.dispatchEvent(new Event('input', { bubbles: true }));
					const done = () => requestAnimationFrame(() => resolve([performance.now() - t0, Number(st.dataset.ms || 0)]));
					if (!('q' in st.dataset)) { done(); return; }
					const obs = new MutationObserver(() => { if (st.dataset.q === q) { obs.disconnect(); done(); } });
					obs.observe(st, { attributes: true });
				}), q));
			}
		const total = times.map(t => t[0]).sort((a, b) => a - b), work = times.map(t => t[1]).sort((a, b) => a - b);
		const med = a => a[Math.floor(a.length / 2)];
		const delay = await big.evaluate(() => Number(document.querySelector('.recherche').dataset.delai || 0));
		console.log(`# bench: typing to result at ${count} partners: median ${med(total).toFixed(0)} ms, max ${total[total.length - 1].toFixed(0)} ms over ${total.length} searches` +
			` (the ${delay} ms typing pause included; search and list update alone: median ${med(work).toFixed(0)} ms, max ${work[work.length - 1].toFixed(0)} ms)`);
		ok(count >= 1000, `benchmark site has ${count} partners`);
		await big.context().close();
	}
	ok(errors.length === 0, 'no script error', errors.join('\n'));
	ok(external.length === 0, 'no request outside file://', external.join('\n'));
} catch (e) {
	ok(false, 'search.mjs ran to the end', e.stack);
}
await browser.close();
done();
