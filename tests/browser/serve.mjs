// `annuaire serve` in a real browser (issue 20), printing TAP.  Driven by
// tests/suites/serve.sh, which started the server on the copy CONTENT of
// the example content:
//   node serve.mjs --url http://127.0.0.1:PORT/ --content CONTENT --mode inotify|polling [--axe 1]
// Edits a partner's phone and waits for the open page to show it (the
// delay is printed, not asserted), breaks the page and checks the overlay
// (position, message, quoted line with its caret), fixes it and checks
// the overlay goes; with --axe, axe-core on the overlay and on the
// coordinator's home at 360 and 1280 px.  Only the server's URL is let
// through: no other request leaves the browser.
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { launch, options, tap, watch } from './lib.mjs';

const require = createRequire(import.meta.url);
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const args = options({ mode: 'inotify', axe: '0' });
const base = args.url, mode = args.mode;
const file = path.join(path.resolve(args.content), 'partenaires', 'aejf.md');
const original = fs.readFileSync(file, 'utf8');
const { ok, done } = tap();
// Save as editors do: a new file renamed over the old one, so the server
// never sees a half-written page (a truncated file is a different error).
function save(text) {
	const tmp = path.join(path.dirname(file), '.aejf.md.tmp');
	fs.writeFileSync(tmp, text);
	fs.renameSync(tmp, file);
}

const browser = await launch();
const external = [], errors = [];
async function newPage(width = 1280, height = 900, locale = 'fr-FR') {
	const ctx = await browser.newContext({ viewport: { width, height }, locale });
	await ctx.route('**/*', route => {
		const u = route.request().url();
		if (u.startsWith(base)) return route.continue();
		external.push(u);
		return route.abort();
	});
	const page = await ctx.newPage();
	return watch(page, { errors, console: false });
}
// The text of the page, or '' while it reloads.
const text = async page => { try { return await page.innerText('body'); } catch { return ''; } };
// Wait (at most ms) until cond(page) holds; returns the time it took, or -1.
async function until(page, cond, ms = 60000) {
	const t0 = Date.now();
	while (Date.now() - t0 < ms) {
		try { if (await cond(page)) return Date.now() - t0; } catch { /* reloading */ }
		await new Promise(r => setTimeout(r, 25));
	}
	return -1;
}
const overlay = async page => (await page.$('#annuaire-overlay')) !== null;
async function axeCheck(page, name, width) {
	await page.addScriptTag({ content: axeSource });
	const r = await page.evaluate(() => axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }));
	ok(r.violations.length === 0, `axe (WCAG 2.1 AA), ${name} at ${width} px: ${r.violations.length} violations`,
		r.violations.map(x => `${x.id}: ${x.help} — ${x.nodes.slice(0, 3).map(nd => nd.target.join(' ')).join(', ')}`).join('\n'));
}

