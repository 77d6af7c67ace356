// lib.mjs — what the browser tests share (site, form, search, jsonld,
// overflow, campaign .mjs): Debian's Chromium launched through
// playwright-core with the project's options, the guard that lets only
// file: requests through, the page listeners that collect script errors
// and dialogs, the "--name value" command line, and TAP output.
import { chromium } from 'playwright-core';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

// Headless /usr/bin/chromium, no sandbox, GPU or network of its own.
export function launch() {
	return chromium.launch({
		executablePath: '/usr/bin/chromium',
		headless: true,
		args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
			'--disable-background-networking', '--disable-component-update', '--disable-sync'],
	});
}

// Lets the file: requests of a browser context through and aborts every
// other one, pushing its URL onto seen when given (a test then asserts
// that seen is empty).
export function guard(ctx, seen) {
	return ctx.route('**/*', route => {
		const u = route.request().url();
		if (u.startsWith('file:')) return route.continue();
		if (seen) seen.push(u);
		return route.abort();
	});
}

// Collects what goes wrong in page: uncaught script errors ("URL:
// message") into errors, dialog messages into dialogs (each dismissed),
// console errors into errors too unless console is false (axe-core logs
// its refused file:// style sheet reads there).  Each list is optional.
export function watch(page, { errors, dialogs, console: cons = true }) {
	if (dialogs) page.on('dialog', d => { dialogs.push(d.message()); d.dismiss().catch(() => {}); });
	if (errors) page.on('pageerror', e => errors.push(`${page.url()}: ${e.message}`));
	if (errors && cons) page.on('console', m => { if (m.type() === 'error') errors.push(`${page.url()}: ${m.text()}`); });
	return page;
}

// The "--name value" pairs of the command line over defaults.
export function options(defaults = {}) {
	const args = { ...defaults };
	for (let i = 2; i < process.argv.length; i += 2) args[process.argv[i].replace(/^--/, '')] = process.argv[i + 1];
	return args;
}

// The file: URL of rel inside folder dir.
export const url = (dir, rel) => pathToFileURL(path.join(dir, rel)).href;

// TAP on stdout: ok(cond, desc, why) prints "ok N - desc" or "not ok N -
// desc" and, on failure, why as "# " lines (40 at most); skip(desc, why)
// a skipped test; done() prints the plan and exits 1 if any test failed.
export function tap() {
	let n = 0, failed = 0;
	return {
		ok(cond, desc, why) {
			n++;
			if (cond) console.log(`ok ${n} - ${desc}`);
			else {
				failed++;
				console.log(`not ok ${n} - ${desc}`);
				if (why) console.log(String(why).split('\n').slice(0, 40).map(l => '# ' + l).join('\n'));
			}
		},
		skip(desc, why) { n++; console.log(`ok ${n} - ${desc} # SKIP ${why}`); },
		done() {
			console.log(`1..${n}`);
			process.exit(failed ? 1 : 0);
		},
	};
}
