// Browser tests of the partner form (issue 8 §1), printing TAP.  Driven by
// tests/suites/form.sh:
//   node form.mjs --forms DIR --hostile DIR --stress DIR --cases TSV
//                 --paste TSV --out DIR --shots DIR
// --forms: the forms of every example partner (out/campagne/<slug>.html);
// --hostile: the forms of the golden fixture (with its hostile page);
// --stress: the forms of the generated stress content.  Downloads land in
// OUT/rt (untouched form, "Enregistrer ma fiche"), OUT/rien ("Rien n'a
// changé"), OUT/fill (the filled form), OUT/phone (phones typed without
// spaces) and OUT/word (a presentation pasted from Word, through a real
// paste event); the shell suite then loads them
// with annuaire.  The browser's clock is fixed at 2019-03-01, so "today"
// in the pages is that date.
import { createRequire } from 'node:module';
import fs from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { guard, launch, options, tap, url, watch } from './lib.mjs';

const require = createRequire(import.meta.url);
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

const args = options();
const forms = path.resolve(args.forms), hostile = path.resolve(args.hostile),
	stress = path.resolve(args.stress), out = path.resolve(args.out),
	shots = path.resolve(args.shots);
const TODAY = '2019-03-01';

const { ok, skip, done } = tap();
const htmlFiles = dir => fs.readdirSync(dir).filter(f => f.endsWith('.html')).sort();

const browser = await launch();
const requests = [], dialogs = [], errors = [];
async function newPage(width = 1280, height = 900, axe = false) {
	const ctx = await browser.newContext({ viewport: { width, height }, locale: 'fr-FR',
		acceptDownloads: true });
	await guard(ctx, requests);
	const page = await ctx.newPage();
	await page.clock.setFixedTime(new Date(`${TODAY}T10:00:00`));
	page.on('request', r => { if (!r.url().startsWith('file:')) requests.push(r.url()); });
	return watch(page, { errors, dialogs, console: !axe });
}
async function download(page, selector, file) {
	const [dl] = await Promise.all([
		page.waitForEvent('download', { timeout: 5000 }),
		page.click(selector),
	]);
	fs.mkdirSync(path.dirname(file), { recursive: true });
	await dl.saveAs(file);
	return dl.suggestedFilename();
}
async function noDownload(page, selector) {
	let got = false;
	const h = () => { got = true; };
	page.on('download', h);
	await page.click(selector);
	await page.waitForTimeout(400);
	page.off('download', h);
	return !got;
}

// The escapes of tests/validate-cases.tsv: \\ \t \n \xHH (UTF-8 bytes).
function unescape(s) {
	const bytes = [];
	for (let i = 0; i < s.length; i++) {
		if (s[i] !== '\\') { bytes.push(...Buffer.from(s[i])); continue; }
		const c = s[++i];
		if (c === '\\') bytes.push(0x5c);
		else if (c === 't') bytes.push(9);
		else if (c === 'n') bytes.push(10);
		else if (c === 'r') bytes.push(13);
		else if (c === 'x') { bytes.push(parseInt(s.substr(i + 1, 2), 16)); i += 2; }
		else throw new Error(`bad escape \\${c}`);
	}
	return Buffer.from(bytes).toString('utf8');
}