try {
	const page = await newPage();
	const resp = await page.goto(base + 'partenaires/aejf.html');
	ok(resp.status() === 200, `${mode}: the partner's page is served (${resp.status()})`);
	ok((await text(page)).includes('01 99 00 10 01'), `${mode}: it shows the phone 01 99 00 10 01`);
	let navigations = 0;
	page.on('framenavigated', f => { if (f === page.mainFrame()) navigations++; });

	// Edit the phone: the open page follows by itself.
	const t0 = Date.now();
	save(original.replace('01 99 00 10 01', '01 99 00 10 42'));
	let ms = await until(page, async p => (await text(p)).includes('01 99 00 10 42'));
	ok(ms >= 0, `${mode}: the open page shows the new phone without a manual reload`);
	console.log(`# edit-to-reload delay (${mode}): ${Date.now() - t0} ms`);
	ok(navigations >= 1, `${mode}: the page reloaded itself (${navigations} navigation)`);

	// Break the page: every page shows the error at its position.
	const lines = original.split('\n');
	const at = lines.findIndex(l => l.startsWith('telephone:'));
	const broken = original.replace('telephone: "01 99 00 10 01"', 'telephone: [oops');
	save(broken);
	const pos = `partenaires/aejf.md:${at + 1}:12`;
	const overlayText = p => p.$eval('#annuaire-overlay', e => e.innerText).catch(() => '');
	ms = await until(page, async p => (await overlayText(p)).includes(pos));
	ok(ms >= 0, `${mode}: broken page → the overlay appears without a manual reload`);
	const ov = await overlayText(page);
	ok(ov.includes(pos), `${mode}: the overlay gives the position ${pos}`, ov.slice(0, 800));
	ok(/erreur\s*:/.test(ov) && ov.includes('n’est pas fermée'), `${mode}: the overlay speaks French (Accept-Language fr)`, ov.slice(0, 800));
	const pre = await page.$eval('#annuaire-overlay pre', e => e.textContent).catch(() => '');
	const [quoted, caret] = pre.split('\n');
	ok(quoted.endsWith('telephone: [oops') && caret.indexOf('^') === quoted.indexOf('[') && caret.trimEnd().endsWith('^'),
		`${mode}: the line is quoted with a caret under column 12`, pre);
	ok((await text(page)).includes('01 99 00 10 42'), `${mode}: the last good build stays underneath`);
	const home = await newPage(1280, 900, 'en-GB');
	await home.goto(base + 'index.html');
	const hv = await text(home);
	ok(hv.includes(pos) && hv.includes('The content has errors') && /error: this list/.test(hv),
		`${mode}: another page shows the overlay too, in English for an English browser`, hv.slice(0, 600));
	if (args.axe === '1') {
		for (const width of [360, 1280]) {
			const p = await newPage(width, 800);
			await p.goto(base + 'partenaires/caf-yvelines.html');
			ok(await overlay(p), `overlay shown at ${width} px`);
			await axeCheck(p, 'the overlay', width);
			await p.context().close();
		}
		// The button hides it.
		await page.click('#annuaire-overlay-masquer');
		ok(await page.$eval('#annuaire-overlay', e => e.hidden), 'the overlay can be hidden');
	}

	// Fix it: the overlay goes and the page shows the fixed content.
	save(original.replace('01 99 00 10 01', '01 99 00 10 43'));
	ms = await until(page, async p => !(await overlay(p)) && (await text(p)).includes('01 99 00 10 43'));
	ok(ms >= 0, `${mode}: fixed → the overlay goes and the page reloads (${ms} ms)`);
	await until(home, async p => !(await overlay(p)));
	ok(!(await overlay(home)), `${mode}: … on the other page too`);

	if (args.axe === '1') {
		for (const width of [360, 1280]) {
			const p = await newPage(width, 800);
			await p.goto(base + '_annuaire/');
			// The booklets of the last fix may still be building (slow
			// under the sanitizers): read the home once they are done.
			for (let i = 0; i < 240 && (await p.textContent('body')).includes('Construction en cours'); i++) {
				await p.waitForTimeout(500);
				await p.goto(base + '_annuaire/');
			}
			await axeCheck(p, "the coordinator's home", width);
			if (width === 1280) {
				const rows = await p.$$eval('tbody tr', rs => rs.length);
				const pages = await p.$$eval('tbody a[href^="/partenaires/"]', as => as.length);
				const bk = await p.$$eval('tbody a[href^="/livret.pdf#page="]', as => as.length);
				ok(rows === 29 && pages === 29 && bk === 29, `home: 29 partners, each with its page and booklet page (${rows}, ${pages}, ${bk})`);
				console.log('# home: ' + (await text(p)).split('\n').slice(0, 14).join(' | '));
			}
			await p.context().close();
		}
	}
	ok(external.length === 0, `${mode}: no request left the server`, external.join('\n'));
	ok(errors.length === 0, `${mode}: no script error`, errors.join('\n'));
} catch (e) {
	ok(false, `${mode}: the browser test ran to its end`, e.stack);
} finally {
	await browser.close();
}
done();
