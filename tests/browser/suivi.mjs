// suivi.html on a phone (issue 22): at 320 and 360 px, the follow-up page
// of `annuaire report` scrolls only downwards, and every partner with a
// phone or an address has tel: and mailto: links drawn on screen.  Prints
// TAP.  Driven by tests/suites/readers.sh:
//   node suivi.mjs FILE MIN_TEL MIN_MAILTO
import path from 'node:path';
import { launch, guard, tap, url } from './lib.mjs';

const [file, minTel, minMail] = process.argv.slice(2);
const { ok, done } = tap();
const browser = await launch();
try {
	for (const width of [320, 360]) {
		const ctx = await browser.newContext({ viewport: { width, height: 700 }, locale: 'fr-FR' });
		await guard(ctx);
		const page = await ctx.newPage();
		await page.goto(url(path.dirname(path.resolve(file)), path.basename(file)), { waitUntil: 'load' });
		const r = await page.evaluate(() => {
			const shown = a => { const b = a.getBoundingClientRect(); return b.width > 0 && b.height > 0; };
			const links = p => [...document.querySelectorAll(`a[href^="${p}"]`)].filter(shown);
			const wide = [...document.querySelectorAll('a')].filter(a => {
				const b = a.getBoundingClientRect(); return b.width > 0 && b.right > innerWidth + 0.5; });
			return { scroll: document.documentElement.scrollWidth, vw: innerWidth,
				tel: links('tel:').length, mail: links('mailto:').length,
				wide: wide.map(a => a.textContent).slice(0, 3),
				time: document.querySelectorAll('time[datetime]').length };
		});
		ok(r.scroll <= r.vw && r.wide.length === 0, `suivi.html at ${width} px: no horizontal scroll`,
		    `${r.scroll} px wide for ${r.vw}; ${r.wide.join(', ')}`);
		ok(r.tel >= +minTel, `suivi.html at ${width} px: ${r.tel} tel: links shown (>= ${minTel})`);
		ok(r.mail >= +minMail, `suivi.html at ${width} px: ${r.mail} mailto: links shown (>= ${minMail})`);
		await ctx.close();
	}
} catch (e) {
	ok(false, 'suivi.mjs ran to its end', e.stack);
} finally {
	await browser.close();
}
done();
