// Narrow screens (issue 7): every page of each built site, at 320 and
// 360 px, has no horizontal scroll and nothing drawn outside the
// viewport.  Prints TAP.  Driven by tests/suites/overflow.sh:
//   node overflow.mjs NAME=DIR [NAME=DIR...]
// DIR are built sites (out/site).  Chromium is Debian's.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, tap, url } from './lib.mjs';

const sites = process.argv.slice(2).map(a => {
	const i = a.indexOf('=');
	return { name: a.slice(0, i), dir: path.resolve(a.slice(i + 1)) };
});
const widths = [320, 360];

const { ok, done } = tap();
const htmlFiles = dir => fs.readdirSync(dir, { recursive: true })
	.filter(f => f.endsWith('.html')).sort();

// Run in the page: what sticks out of the viewport.  An element or a
// line of text counts when it is drawn (non-zero size, visible) and not
// inside a box that clips it (overflow other than visible), which is
// then checked itself.
function probe() {
	const vw = window.innerWidth, out = [];
	const clipped = el => {
		for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
			const s = getComputedStyle(a);
			if (s.overflowX !== 'visible' || s.clip !== 'auto' && s.clip !== '' ||
			    s.clipPath !== 'none') return true;
		}
		return false;
	};
	const name = el => {
		let s = el.tagName.toLowerCase();
		if (el.id) s += '#' + el.id;
		if (el.classList.length) s += '.' + [...el.classList].join('.');
		return s;
	};
	const outside = r => r.width > 0 && r.height > 0 && (r.right > vw + 0.5 || r.left < -0.5);
	for (const el of document.body.querySelectorAll('*')) {
		const s = getComputedStyle(el);
		if (s.visibility === 'hidden' || s.display === 'none' || s.position === 'fixed' && s.top.startsWith('-')) continue;
		if (clipped(el)) continue;
		const r = el.getBoundingClientRect();
		if (outside(r) && r.bottom > 0)
			out.push(`${name(el)} [${Math.round(r.left)}, ${Math.round(r.right)}]`);
	}
	const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
	const range = document.createRange();
	for (let t = walk.nextNode(); t; t = walk.nextNode()) {
		if (!t.data.trim() || !t.parentElement || clipped(t)) continue;
		const s = getComputedStyle(t.parentElement);
		if (s.visibility === 'hidden' || s.display === 'none') continue;
		range.selectNodeContents(t);
		for (const r of range.getClientRects())
			if (outside(r) && r.bottom > 0) {
				out.push(`text "${t.data.trim().slice(0, 40)}…" in ${name(t.parentElement)} [${Math.round(r.left)}, ${Math.round(r.right)}]`);
				break;
			}
	}
	return { scroll: document.documentElement.scrollWidth, vw, out };
}

const browser = await launch();
try {
	for (const { name, dir } of sites) {
		const pages = htmlFiles(dir);
		ok(pages.length > 0, `${name}: the site has pages (${pages.length})`);
		for (const width of widths) {
			const ctx = await browser.newContext({ viewport: { width, height: 800 }, locale: 'fr-FR' });
			// 404.html links from the site's URL path (/outil-partenaires/
			// assets/style.css), as a server shows it at any depth: serve
			// such a missing file: path from the site, as the server would.
			await ctx.route('**/*', r => {
				const u = r.request().url();
				if (!u.startsWith('file:')) return r.abort();
				const p = fileURLToPath(u);
				if (fs.existsSync(p)) return r.continue();
				const parts = p.split('/').filter(Boolean);
				for (let i = 1; i < parts.length; i++) {
					const f = path.join(dir, ...parts.slice(i));
					if (fs.existsSync(f) && fs.statSync(f).isFile())
						return r.fulfill({ path: f });
				}
				return r.continue();
			});
			const page = await ctx.newPage();
			const wide = [], sticking = [];
			for (const rel of pages) {
				await page.goto(url(dir, rel), { waitUntil: 'load' });
				const p = await page.evaluate(probe);
				if (p.scroll > p.vw) wide.push(`${rel}: ${p.scroll} px wide`);
				if (p.out.length) sticking.push(`${rel}: ${p.out.slice(0, 3).join('; ')}` +
				    (p.out.length > 3 ? ` (+${p.out.length - 3})` : ''));
			}
			await ctx.close();
			console.log(`# ${name} at ${width} px: ${wide.length} of ${pages.length} pages wider than the screen, ` +
			    `${sticking.length} with something outside it`);
			ok(wide.length === 0, `${name} at ${width} px: no page scrolls sideways (${pages.length} pages)`, wide.join('\n'));
			ok(sticking.length === 0, `${name} at ${width} px: nothing sticks out of the viewport`, sticking.join('\n'));
		}
	}
} catch (e) {
	ok(false, 'overflow.mjs ran to its end', e.stack);
} finally {
	await browser.close();
}
done();
