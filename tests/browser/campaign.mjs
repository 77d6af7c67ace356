// campaign.mjs — the form that `annuaire campaign` writes, used as a
// partner would: in headless Chromium from file://, change the phone and
// download the page ("#telecharger"), and on another form press "Rien
// n'a changé" ("#rien").  The files land in --out; tests/suites/campaign.sh
// then imports them.  Prints "ok FILE" per download, "error MSG" else.
//
//   node campaign.mjs --forms DIR --out DIR --today AAAA-MM-JJ
//                     --changed SLUG --phone "01 99 00 12 34" --same SLUG
import fs from 'node:fs';
import path from 'node:path';
import { guard, launch, options, url } from './lib.mjs';

const args = options();
const forms = path.resolve(args.forms), out = path.resolve(args.out);
fs.mkdirSync(out, { recursive: true });

const browser = await launch();
let failed = 0;
async function form(slug, act) {
	const ctx = await browser.newContext({ viewport: { width: 360, height: 800 }, locale: 'fr-FR',
		acceptDownloads: true });
	await guard(ctx);
	const page = await ctx.newPage();
	await page.clock.setFixedTime(new Date(`${args.today}T10:00:00`));
	page.on('pageerror', e => { failed++; console.log(`error ${slug}: ${e.message}`); });
	await page.goto(url(forms, `${slug}.html`));
	const button = await act(page);
	const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 5000 }), page.click(button)]);
	// As a browser saves a second download of the same name.
	const file = path.join(out, dl.suggestedFilename().replace(/\.md$/, ' (1).md'));
	await dl.saveAs(file);
	console.log(`ok ${file}`);
	await ctx.close();
}
try {
	await form(args.changed, async page => {
		await page.fill('#telephone', args.phone);
		await page.locator('#telephone').blur();
		return '#telecharger';
	});
	await form(args.same, async () => '#rien');
} catch (e) {
	failed++;
	console.log(`error ${e.message.split('\n')[0]}`);
}
await browser.close();
process.exit(failed ? 1 : 0);
