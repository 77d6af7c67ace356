// Stemmer parity (issue 13): the site's JavaScript Snowball French stemmer
// (themes/default/assets/stem-fr.js) against the official vocabulary and
// expected stems (Debian snowball-data), word by word; the C side
// (libstemmer through src/stem.c) is held to the same list by
// tests/unit/test_stem.c.  Prints TAP.
//   node stem-parity.cjs STEM_JS VOC OUTPUT
'use strict';
const fs = require('fs');
const [stemJs, vocFile, outFile] = process.argv.slice(2);
const stem = require(stemJs);
let n = 0;
function ok(c, d, why) { n++; console.log(`${c ? 'ok' : 'not ok'} ${n} - ${d}`); if (!c && why) console.log(why.split('\n').map(l => '# ' + l).join('\n')); }
const voc = fs.readFileSync(vocFile, 'utf8').split('\n');
const out = fs.readFileSync(outFile, 'utf8').split('\n');
if (voc[voc.length - 1] === '') voc.pop();
if (out[out.length - 1] === '') out.pop();
ok(voc.length === out.length && voc.length > 20000, `Snowball French list: ${voc.length} words and ${out.length} stems`);
const bad = [];
let t0 = process.hrtime.bigint();
voc.forEach((w, i) => { const s = stem(w); if (s !== out[i]) bad.push(`${w}: ${s}, expected ${out[i]}`); });
const ms = Number(process.hrtime.bigint() - t0) / 1e6;
ok(bad.length === 0, `stem-fr.js gives the expected stem of every word (${voc.length - bad.length}/${voc.length})`, bad.slice(0, 20).join('\n'));
console.log(`# ${(ms * 1000 / voc.length).toFixed(1)} µs a word`);
// Words out of the list: never a crash, always a string, idempotent on
// what has no French ending.
const odd = ['', 'a', 'y', 'ë', 'ï', 'qu', 'aïe', '🙂', 'x'.repeat(300), '12', 'ΣΟΦΙΑ'];
ok(odd.every(w => typeof stem(w) === 'string'), 'odd words give a string');
ok(stem('logements') === 'log' && stem('alimentaires') === 'alimentair' && stem('français') === 'franc',
	'known stems: logements, alimentaires, français');
console.log(`1..${n}`);