try {
	const slugs = htmlFiles(forms).map(f => f.replace(/\.html$/, ''));
	ok(slugs.length >= 20, `a form for every example partner (${slugs.length})`);

	// --- one set of rules: the table of cases against the form's validators
	{
		const page = await newPage();
		await page.goto(url(forms, slugs[0] + '.html'));
		const cases = fs.readFileSync(args.cases, 'utf8').split('\n')
			.map((l, i) => [l, i + 1]).filter(([l]) => l !== '' && !l.startsWith('#'))
			.map(([l, line]) => { const f = l.split('\t'); return { line, v: f[0], input: unescape(f[1]),
				ok: f[2] === 'ok', expected: f[3] === '-' ? null : unescape(f[3]) }; });
		const inForm = ['phone', 'email', 'url', 'date', 'hours', 'ranges', 'code_postal', 'slug', 'color'];
		const results = await page.evaluate(cs => cs.map(c => {
			const V = window.annuaireForm.validate;
			let ok, val = null;
			if (c.v === 'slug') ok = V.slug(c.input);
			else if (c.v === 'ranges') {
				const rs = c.input === '' ? [] : c.input.split(',').map(x => V.hours(x).value);
				const r = V.ranges(rs);
				ok = r.ok; val = r.ok ? null : String(r.bad);
			} else {
				const r = V[c.v](c.input);
				ok = r.ok;
				if (ok && c.v === 'phone') val = r.value.display + '|' + r.value.uri;
				else if (ok && c.v === 'hours') val = r.value.text;
				else if (ok && (c.v === 'date' || c.v === 'color')) val = r.value;
				if (!ok && !r.why) return { ok, val, nowhy: true };
			}
			return { ok, val };
		}), cases.filter(c => inForm.includes(c.v)));
		const mine = cases.filter(c => inForm.includes(c.v));
		const bad = [];
		mine.forEach((c, i) => {
			const r = results[i];
			if (r.ok !== c.ok) bad.push(`line ${c.line}: ${c.v} ${JSON.stringify(c.input)}: form says ${r.ok ? 'ok' : 'bad'}, C says ${c.ok ? 'ok' : 'bad'}`);
			else if (r.nowhy) bad.push(`line ${c.line}: ${c.v} ${JSON.stringify(c.input)}: refused without a message`);
			else if (c.v !== 'slug' && c.v !== 'email' && c.v !== 'url' && c.v !== 'code_postal' && r.val !== c.expected)
				bad.push(`line ${c.line}: ${c.v} ${JSON.stringify(c.input)}: form gives ${r.val}, C gives ${c.expected}`);
		});
		const byV = {};
		mine.forEach(c => { byV[c.v] = (byV[c.v] || 0) + 1; });
		ok(bad.length === 0, `the form's validators agree with the C ones on ${mine.length - bad.length}/${mine.length} cases of validate-cases.tsv (${Object.entries(byV).map(([k, v]) => k + ' ' + v).join(', ')})`, bad.join('\n'));
		const others = [...new Set(cases.filter(c => !inForm.includes(c.v)).map(c => c.v))];
		skip(`validate-cases.tsv: ${cases.length - mine.length} cases of ${others.join(', ')}`, 'C-only helpers, not used by the form');
		await page.context().close();
	}

	// --- text pasted from Word: the table of cases against the form's port -
	if (args.paste) {
		const page = await newPage();
		await page.goto(url(forms, slugs[0] + '.html'));
		const cases = fs.readFileSync(args.paste, 'utf8').split('\n')
			.map((l, i) => [l, i + 1]).filter(([l]) => l !== '' && !l.startsWith('#'))
			.map(([l, line]) => { const f = l.split('\t');
				return { line, name: f[0], input: unescape(f[1]), expected: unescape(f[2]), counts: f[3] }; });
		const got = await page.evaluate(cs => cs.map(c => {
			const F = window.annuaireForm, r = {}, r2 = {};
			const out = F.pasteClean(c.input, r);
			const again = F.pasteClean(c.expected, r2);
			return { out, counts: [r.bullets, r.numbers, r.indents, r.invisibles, r.spaces].join(','),
				again, counts2: [r2.bullets, r2.numbers, r2.indents, r2.invisibles, r2.spaces].join(',') };
		}), cases);
		const bad = [];
		cases.forEach((c, i) => {
			const g = got[i];
			if (g.out !== c.expected) bad.push(`line ${c.line} ${c.name}: form gives ${JSON.stringify(g.out)}, expected ${JSON.stringify(c.expected)}`);
			else if (g.counts !== c.counts) bad.push(`line ${c.line} ${c.name}: counts ${g.counts}, expected ${c.counts}`);
			else if (g.again !== c.expected || g.counts2 !== '0,0,0,0,0') bad.push(`line ${c.line} ${c.name}: cleaning again changes it`);
		});
		ok(cases.length >= 40 && bad.length === 0,
			`the form's paste cleaning agrees with paste.c on ${cases.length - bad.length}/${cases.length} cases of paste-cases.tsv`, bad.join('\n'));
		await page.context().close();
	}

	// --- round trip: every example partner, untouched, both buttons --------
	{
		const page = await newPage();
		const names = [], rien = [];
		for (const slug of slugs) {
			await page.goto(url(forms, slug + '.html'));
			names.push(await download(page, '#telecharger', path.join(out, 'rt', slug + '.md')));
			rien.push(await download(page, '#rien', path.join(out, 'rien', slug + '.md')));
		}
		ok(names.every((f, i) => f === slugs[i] + '.md') && rien.every((f, i) => f === slugs[i] + '.md'),
			`every form downloads <slug>.md, with both buttons (${names.length} + ${rien.length} files)`,
			names.filter((f, i) => f !== slugs[i] + '.md').join(' '));
		const status = await page.textContent('#etat');
		ok(/2019|1er mars 2019/.test(status), `"Rien n'a changé" says the date it wrote ("${status.slice(0, 80)}…")`);
		await page.context().close();
	}

	// --- stress content: odd characters survive the trip -------------------
	{
		const page = await newPage();
		const files = htmlFiles(stress);
		for (const f of files) {
			await page.goto(url(stress, f));
			await download(page, '#telecharger', path.join(out, 'stress', f.replace(/\.html$/, '.md')));
		}
		ok(files.length > 0, `stress forms downloaded untouched (${files.length})`);
		await page.context().close();
	}

	// --- random texts through the page writer ------------------------------
	// Pages with random texts (quotes, backslashes, colons, hashes, brackets,
	// accents, emoji, NBSP, tabs and line breaks where a text may hold them)
	// written by the form's writer, loaded by annuaire (form_tool dump): every
	// text comes back as the form meant it.
	if (args.tool && args.site) {
		const page = await newPage();
		await page.goto(url(forms, slugs[0] + '.html'));
		const N = 150;
		const made = await page.evaluate(n => {
			const F = window.annuaireForm;
			const pool = ['a', 'é', 'Z', '0', ' ', ' ', '"', "'", '\\', ':', ': ', ' #', '#', '-', '- ', '[', ']', '{', '}',
				',', '&', '*', '!', '|', '>', '%', '@', '`', '?', '«', '»', '’', '🏠', '\u00a0', '\u202f', '~', 'null', 'yes',
				'---', '...', '<script>', '\t'];
			let seed = 12345;
			const rnd = k => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % k; };
			const text = (len, ml) => {
				let s = '';
				for (let i = 0; i < len; i++) s += ml && rnd(8) === 0 ? '\n' : pool[rnd(pool.length)];
				return s;
			};
			const out = [];
			for (let i = 0; i < n; i++) {
				const p = { nom: F.value(text(1 + rnd(30))) || 'x', sigle: F.value(text(rnd(6))), categorie: 'institutionnels',
					thematiques: ['sante'], resume: F.value(text(1 + rnd(60))) || 'r',
					missions: [F.value(text(1 + rnd(40))) || 'm', F.value(text(1 + rnd(40))) || 'n'],
					actions: [{ titre: F.value(text(1 + rnd(20))) || 't', description: F.value(text(rnd(40), true), true) }],
					public: F.value(text(rnd(50), true), true),
					acces: { modalites: [], cout: null, precisions: F.value(text(rnd(40), true), true) },
					langues: [], accessibilite: { niveau: null, precisions: null },
					adresse: { rue: F.value(text(1 + rnd(20))) || 'r', complement: null, code_postal: '78000', ville: 'V' },
					transports: F.value(text(rnd(30), true), true),
					horaires: { lundi: ['09:00-12:00'], mardi: [], mercredi: [], jeudi: [], vendredi: [], samedi: [],
						dimanche: [], precisions: F.value(text(rnd(30), true), true) },
					telephone: null, courriel: 'a@example.org', site: null, contacts: [], logo: null, liens: [],
					presentation: rnd(4) === 0 ? null : text(rnd(200), true) + '\n' };
				if (p.presentation !== null && F.trim(p.presentation) === '') p.presentation = null;
				out.push({ page: p, text: F.pageText(p, '2019-03-01') });
			}
			return out;
		}, N);
		const dir = path.join(out, 'random', 'content');
		fs.mkdirSync(path.join(dir, 'partenaires'), { recursive: true });
		fs.copyFileSync(args.site, path.join(dir, 'site.yaml'));
		made.forEach((m, i) => fs.writeFileSync(path.join(dir, 'partenaires', `r${String(i).padStart(2, '0')}.md`), m.text));
		let dump = '', err = '';
		try {
			dump = execFileSync(args.tool, ['dump', dir], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
		} catch (e) { err = String(e.stderr || e.message); }
		const bad = [];
		if (err) bad.push(err);
		else {
			const json = JSON.parse(dump.slice(0, dump.indexOf('\n}\n') + 2));
			const bySlug = Object.fromEntries(json.partenaires.map(p => [p.slug, p]));
			made.forEach((m, i) => {
				const got = bySlug[`r${String(i).padStart(2, '0')}`], p = m.page;
				if (!got) { bad.push(`r${i}: not loaded`); return; }
				const pairs = [['nom', got.nom, p.nom], ['sigle', got.sigle, p.sigle], ['resume', got.resume, p.resume],
					['missions', JSON.stringify(got.missions), JSON.stringify(p.missions)],
					['actions', JSON.stringify(got.actions), JSON.stringify(p.actions)],
					['public', got.public, p.public], ['acces.precisions', got.acces.precisions, p.acces.precisions],
					['rue', got.adresse.rue, p.adresse.rue], ['transports', got.transports, p.transports],
					['horaires.precisions', got.horaires.precisions, p.horaires.precisions],
					['presentation', got.presentation, p.presentation]];
				for (const [k, g, w] of pairs)
					if (g !== w) bad.push(`r${i} ${k}: got ${JSON.stringify(g)}, wrote ${JSON.stringify(w)}`);
			});
		}
		ok(bad.length === 0, `${N} pages of random texts come back as written (quotes, \\, : #, brackets, emoji, NBSP, tabs, line breaks)`,
			bad.slice(0, 20).join('\n'));
		await page.context().close();
	}

	// --- filling a form -----------------------------------------------------
	{
		const slug = slugs.includes('aejf') ? 'aejf' : slugs[0];
		const page = await newPage(360, 800);
		await page.goto(url(forms, slug + '.html'));
		await page.fill('#telephone', '01.99.00.77.88');
		await page.locator('#telephone').blur();
		ok(await page.textContent('#telephone-err') === '', 'a phone written with dots is accepted');
		await page.fill('#telephone', '01 99 00 77');
		await page.locator('#telephone').blur();
		const perr = await page.textContent('#telephone-err');
		ok(/8 chiffres/.test(perr) && await page.getAttribute('#telephone', 'aria-invalid') === 'true',
			`a short phone is refused as typed ("${perr}")`);
		await page.fill('#telephone', '01 99 00 77 88');
		ok(await page.textContent('#telephone-err') === '' && await page.getAttribute('#telephone', 'aria-invalid') === null,
			'the message goes once the phone is fixed');

		// Hours: a new range on Saturday, written the French way.
		await page.click('#h-samedi-ajouter');
		ok(await page.evaluate(() => document.activeElement.id) === 'h-samedi-0', 'adding a range puts the focus in it');
		await page.keyboard.type('9h30-12h');
		await page.locator('#h-samedi-0').blur();
		ok(await page.inputValue('#h-samedi-0') === '09:30-12:00', `"9h30-12h" becomes "${await page.inputValue('#h-samedi-0')}"`);
		// An overlapping range on Monday is refused, then removed.
		const nmon = await page.locator('[id^="h-lundi-"].plage').count();
		await page.click('#h-lundi-ajouter');
		await page.keyboard.type('17h-18h');
		await page.locator(`#h-lundi-${nmon}`).blur();
		const oerr = await page.textContent(`#h-lundi-${nmon}-err`);
		ok(/chevauche/.test(oerr), `an overlapping range is refused ("${oerr}")`);
		await page.click(`button[aria-label="Retirer la plage ${nmon + 1} du lundi"]`);
		ok(await page.locator('[id^="h-lundi-"].plage').count() === nmon, 'the range is removed');

		// An e-mail without a dot in its domain: message, aria-invalid, no download.
		await page.fill('#courriel', 'accueil@exemple');
		await page.locator('#courriel').blur();
		const merr = await page.textContent('#courriel-err');
		ok(/point/.test(merr) && await page.getAttribute('#courriel', 'aria-invalid') === 'true',
			`an invalid e-mail is shown as such ("${merr}")`);
		const described = await page.getAttribute('#courriel', 'aria-describedby');
		ok(described.split(' ').includes('courriel-err') && await page.getAttribute('#courriel-err', 'aria-live') === 'polite',
			'the message is tied to the field and announced (aria-describedby, aria-live)');
		ok(await noDownload(page, '#telecharger'), 'no file while a field is wrong');
		const sum = await page.locator('#resume-erreurs li').allTextContents();
		ok(sum.length === 1 && /Courriel/.test(sum[0]) && await page.evaluate(() => document.activeElement.id) === 'resume-erreurs',
			`a summary lists what to fix and takes the focus (${JSON.stringify(sum)})`);
		await page.screenshot({ path: path.join(shots, 'form-erreur-360.png'), fullPage: false });
		await page.click('#resume-erreurs a');
		ok(await page.evaluate(() => document.activeElement.id) === 'courriel', 'the summary leads to the field');
		await page.fill('#courriel', 'accueil@exemple.org');
		// A required field emptied, then filled again.
		await page.fill('#ville', '');
		await page.locator('#ville').blur();
		ok(/obligatoire/.test(await page.textContent('#ville-err')), 'an emptied required field says so');
		await page.fill('#ville', 'Versailles');
		// A mission added; the presentation changed.
		await page.click('#missions-ajouter');
		await page.keyboard.type('Écouter « vraiment » les familles :');
		await page.keyboard.press('Enter');
		await page.keyboard.type(' sans jugement #1');
		const mission = await page.evaluate(() => document.activeElement.value);
		ok(!mission.includes('\n'), `Enter makes no line break in a one-line text (${JSON.stringify(mission)})`);
		const pres = await page.inputValue('#presentation');
		await page.fill('#presentation', pres + '\nUn paragraphe ajouté.\n');
		const name = await download(page, '#telecharger', path.join(out, 'fill', slug + '.md'));
		ok(name === slug + '.md' && (await page.locator('#resume-erreurs li').count()) === 0,
			`the fixed form downloads ${name}`);
		await page.context().close();
	}

	// --- a presentation pasted from Word: a real paste event -------------
	// Word puts text/plain on the clipboard with "•\t", "o\t" and U+F0B7
	// bullets, a tab-led line, zero-width spaces and soft hyphens: the
	// field receives Markdown lists, says what it changed, the preview
	// shows the lists, and the file saved holds them.
	{
		const slug = slugs.includes('aejf') ? 'aejf' : slugs[0];
		const page = await newPage(1280, 900);
		await page.goto(url(forms, slug + '.html'));
		const word = 'Nous proposons\u00a0:\n\u2022\tdes colis alimentaires\no\tle mercredi\no\tle samedi\n' +
			'\uf0b7\tun vestiaire\n\tdes ateliers d\u2019ac\u00adcompagnement\nSur rendez\u200b-vous.\n';
		await page.fill('#presentation', '');
		await page.focus('#presentation');
		await page.evaluate(text => {
			const t = document.getElementById('presentation'), dt = new DataTransfer();
			dt.setData('text/plain', text);
			t.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
		}, word);
		const v = await page.inputValue('#presentation');
		ok(v === 'Nous proposons\u00a0:\n\n- des colis alimentaires\n  - le mercredi\n  - le samedi\n- un vestiaire\n' +
			'- des ateliers d\u2019accompagnement\n\nSur rendez-vous.\n', `a Word paste becomes Markdown lists in the field (${JSON.stringify(v)})`);
		const note = await page.textContent('#presentation-collage');
		ok(note === 'Texte collé depuis Word\u00a0: 4 puces changées en liste, 1 ligne en retrait changée en liste ou en paragraphe, 2 caractères invisibles retirés.',
			`the field says what the paste changed ("${note}")`);
		ok((await page.getAttribute('#presentation', 'aria-describedby')).split(' ').includes('presentation-collage') &&
			await page.getAttribute('#presentation-collage', 'aria-live') === 'polite', 'the note is tied to the field and announced');
		const items = await page.$$eval('#presentation-apercu > div > ul > li', ls => ls.map(l => l.firstChild.textContent.trim()));
		const sub = await page.$$eval('#presentation-apercu ul ul > li', ls => ls.map(l => l.textContent));
		ok(JSON.stringify(items) === JSON.stringify(['des colis alimentaires', 'un vestiaire', 'des ateliers d\u2019accompagnement']) &&
			JSON.stringify(sub) === JSON.stringify(['le mercredi', 'le samedi']),
			`the preview shows the lists, nested (${JSON.stringify(items)} ${JSON.stringify(sub)})`);
		await page.screenshot({ path: path.join(shots, 'form-collage-word.png'), fullPage: false });
		await download(page, '#telecharger', path.join(out, 'word', slug + '.md'));
		await page.context().close();
	}

	// --- the preview: the site's Markdown subset, nothing run ---------------
	{
		const page = await newPage(360, 800);
		await page.goto(url(forms, slugs[0] + '.html'));
		ok(await page.$eval('#presentation-apercu', e => e.textContent.trim().length > 0) ===
			(await page.inputValue('#presentation')).trim().length > 0, 'the preview shows the presentation as it came');
		await page.fill('#presentation', 'Un **accueil** *chaleureux* et [notre site](https://example.org/a?b=1).\n' +
			'Suite du paragraphe <script>alert(1)</script> <img src=x onerror=alert(2)>.\n\n' +
			'## À savoir\n\n1. un\n2. deux\n   - deux bis\n\n[piège](javascript:alert(3))\n');
		const r = await page.evaluate(() => {
			const b = document.getElementById('presentation-apercu');
			return { strong: [...b.querySelectorAll('strong')].map(e => e.textContent),
				em: [...b.querySelectorAll('em')].map(e => e.textContent),
				links: [...b.querySelectorAll('a')].map(a => [a.textContent, a.getAttribute('href')]),
				ps: b.querySelectorAll(':scope > div > p').length,
				ol: [...b.querySelectorAll('ol > li')].length, nested: [...b.querySelectorAll('ol ul > li')].length,
				scripts: b.querySelectorAll('script, img').length, text: b.textContent };
		});
		ok(JSON.stringify(r.strong) === '["accueil"]' && JSON.stringify(r.em) === '["chaleureux"]',
			`bold and italic are shown (${JSON.stringify(r.strong)} ${JSON.stringify(r.em)})`);
		ok(JSON.stringify(r.links) === '[["notre site","https://example.org/a?b=1"]]',
			`a link is shown, a javascript: one is not a link (${JSON.stringify(r.links)})`);
		ok(r.ol === 2 && r.nested === 1, `a numbered list and its nested item (${r.ol}, ${r.nested})`);
		ok(r.ps >= 3, `paragraphs and the heading are blocks of their own (${r.ps})`);
		ok(r.scripts === 0 && r.text.includes('<script>alert(1)</script>') && dialogs.length === 0,
			'markup written in the presentation is shown as text, never run');
		await page.screenshot({ path: path.join(shots, 'form-apercu-360.png'), fullPage: false });
		await page.context().close();
	}

	// --- phones typed without spaces: written as the site prints them ----
	{
		const slug = slugs.includes('caf-yvelines') ? 'caf-yvelines' : slugs[0];
		const page = await newPage();
		await page.goto(url(forms, slug + '.html'));
		await page.fill('#telephone', '0199003040');
		const nc = await page.locator('#contacts > ol > li').count();
		await page.click('#contacts-ajouter');
		await page.keyboard.type('Camille Exemple');
		await page.fill(`#contacts-${nc}-telephone`, '+33 6 12 34 56 78');
		await download(page, '#telecharger', path.join(out, 'phone', slug + '.md'));
		ok(true, `phones typed in the form of ${slug} saved`);
		await page.context().close();
	}

	// --- French typography in what the form says ------------------------
	{
		const page = await newPage(360, 800);
		const bad = [];
		for (const slug of slugs.slice(0, 3)) {
			await page.goto(url(forms, slug + '.html'));
			await page.click('#telecharger');	/* status text too */
			const texts = await page.$$eval('.aide, label, legend, .intro, .bienvenue p, h1, h2, button, .etat, .surtitre, option, th, caption',
				es => es.map(e => e.textContent));
			texts.push(await page.title());
			for (const t of texts)
				if (/ [:;?!\u00bb]|\u00ab /.test(t)) bad.push(`${slug}: ${JSON.stringify(t)}`);
		}
		ok(bad.length === 0, 'the form\'s texts bind « » : ; ? ! with a no-break space (no line starts with one)', bad.slice(0, 10).join('\n'));
		await page.context().close();
	}

	// --- lists and choices, on a page with almost nothing ------------------
	{
		const page = await newPage(360, 800);
		await page.goto(url(stress, 'stress-minimal.html'));
		await page.click('text=Indiquer des horaires');
		ok(await page.evaluate(() => document.activeElement.id) === 'h-lundi-ajouter', 'hours can be given where there were none');
		await page.click('#h-lundi-ajouter');
		await page.keyboard.type('14:00-17:00');
		await page.selectOption('#langue-ajout', 'fr');
		await page.selectOption('#langue-ajout', 'ar');
		ok((await page.locator('.langue').count()) === 2 && await page.evaluate(() => document.activeElement.id) === 'langue-ajout',
			'two languages added, the focus stays on the list');
		await page.click('#actions-ajouter');
		await page.keyboard.type('Permanence');
		await page.click('#contacts-ajouter');
		await page.keyboard.type('Camille Exemple');
		await page.fill('#contacts-0-telephone', '06 12 34 56 78');
		await page.click('#missions-ajouter');
		await page.keyboard.type('Seconde mission');
		await page.click('button[aria-label="Retirer : mission 1"]');
		ok(await page.inputValue('#missions-0') === 'Seconde mission', 'a removed item takes its place away, the others keep what was typed');
		await page.check('label:has-text("Gratuit")');
		await page.check('label:has-text("Sans rendez-vous")');
		await page.uncheck('label:has-text("Santé")');
		await page.click('#telecharger');
		const sum = await page.locator('#resume-erreurs li').allTextContents();
		ok(sum.length === 1 && /besoin/.test(sum[0]), `no besoin left: said before saving (${JSON.stringify(sum)})`);
		await page.check('label:has-text("Handicap")');
		await page.check('label:has-text("Santé")');
		await download(page, '#telecharger', path.join(out, 'lists', 'stress-minimal.md'));
		await page.fill('#ville', 'Paris');
		await download(page, '#rien', path.join(out, 'lists-rien', 'stress-minimal.md'));
		const st = await page.textContent('#etat');
		ok(/modifications/.test(st), `"Rien n'a changé" after an edit warns that the edits are not in the file ("${st.slice(-90)}")`);
		await page.context().close();
	}

	// --- hostile and stress pages are inert -------------------------------
	{
		const page = await newPage();
		for (const f of htmlFiles(hostile)) {
			await page.goto(url(hostile, f));
			await page.waitForTimeout(100);
		}
		const nom = await page.inputValue('#nom');
		ok(dialogs.length === 0, `hostile page values run no script (${dialogs.length} dialogs)`, dialogs.join('\n'));
		const hf = htmlFiles(hostile).find(f => f.startsWith('hostile'));
		if (hf) {
			await page.goto(url(hostile, hf));
			const v = await page.inputValue('#nom');
			ok(v.startsWith("<script>alert('nom')</script>"), `a hostile name shows as text in its field (${v.slice(0, 40)}…)`);
			ok(await page.$$eval('script', s => s.length) === 2, 'the page holds only its two script elements (data and code)');
		} else ok(false, 'the hostile fixture has a form', nom);
		await page.context().close();
	}

	// --- phone size, touch targets, axe, screenshots --------------------
	for (const width of [360, 1280]) {
		const slug = slugs.includes('caf-yvelines') ? 'caf-yvelines' : slugs[0];
		const page = await newPage(width, 900, true);
		await page.goto(url(forms, slug + '.html'));
		const over = await page.evaluate(() => document.documentElement.scrollWidth);
		ok(over <= width, `no horizontal scrolling at ${width} px (${over} px wide)`);
		const small = await page.$$eval('button, input:not([type=checkbox]):not([type=radio]), select, textarea, .case, .raccourci a',
			es => es.filter(e => e.offsetParent !== null).map(e => [e.id || e.className || e.tagName, Math.round(e.getBoundingClientRect().height), Math.round(e.getBoundingClientRect().width)])
				.filter(([, h, w]) => h < 44 || w < 44));
		ok(small.length === 0, `every target is at least 44 px at ${width} px`, JSON.stringify(small.slice(0, 10)));
		const fontPx = await page.$eval('#nom', e => parseFloat(getComputedStyle(e).fontSize));
		ok(fontPx >= 16, `fields use ${fontPx} px text at ${width} px (no zoom on focus)`);
		await page.addScriptTag({ content: axeSource });
		const r = await page.evaluate(() => axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }));
		ok(r.violations.length === 0, `axe (WCAG 2.1 AA) at ${width} px: ${r.violations.length} violations`,
			r.violations.map(v => `${v.id}: ${v.help} (${v.nodes.length}) ${v.nodes.slice(0, 3).map(x => x.target.join(' ')).join(', ')}`).join('\n'));
		// Errors shown, then axe again: messages must pass too.
		await page.fill('#courriel', 'pas une adresse');
		await page.fill('#code_postal', '7800');
		await page.click('#telecharger');
		const r2 = await page.evaluate(() => axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }));
		ok(r2.violations.length === 0, `axe with messages shown at ${width} px: ${r2.violations.length} violations`,
			r2.violations.map(v => `${v.id}: ${v.help} ${v.nodes.slice(0, 3).map(x => x.target.join(' ')).join(', ')}`).join('\n'));
		await page.goto(url(forms, slug + '.html'));
		await page.screenshot({ path: path.join(shots, `form-${width}.png`), fullPage: true });
		ok(fs.statSync(path.join(shots, `form-${width}.png`)).size > 10000, `screenshot form-${width}.png`);
		await page.context().close();
	}

	ok(requests.length === 0, `no request other than file: (${requests.length})`, requests.join('\n'));
	ok(errors.length === 0, `no script error (${errors.length})`, errors.join('\n'));
} catch (e) {
	ok(false, 'form.mjs ran to the end', e.stack);
} finally {
	await browser.close();
}
done();
