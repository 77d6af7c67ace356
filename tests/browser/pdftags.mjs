// pdftags.mjs — a tagged-PDF checker on real readers: pdf.js (its
// legacy build in Node: getStructTree(), getTextContent() with marked
// content, getOutline(), getMetadata(), getMarkInfo()) and qpdf's JSON
// (the catalog, the pages, the link annotations).
//
//   node pdftags.mjs FILE.pdf
//
// Prints one line per problem, then "ok N pages, N elements, N
// partners" (exit 0) or "FAIL N problems" (exit 1).  Checks:
//  - every text item (non-blank) is inside exactly one marked-content
//    sequence: a structure element's (MCID) or an /Artifact;
//  - page by page, the text of the structure tree in tree order equals
//    the text of the page's tagged items in reading (content) order,
//    blanks aside;
//  - every partner (the outline's second level) is exactly one H2, in
//    the outline's (the booklet's) order;
//  - every Figure has a non-empty /Alt; every TR exactly one TH;
//  - every link annotation has /StructParent and /Contents; every page
//    /StructParents and /Tabs /S;
//  - /Lang, /MarkInfo /Marked true, /ViewerPreferences
//    /DisplayDocTitle true, a /StructTreeRoot, XMP dc:title and
//    pdfuaid:part 1.
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

const file = process.argv[2];
const problems = [];
const bad = (msg) => { if (problems.length < 50) console.log(msg); problems.push(msg); };
const squash = (s) => s.replace(/\s+/g, '').replace(/\u00ad/g, '');
// A name as the booklet can print it: composed, blanks aside, without
// the scripts its fonts lack (left out of the page, check warns).
const printable = (s) => squash(s.normalize('NFC')
    .replace(/[^\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}]/gu, '')
    .replace(/\p{So}/gu, ''));

// ---- qpdf: catalog, pages, annotations
const json = JSON.parse(execFileSync('qpdf', ['--json=2', '--json-key=qpdf', file],
    { maxBuffer: 1 << 30 }).toString());
const objs = json.qpdf[1];
const val = (ref) => (typeof ref === 'string' && objs['obj:' + ref]) ?
    objs['obj:' + ref].value : ref;
let catalog = null;
for (const k in objs)
	if (objs[k].value && objs[k].value['/Type'] === '/Catalog') catalog = objs[k].value;
if (!catalog) bad('no catalog');
else {
	if (!/^u:../.test(catalog['/Lang'] || '')) bad('catalog: no /Lang');
	if (!catalog['/MarkInfo'] || val(catalog['/MarkInfo'])['/Marked'] !== true)
		bad('catalog: no /MarkInfo /Marked true');
	const vp = val(catalog['/ViewerPreferences']);
	if (!vp || vp['/DisplayDocTitle'] !== true) bad('catalog: no /DisplayDocTitle true');
	if (!catalog['/StructTreeRoot']) bad('catalog: no /StructTreeRoot');
	const root = val(catalog['/StructTreeRoot']);
	if (!root || !root['/ParentTree']) bad('structure tree: no /ParentTree');
}
let npages = 0, nannots = 0;
for (const k in objs) {
	const v = objs[k].value;
	if (!v || typeof v !== 'object') continue;
	if (v['/Type'] === '/Page') {
		npages++;
		if (typeof v['/StructParents'] !== 'number') bad(`${k}: page without /StructParents`);
		if (v['/Tabs'] !== '/S') bad(`${k}: page without /Tabs /S`);
	}
	if (v['/Subtype'] === '/Link') {
		nannots++;
		if (typeof v['/StructParent'] !== 'number') bad(`${k}: link annotation without /StructParent`);
		if (!/^[ub]:./.test(v['/Contents'] || '')) bad(`${k}: link annotation without /Contents`);
	}
}

// ---- pdf.js
const doc = await getDocument({ data: new Uint8Array(readFileSync(file)),
    verbosity: 0, isEvalSupported: false, useSystemFonts: false }).promise;
const meta = await doc.getMetadata();
const xmp = meta.metadata;
if (!xmp || !xmp.get('dc:title')) bad('XMP: no dc:title');
if (!xmp || String(xmp.get('pdfuaid:part')) !== '1') bad('XMP: no pdfuaid:part 1');
const mark = await doc.getMarkInfo();
if (!mark || !mark.Marked) bad('pdf.js: not marked');

const h2 = [];
let nelems = 0;
for (let p = 1; p <= doc.numPages; p++) {
	const page = await doc.getPage(p);
	const tc = await page.getTextContent({ includeMarkedContent: true });
	const stack = [], byId = new Map();
	let content = '';
	for (const it of tc.items) {
		if (it.type === 'beginMarkedContent' || it.type === 'beginMarkedContentProps') {
			stack.push(it);
			continue;
		}
		if (it.type === 'endMarkedContent') { stack.pop(); continue; }
		if (!it.str || !it.str.trim()) continue;
		if (stack.length !== 1) {
			bad(`page ${p}: "${it.str}" in ${stack.length} marked-content sequences`);
			continue;
		}
		const mc = stack[0];
		if (mc.tag === 'Artifact') continue;
		if (!mc.id) { bad(`page ${p}: "${it.str}" in /${mc.tag} without MCID`); continue; }
		byId.set(mc.id, (byId.get(mc.id) || '') + it.str);
		content += it.str;
	}
	const tree = await page.getStructTree();
	let treeText = '';
	const walk = (n, path) => {
		if (n.type === 'content') {
			treeText += byId.get(n.id) || '';
			byId.delete(n.id);
			return;
		}
		if (!n.role) return;
		if (n.role !== 'Root') nelems++;
		if (n.role === 'Figure' && !(n.alt && n.alt.trim()))
			bad(`page ${p}: Figure without /Alt`);
		if (n.role === 'TR') {
			const th = (n.children || []).filter((c) => c.role === 'TH').length;
			if (th !== 1) bad(`page ${p}: a TR with ${th} TH`);
		}
		const before = treeText.length;
		for (const c of n.children || []) walk(c, path + '/' + n.role);
		if (n.role === 'H2') h2.push(treeText.slice(before));
	};
	if (tree) walk(tree, '');
	for (const [id, s] of byId)
		bad(`page ${p}: "${s}" (${id}) belongs to no structure element`);
	if (squash(treeText) !== squash(content)) {
		const a = squash(treeText), b = squash(content);
		let i = 0;
		while (i < a.length && a[i] === b[i]) i++;
		bad(`page ${p}: tree order differs from reading order at "${b.slice(i, i + 40)}" (tree: "${a.slice(i, i + 40)}")`);
	}
	page.cleanup();
}

// Partners: the outline's second level, each one H2, in order.
const outline = (await doc.getOutline()) || [];
const partners = [];
for (const o of outline)
	for (const c of o.items || []) partners.push(c.title);
const heads = h2.map(printable);
let at = 0;
for (const name of partners) {
	const k = heads.indexOf(printable(name), at);
	const count = heads.filter((h) => h === printable(name)).length;
	if (count !== 1) bad(`partner "${name}": ${count} H2 headings`);
	else if (k < 0) bad(`partner "${name}": H2 out of the booklet's order`);
	else at = k + 1;
}
if (partners.length === 0 && outline.length > 3) bad('no partner in the outline');

if (problems.length) {
	console.log(`FAIL ${problems.length} problems`);
	process.exit(1);
}
console.log(`ok ${doc.numPages} pages, ${nelems} elements, ${partners.length} partners, ${nannots} links`);
