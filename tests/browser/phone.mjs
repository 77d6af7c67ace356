// The home page on a phone (issue 22): at 360 x 640 px, after typing a
// query, the first result's top is inside the first screen (the need
// tiles fold away while a query or a filter is active, and come back
// when it is cleared); the count is still announced (role="status");
// two words typed glued together ("croixrouge") find what they name.
// Prints TAP.  Driven by tests/suites/phone.sh:
//   node phone.mjs SITE_DIR QUERY...
import path from 'node:path';
import { guard, launch, tap, url, watch } from './lib.mjs';

const [dir, ...queries] = process.argv.slice(2);
const { ok, done } = tap();
const browser = await launch();
const errors = [];
try {
	const ctx = await browser.newContext({ viewport: { width: 360, height: 640 }, locale: 'fr-FR' });
	await guard(ctx);
	const page = watch(await ctx.newPage(), { errors });
	await page.goto(url(path.resolve(dir), 'index.html'));
	for (const q of queries) {
		await page.fill('#q', q);
		await page.waitForFunction(q => document.getElementById('resultats').dataset.q === q, q, { timeout: 5000 });
		const r = await page.evaluate(() => {
			const first = [...document.querySelectorAll('.cartes .carte')].find(c => !c.hidden && c.offsetParent !== null);
			const st = document.getElementById('resultats');
			return { top: first ? first.getBoundingClientRect().top + scrollY : null, h: innerHeight,
				status: st.getAttribute('role'), count: st.textContent,
				tiles: document.querySelector('.besoins') ? document.querySelector('.besoins').offsetParent !== null : false };
		});
		ok(r.top !== null && r.top < r.h, `360 px, "${q}": the first result's top at ${Math.round(r.top)} px, inside the first screen (${r.h} px)`,
		    JSON.stringify(r));
		ok(r.status === 'status' && /partenaire/.test(r.count), `360 px, "${q}": the count is announced (${r.count})`);
	}
	// Two words typed glued together are searched as the two words.
	for (const [q, want] of [['croixrouge', 'croix-rouge'], ['aideménagère', 'afad'], ['epiceriesolidaire', 'gaf-petit-bois']]) {
		await page.fill('#q', q);
		await page.waitForFunction(q => document.getElementById('resultats').dataset.q === q, q, { timeout: 5000 });
		const first = await page.evaluate(() => {
			const c = [...document.querySelectorAll('.cartes .carte')].find(c => !c.hidden);
			return c ? c.dataset.slug : null;
		});
		ok(first === want, `"${q}" (glued words) finds ${want} first (got ${first})`);
	}
	await page.fill('#q', '');
	await page.waitForFunction(() => document.getElementById('resultats').dataset.q === '', null, { timeout: 5000 });
	ok(await page.evaluate(() => document.querySelector('.besoins').offsetParent !== null),
	    '360 px: the need tiles come back when the query is cleared');
	ok(errors.length === 0, 'no script error', errors.join('\n'));
	await ctx.close();
} catch (e) {
	ok(false, 'phone.mjs ran to its end', e.stack);
} finally {
	await browser.close();
}
done();
