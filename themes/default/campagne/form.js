/*
 * form.js — the partner's update form (annuaire campaign).
 *
 * Inlined into out/campagne/<slug>.html by src/form.c, after the data
 * element #donnees: {"page": the partner's current page, "site": the
 * closed vocabularies}.  Builds one section per part of the page,
 * checks each field as the partner types with the same rules as
 * src/validate.c (the cases of tests/validate-cases.tsv run against
 * both), and writes the page file <slug>.md back in the format that
 * `annuaire check` reads (docs/FORMAT.md).  No request leaves the page:
 * the file is made in memory and saved through a download link.
 *
 * window.annuaireForm exposes the validators and the writer for the
 * browser tests.
 */
(function () {
	"use strict";

	/*
	 * ---- validators: a port of src/validate.c --------------------------
	 * Same verdicts and normalised values (tests/validate-cases.tsv), and
	 * the wording of the French translation of check's messages.
	 */

	var SPACES = " \t\u00a0\u202f\u2009";

	function isDigit(c) { return c >= "0" && c <= "9"; }
	function isAlnum(c) {
		return isDigit(c) || (c >= "a" && c <= "z") || (c >= "A" && c <= "Z");
	}
	function isSpace(c) { return c !== "" && SPACES.indexOf(c) >= 0; }
	function utf8(s) { return new TextEncoder().encode(s); }
	function q(s) { return "« " + s + " »"; }
	function res(ok, why, value) {
		return { ok: ok, why: ok ? null : why, value: ok ? value : null };
	}
	function bad(why) { return res(false, why); }

	/* 15, 17, 18; 3-4 digits starting 1 or 3; 116 xxx. */
	function shortNumber(d) {
		var n = d.length;
		if (n === 2)
			return d === "15" || d === "17" || d === "18";
		if (n === 3 || n === 4)
			return d[0] === "1" || d[0] === "3";
		if (n === 6)
			return d.slice(0, 3) === "116";
		return false;
	}

	function phone(s) {
		var d = "", plus = false, prefix00 = false, i = 0, c, b, grp;

		while (i < s.length) {
			c = s[i];
			if (isSpace(c)) { i++; continue; }
			if (c === "+" && d.length === 0 && !plus) {
				plus = true; i++; continue;
			}
			if (s.substr(i, 3) === "(0)" && d.length > 0) {
				i += 3; continue;
			}
			if (".-/()".indexOf(c) >= 0) { i++; continue; }
			if (!isDigit(c))
				return bad(q(s) + " n’est pas un numéro de téléphone : " +
				    "n’utilisez que des chiffres, des espaces et des points, " +
				    "comme dans 01 39 00 00 00");
			if (d.length + 1 >= 32)
				return bad(q(s) + " a trop de chiffres pour un numéro de " +
				    "téléphone");
			d += c; i++;
		}
		if (d.length === 0)
			return bad(q(s) + " n’a aucun chiffre : un numéro de " +
			    "téléphone s’écrit comme 01 39 00 00 00");
		if (!plus && d.length > 10 && d[0] === "0" && d[1] === "0") {
			d = d.slice(2);
			plus = prefix00 = true;
		}
		if (plus && d.length >= 2 && d[0] === "3" && d[1] === "3") {
			d = d.slice(2);
			if (d.length > 0 && d[0] === "0")
				d = d.slice(1);
			if (d.length !== 9)
				return bad(q(s) + " a " + d.length + " chiffres après +33, " +
				    "un numéro français en a 9 (+33 1 39 00 00 00)");
			d = "0" + d;
			plus = false;
		} else if (plus) {
			if (d.length < 6 || d.length > 15 || d[0] === "0")
				return bad(q(s) + " n’est pas un numéro international : " +
				    "après + viennent l’indicatif du pays et 6 à 15 " +
				    "chiffres en tout");
			b = "+";
			for (i = 0; i < s.length; ) {
				c = s[i];
				if (isSpace(c)) {
					if (b.length > 1 && b[b.length - 1] !== " ")
						b += " ";
					i++;
				} else if (s.substr(i, 3) === "(0)" && b.length > 1) {
					i += 3;
				} else if (isDigit(c)) {
					b += c; i++;
				} else if (c === "." || c === "-" || c === "/") {
					if (b.length > 1 && b[b.length - 1] !== " ")
						b += " ";
					i++;
				} else
					i++;
			}
			if (prefix00)
				b = "+" + d;
			return res(true, null, { display: b, uri: "tel:+" + d });
		}
		if (d.length !== 10 && shortNumber(d))
			return res(true, null, { display: d, uri: "tel:" + d });
		if (d.length !== 10)
			return bad(q(s) + " a " + d.length + " chiffre" +
			    (d.length > 1 ? "s" : "") + ", un numéro français en a 10");
		if (d[0] !== "0")
			return bad(q(s) + " ne commence pas par 0 : un numéro " +
			    "français s’écrit comme 01 39 00 00 00");
		if (d[1] === "0")
			return bad(q(s) + " n’est pas un numéro français : le " +
			    "deuxième chiffre ne peut pas être 0");
		grp = [];
		for (i = 0; i < 10; i += 2)
			grp.push(d.substr(i, 2));
		return res(true, null, { display: grp.join(" "),
		    uri: "tel:+33" + d.slice(1) });
	}

	/* RFC 5322 atext plus UTF-8 (a byte >= 0x80). */
	function atext(b) {
		return (b >= 48 && b <= 57) || (b >= 65 && b <= 90) ||
		    (b >= 97 && b <= 122) || b >= 0x80 ||
		    "!#$%&'*+-/=?^_`{|}~".indexOf(String.fromCharCode(b)) >= 0;
	}
	function alnumByte(b) {
		return (b >= 48 && b <= 57) || (b >= 65 && b <= 90) ||
		    (b >= 97 && b <= 122);
	}

	/* A host name, on UTF-8 bytes like the C: {ok, bad (a byte index)}. */
	function host(h, needDot) {
		var n = h.length, i, lab = 0, dots = 0, c, prev = 46;

		if (n === 0 || n > 253)
			return { ok: false, bad: -1 };
		for (i = 0; i < n; i++) {
			c = h[i];
			if (c === 46) {
				if (prev === 46 || prev === 45)
					return { ok: false, bad: -1 };
				dots++;
				lab = 0;
			} else if (c === 45) {
				if (prev === 46)
					return { ok: false, bad: -1 };
				lab++;
			} else if (alnumByte(c) || c >= 0x80) {
				lab++;
			} else
				return { ok: false, bad: i };
			if (lab > 63)
				return { ok: false, bad: -1 };
			prev = c;
		}
		if (prev === 45 || (prev === 46 && n > 1 && dots === 1))
			return { ok: false, bad: -1 };
		if (needDot && dots === 0)
			return { ok: false, bad: -1 };
		return { ok: true, bad: -1 };
	}

	function email(s) {
		var i, at, local, dom, b, hr, last;

		for (i = 0; i < s.length; i++)
			if (isSpace(s[i]))
				return bad(q(s) + " contient une espace : une adresse " +
				    "électronique n’en a pas");
		at = s.indexOf("@");
		if (at < 0)
			return bad(q(s) + " n’a pas de @ : une adresse électronique " +
			    "s’écrit comme nom@example.org");
		if (s.indexOf("@", at + 1) >= 0)
			return bad(q(s) + " a plus d’un @ : n’écrivez qu’une adresse");
		if (at === 0)
			return bad(q(s) + " n’a rien avant le @");
		local = utf8(s.slice(0, at));
		if (local.length > 64)
			return bad(q(s) + " est trop long avant le @ (64 caractères " +
			    "au plus)");
		for (i = 0; i < local.length; i++) {
			b = local[i];
			if (b === 46) {
				if (i === 0 || i + 1 === local.length || local[i + 1] === 46)
					return bad(q(s) + " a un point mal placé avant le @");
			} else if (!atext(b))
				return bad(q(s) + " a un caractère interdit dans " +
				    "une adresse électronique : " +
				    q(String.fromCharCode(b)));
		}
		dom = s.slice(at + 1);
		if (dom === "")
			return bad(q(s) + " n’a rien après le @");
		if (dom.indexOf(".") < 0)
			return bad(q(s) + " : la partie après le @ n’a pas de point, " +
			    "comme dans example.org");
		b = utf8(dom);
		hr = host(b, true);
		if (!hr.ok) {
			if (hr.bad >= 0)
				return bad(q(s) + " : la partie après le @ a un " +
				    "caractère interdit dans un nom de domaine : " +
				    q(String.fromCharCode(b[hr.bad])));
			return bad(q(s) + " : la partie après le @ n’est pas un nom " +
			    "de domaine comme example.org");
		}
		last = dom.slice(dom.lastIndexOf(".") + 1);
		if (utf8(last).length < 2 || isDigit(last[0] || ""))
			return bad(q(s) + " : le domaine doit se terminer par un nom comme " +
			    ".fr ou .org");
		return res(true, null, s);
	}

	function url(s) {
		var i, c, h, e, p, port, hs, low = s.toLowerCase(), colon;

		for (i = 0; i < s.length; i++) {
			c = s.charCodeAt(i);
			if (isSpace(s[i]))
				return bad(q(s) + " contient une espace : une adresse " +
				    "web n’en a pas (écrivez %20 s’il le faut)");
			if (c < 0x20 || c === 0x7f)
				return bad(q(s) + " contient un caractère de contrôle");
		}
		if (low.slice(0, 8) === "https://")
			h = 8;
		else if (low.slice(0, 7) === "http://")
			h = 7;
		else if (low.slice(0, 4) === "www.")
			return bad(q(s) + " doit commencer par https:// (ou " +
			    "http://) : écrivez https://" + s);
		else if ((colon = s.indexOf(":")) >= 0)
			return bad(q(s.slice(0, colon + 1)) + " n’est pas permis : " +
			    "seules les adresses web qui commencent par https:// ou " +
			    "http:// le sont");
		else
			return bad(q(s) + " n’est pas une adresse web : elle doit " +
			    "commencer par https:// (ou http://)");
		e = h;
		while (e < s.length && "/?#".indexOf(s[e]) < 0)
			e++;
		if (s.slice(h, e).indexOf("@") >= 0)
			return bad(q(s) + " : une adresse web ne doit pas contenir " +
			    "de nom d’utilisateur ni de mot de passe (@)");
		p = s.slice(h, e).indexOf(":");
		if (p >= 0) {
			p += h;
			port = s.slice(p + 1, e);
			if (port.length === 0 || utf8(port).length > 5 ||
			    !/^[0-9]*$/.test(port))
				return bad(q(s) + " a un numéro de port incorrect");
			e = p;
		}
		if (e === h)
			return bad(q(s) + " n’a pas de nom de site après le //");
		hs = s.slice(h, e);
		if (!host(utf8(hs), false).ok ||
		    (hs.indexOf(".") < 0 && hs.toLowerCase() !== "localhost"))
			return bad(q(s) + " : " + q(hs) + " n’est pas un nom de site " +
			    "comme www.example.org");
		return res(true, null, s);
	}

	function daysInMonth(y, m) {
		var days = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
		if (m < 1 || m > 12)
			return 0;
		if (m === 2 && ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0))
			return 29;
		return days[m - 1];
	}

	var MOIS = ["janvier", "février", "mars", "avril", "mai", "juin",
	    "juillet", "août", "septembre", "octobre", "novembre", "décembre"];

	function date(s) {
		var m = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/.exec(s), y, mo, d, a,
		    dim;

		if (m === null) {
			a = /^([0-9]{2})([/.-])([0-9]{2})\2([0-9]{4})$/.exec(s);
			if (a !== null && +a[3] >= 1 && +a[3] <= 12 && +a[1] >= 1 &&
			    +a[1] <= daysInMonth(+a[4], +a[3]))
				return bad(q(s) + " n’est pas écrit année-mois-jour : " +
				    "écrivez " + a[4] + "-" + a[3] + "-" + a[1]);
			return bad(q(s) + " n’est pas une date écrite année-mois-" +
			    "jour, comme 2018-03-15");
		}
		y = +m[1]; mo = +m[2]; d = +m[3];
		if (y < 1900 || y > 2999)
			return bad(q(s) + " : l’année " + y + " n’est pas plausible");
		if (mo < 1 || mo > 12)
			return bad(q(s) + " n’est pas une vraie date : il n’y a pas " +
			    "de mois " + mo + " (les mois vont de 01 à 12)");
		dim = daysInMonth(y, mo);
		if (d < 1 || d > dim)
			return bad(q(s) + " n’est pas une vraie date : " +
			    MOIS[mo - 1] + " " + y + " compte " + dim + " jours");
		return res(true, null, s);
	}

	function hhmm(min) {
		var h = Math.floor(min / 60), m = min % 60;
		if (min < 0 || min > 24 * 60)
			h = m = 0;
		return (h < 10 ? "0" : "") + h + ":" + (m < 10 ? "0" : "") + m;
	}

	function skipSpaces(s, i) {
		while (i < s.length && isSpace(s[i]))
			i++;
		return i;
	}

	/* A time at s[i]: {end, min, badH, badM} or null. */
	function time(s, i) {
		var h = 0, m = 0, nd = 0, md = 0, j, sep;

		while (i < s.length && isDigit(s[i]) && nd < 3)
			h = h * 10 + (+s[i++]), nd++;
		if (nd === 0 || nd > 2)
			return null;
		j = skipSpaces(s, i);
		sep = s[j] || "";
		if (sep === "h" || sep === "H" || sep === ":" || sep === ".") {
			j = skipSpaces(s, j + 1);
			while (j < s.length && isDigit(s[j]) && md < 3)
				m = m * 10 + (+s[j++]), md++;
			if (md === 1 || md > 2)
				return null;
			if (md === 0 && sep !== "h" && sep !== "H")
				return null;
			i = j;
		}
		return { end: i, min: h * 60 + m, badH: h > 24 || (h === 24 &&
		    m !== 0), badM: m > 59 };
	}

	function separator(s, i) {
		var c = s[i] || "";
		if (c === "-" || c === "\u2013" || c === "\u2014" ||
		    c === "\u2010" || c === "\u2011")
			return 1;
		if ((c === "\u00e0" || c === "a") && s[i + 1] === " ")
			return 1;
		return 0;
	}

	function hours(s) {
		var i, a, b, k, syntax = q(s) + " n’est pas une plage horaire " +
		    "comme « 09:00-12:00 »";

		i = skipSpaces(s, 0);
		if ((a = time(s, i)) === null)
			return bad(syntax);
		i = skipSpaces(s, a.end);
		if ((k = separator(s, i)) === 0)
			return bad(syntax);
		i = skipSpaces(s, i + k);
		if ((b = time(s, i)) === null)
			return bad(syntax);
		if (skipSpaces(s, b.end) !== s.length)
			return bad(syntax);
		if (a.badH || b.badH)
			return bad(q(s) + " n’est pas une plage horaire : les heures " +
			    "vont de 0 à 23 (24:00 pour minuit en fin de plage)");
		if (a.badM || b.badM)
			return bad(q(s) + " n’est pas une plage horaire : les minutes " +
			    "vont de 00 à 59");
		if (a.min >= 24 * 60)
			return bad(q(s) + " : 24:00 ne peut que terminer une plage");
		if (a.min >= b.min)
			return bad(q(s) + " : l’heure d’ouverture " + hhmm(a.min) +
			    " doit précéder l’heure de fermeture " + hhmm(b.min));
		return res(true, null, { start: a.min, end: b.min,
		    text: hhmm(a.min) + "-" + hhmm(b.min) });
	}

	/* The ranges of one day ({start, end}): sorted, not overlapping. */
	function ranges(v) {
		var i, p, c, r;
		for (i = 1; i < v.length; i++) {
			p = hhmm(v[i - 1].start) + "-" + hhmm(v[i - 1].end);
			c = hhmm(v[i].start) + "-" + hhmm(v[i].end);
			if (v[i].start < v[i - 1].start) {
				r = bad(q(c) + " vient après " + q(p) + " : écrivez les " +
				    "plages dans l’ordre");
				r.bad = i;
				return r;
			}
			if (v[i].start < v[i - 1].end) {
				r = bad(q(c) + " chevauche " + q(p));
				r.bad = i;
				return r;
			}
		}
		return res(true, null, v);
	}

	function codePostal(s) {
		if (/^[0-9]{5}$/.test(s))
			return res(true, null, s);
		return bad(q(s) + " n’est pas un code postal : il a 5 chiffres, " +
		    "comme 78000");
	}

	function slug(s) {
		return /^[a-z0-9]+(-[a-z0-9]+)*$/.test(s) && s.length <= 64;
	}

	function color(s) {
		var v;
		if (!/^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/.test(s))
			return bad(q(s) + " n’est pas une couleur écrite #rrggbb, " +
			    "comme #1f5fa8");
		v = s.slice(1).toLowerCase();
		if (v.length === 3)
			v = v[0] + v[0] + v[1] + v[1] + v[2] + v[2];
		return res(true, null, "#" + v);
	}

	var V = { phone: phone, email: email, url: url, date: date,
	    hours: hours, ranges: ranges, code_postal: codePostal, slug: slug,
	    color: color, hhmm: hhmm };

	/* ---- text helpers ---------------------------------------------- */

	/* str_trim(): ASCII white space, NBSP, U+202F, U+2009, U+FEFF. */
	function trim(s) {
		return String(s).replace(
		    /^[ \t\n\r\f\v\u00a0\u202f\u2009\ufeff]+|[ \t\n\r\f\v\u00a0\u202f\u2009\ufeff]+$/g,
		    "");
	}

	/*
	 * What a page may hold: no control character but line feed (and tab
	 * in multi-line texts), no C1 control, no U+2028/9 (the loader
	 * refuses them).  Single-line fields turn line breaks into spaces.
	 */
	function clean(s, multiline) {
		s = String(s).replace(/\r\n?/g, "\n");
		if (!multiline)
			s = s.replace(/[\n\t]/g, " ");
		return s.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, "")
		    .replace(/[\u2028\u2029]/g, multiline ? "\n" : " ");
	}

	function value(s, multiline) {
		var t = trim(clean(s == null ? "" : s, multiline));
		return t === "" ? null : t;
	}

	function chars(s) { return Array.from(s || "").length; }

	/*
	 * ---- text pasted from Word: a port of src/paste.c ------------------
	 * Same rules, same counts (tests/paste-cases.tsv runs against both):
	 * Word's bullets ("•\t", "o\t", "§\t", U+F0B7...), "1.\t" and tab-led
	 * lines become Markdown list items, indentation that would make a
	 * code block goes, invisible characters go, a run of no-break spaces
	 * becomes one space (a no-break one before : ; ? ! » and after «).
	 */
	var PASTE_DEPTH = 8;
	var STRONG = [0x2022, 0x25e6, 0x25aa, 0x25a0, 0x25cf, 0x25cb, 0x25a1,
	    0x00b7, 0x2023, 0x2043, 0x25ba, 0x27a2, 0x2713, 0xf0b7, 0xf0a7,
	    0xf0a8, 0xf0d8, 0xf076, 0xf0fc];
	var WEAK = ["o", "\u00a7", "\u2013", "\u2014", "-", "*", "+", "\u00d8"];

	function pasteEmoji(cp) {
		return cp >= 0x1f000 || (cp >= 0x2600 && cp <= 0x27bf) ||
		    cp === 0xfe0f;
	}

	function pasteVisible(s, rep) {
		var o = "", prev = 0, i = 0, cp, ch;
		while (i < s.length) {
			if (s[i] === "\r") {
				o += "\n";
				i += s[i + 1] === "\n" ? 2 : 1;
				prev = 10;
				continue;
			}
			cp = s.codePointAt(i);
			ch = String.fromCodePoint(cp);
			i += ch.length;
			if (cp === 0x200b || cp === 0x200c || cp === 0x2060 ||
			    cp === 0xfeff || cp === 0xad ||
			    (cp === 0x200d && !pasteEmoji(prev))) {
				rep.invisibles++;
				continue;
			}
			o += ch;
			prev = cp;
		}
		return o;
	}

	/* 1 and whether it is no-break, for ' ', tab, NBSP, U+202F; else 0. */
	function pasteSpace(c) {
		return c === " " || c === "\t" || c === "\u00a0" || c === "\u202f";
	}
	function pasteNb(c) { return c === "\u00a0" || c === "\u202f"; }

	/* The separator at s[i]: {n, wide}. */
	function pasteSep(s, i) {
		var n = 0, tab = false, nb = false;
		while (i + n < s.length && pasteSpace(s[i + n])) {
			tab = tab || s[i + n] === "\t";
			nb = nb || pasteNb(s[i + n]);
			n++;
		}
		return { n: n, wide: tab || nb || n >= 2 };
	}

	function pasteGlyphLevel(cp) {
		if (cp === 0x6f || cp === 0x25e6 || cp === 0x25cb || cp === 0x25a1)
			return 2;
		if (cp === 0xa7 || cp === 0x25aa || cp === 0x25a0 || cp === 0xf0a7)
			return 3;
		return 1;
	}

	/* A bullet at the start of s: {n, level} or null. */
	function pasteBullet(s) {
		var cp = s.codePointAt(0), k, sep;
		if (cp === undefined)
			return null;
		k = String.fromCodePoint(cp).length;
		if (STRONG.indexOf(cp) >= 0) {
			sep = pasteSep(s, k);
			if (sep.n === 0 || k + sep.n === s.length)
				return null;
			return { n: k + sep.n, level: pasteGlyphLevel(cp) };
		}
		if (WEAK.indexOf(s.slice(0, k)) >= 0) {
			sep = pasteSep(s, k);
			if (sep.n === 0 || !sep.wide || k + sep.n === s.length)
				return null;
			return { n: k + sep.n, level: pasteGlyphLevel(cp) };
		}
		return null;
	}

	/* "12." or "12)" and a wide separator (any when narrow): {n, num}. */
	function pasteNumber(s, narrow) {
		var n = 0, sep;
		while (n < 3 && isDigit(s[n] || ""))
			n++;
		if (n === 0 || (s[n] !== "." && s[n] !== ")"))
			return null;
		sep = pasteSep(s, n + 1);
		if (sep.n === 0 || (!sep.wide && !narrow) || n + 1 + sep.n === s.length)
			return null;
		return { n: n + 1 + sep.n, num: n };
	}

	/* A Markdown item already: its marker's length with the space, or 0. */
	function pasteMdItem(s) {
		var n = 0;
		if (s[0] === "-" || s[0] === "*" || s[0] === "+")
			n = 1;
		else {
			while (n < 9 && isDigit(s[n] || ""))
				n++;
			if (n === 0 || (s[n] !== "." && s[n] !== ")"))
				return 0;
			n++;
		}
		if (n === s.length)
			return n;
		return s[n] === " " ? n + 1 : 0;
	}

	function pasteText(s, item, rep) {
		var o = "", i = 0, j, count, nb, tab, bind;
		while (i < s.length) {
			if (!pasteSpace(s[i])) {
				o += s[i++];
				continue;
			}
			j = i;
			count = 0;
			nb = tab = false;
			while (j < s.length && pasteSpace(s[j])) {
				nb = nb || pasteNb(s[j]);
				tab = tab || s[j] === "\t";
				j++;
				count++;
			}
			if (j === s.length || (count < 2 && !(tab && item)))
				o += s.slice(i, j);
			else if (nb && count >= 2) {
				bind = ":;?!\u00bb".indexOf(s[j]) >= 0 ||
				    (i >= 1 && s[i - 1] === "\u00ab");
				o += bind ? "\u00a0" : " ";
				rep.spaces++;
			} else if (tab && item)
				o += " ";
			else
				o += s.slice(i, j);
			i = j;
		}
		return o;
	}

	/*
	 * The text as Markdown; rep (optional) gets the counts: bullets,
	 * numbers, indents, invisibles, spaces.
	 */
	function pasteClean(text, rep) {
		var lines, out = [], l = { w: [], depth: 0, made: false },
		    lastItem = false, li, line, rest, tabs, nbs, cols, spaces,
		    units, k, b, nm;
		rep = rep || {};
		["bullets", "numbers", "indents", "invisibles", "spaces"]
		    .forEach(function (x) { rep[x] = rep[x] || 0; });
		function lastBlank() {
			return out.length === 0 || out[out.length - 1] === "";
		}
		function open() {
			if (!lastBlank() && !lastItem && l.depth === 0)
				out.push("");
		}
		function item(level, marker, t) {
			var ind = "", i;
			if (level > l.depth + 1)
				level = l.depth + 1;
			if (level > PASTE_DEPTH)
				level = PASTE_DEPTH;
			if (level < 1)
				level = 1;
			for (i = 0; i < level - 1; i++)
				ind += " ".repeat(l.w[i]);
			l.w[level - 1] = marker.length + 1;
			l.depth = level;
			l.made = true;
			t = t.replace(/[ \t]+$/, "").replace(/^[ \t\u00a0\u202f]+/, "");
			out.push(ind + marker + " " + pasteText(t, true, rep));
		}
		lines = pasteVisible(String(text), rep).split("\n");
		for (li = 0; li < lines.length; li++) {
			line = lines[li];
			tabs = nbs = cols = spaces = 0;
			for (k = 0; k < line.length && pasteSpace(line[k]); k++) {
				if (line[k] === "\t") {
					tabs++;
					cols = (Math.floor(cols / 4) + 1) * 4;
				} else {
					cols++;
					spaces++;
				}
				if (pasteNb(line[k]))
					nbs++;
			}
			rest = line.slice(k);
			units = tabs + Math.floor(spaces / 4);
			if (rest === "") {
				out.push(line);
				lastItem = false;
				continue;
			}
			b = pasteBullet(rest);
			if (b === null && tabs > 0 && (k = pasteMdItem(rest)) > 0 &&
			    !isDigit(rest[0]))
				b = { n: k, level: 1 };
			if (b !== null) {
				open();
				rep.bullets++;
				item(units > b.level ? units : b.level, "-", rest.slice(b.n));
				lastItem = true;
				continue;
			}
			if ((nm = pasteNumber(rest, tabs > 0)) !== null) {
				open();
				rep.numbers++;
				item(units > 1 ? units : 1, rest.slice(0, nm.num) + ".",
				    rest.slice(nm.n));
				lastItem = true;
				continue;
			}
			if (tabs > 0) {
				open();
				rep.indents++;
				item(units, "-", rest);
				lastItem = true;
				continue;
			}
			if ((k = pasteMdItem(rest)) > 0 && cols === 0) {
				l.depth = 1;
				l.w[0] = k;
				l.made = false;
				out.push(pasteText(line, false, rep));
				lastItem = true;
				continue;
			}
			if (cols > 0 && (l.depth > 0 || lastItem)) {
				if (nbs > 0) {
					rep.spaces++;
					out.push(" ".repeat(cols) + pasteText(rest, false, rep));
				} else
					out.push(pasteText(line, false, rep));
				continue;
			}
			if (lastItem && l.made)
				out.push("");
			lastItem = false;
			l.depth = 0;
			l.made = false;
			if (cols >= 4 && lastBlank()) {
				rep.indents++;
				out.push(pasteText(rest, false, rep));
			} else if (nbs > 0) {
				rep.spaces++;
				out.push(pasteText(rest, false, rep));
			} else
				out.push(pasteText(line, false, rep));
		}
		return out.join("\n");
	}

	/* The note of a paste: what was changed, in French. */
	function pasteNote(rep) {
		var parts = [];
		function n(k, one, many) {
			if (rep[k] > 0)
				parts.push(rep[k] + " " + (rep[k] > 1 ? many : one));
		}
		n("bullets", "puce changée en liste", "puces changées en liste");
		n("numbers", "ligne numérotée changée en liste",
		    "lignes numérotées changées en liste");
		n("indents", "ligne en retrait changée en liste ou en paragraphe",
		    "lignes en retrait changées en liste ou en paragraphe");
		n("invisibles", "caractère invisible retiré",
		    "caractères invisibles retirés");
		n("spaces", "suite d’espaces insécables changée en une espace",
		    "suites d’espaces insécables changées en une espace");
		return parts.length === 0 ? "" : "Texte collé depuis Word\u00a0: " +
		    parts.join(", ") + ".";
	}

	function pasteChanges(rep) {
		return (rep.bullets || 0) + (rep.numbers || 0) + (rep.indents || 0) +
		    (rep.invisibles || 0) + (rep.spaces || 0);
	}

	/*
	 * ---- the preview: the Markdown subset of the site, as DOM nodes ----
	 * Paragraphs, headings, lists (nested by indentation), **bold**,
	 * *italic* and _italic_, [text](https://…) links.  Built with
	 * createElement and text nodes only: nothing the partner writes is
	 * read as HTML.
	 */
	function previewLinkOk(u) {
		return /^(https?:\/\/|mailto:|tel:)/i.test(u) && !/\s/.test(u);
	}

	/* Inline Markdown of s appended to parent. */
	function previewInline(parent, s) {
		var i = 0, text = "", j, k, m, t, a;
		function flush() {
			if (text !== "")
				parent.appendChild(document.createTextNode(text));
			text = "";
		}
		while (i < s.length) {
			if (s[i] === "\\" && i + 1 < s.length &&
			    /[\\`*_{}\[\]()#+\-.!>]/.test(s[i + 1])) {
				text += s[i + 1];
				i += 2;
				continue;
			}
			if (s.substr(i, 2) === "**" || s.substr(i, 2) === "__") {
				j = s.indexOf(s.substr(i, 2), i + 2);
				if (j > i + 2) {
					flush();
					t = document.createElement("strong");
					previewInline(t, s.slice(i + 2, j));
					parent.appendChild(t);
					i = j + 2;
					continue;
				}
			}
			if ((s[i] === "*" || s[i] === "_") && s[i + 1] !== " " &&
			    (j = s.indexOf(s[i], i + 1)) > i + 1 && s[j - 1] !== " ") {
				flush();
				t = document.createElement("em");
				previewInline(t, s.slice(i + 1, j));
				parent.appendChild(t);
				i = j + 1;
				continue;
			}
			if (s[i] === "[" && (k = s.indexOf("](", i)) > i &&
			    (m = s.indexOf(")", k + 2)) > k) {
				flush();
				if (previewLinkOk(s.slice(k + 2, m))) {
					a = document.createElement("a");
					a.setAttribute("href", s.slice(k + 2, m));
					a.setAttribute("target", "_blank");
					a.setAttribute("rel", "noopener noreferrer");
					previewInline(a, s.slice(i + 1, k));
					parent.appendChild(a);
				} else
					previewInline(parent, s.slice(i + 1, k));
				i = m + 1;
				continue;
			}
			text += s[i++];
		}
		flush();
	}

	/* The presentation as it will read: a <div> of blocks. */
	function preview(md) {
		var root = document.createElement("div"), lines, i, line, m,
		    para = [], stack = [], li = null;
		function endPara() {
			var p;
			if (para.length === 0)
				return;
			p = document.createElement("p");
			previewInline(p, para.join(" "));
			(li || root).appendChild(p);
			para = [];
		}
		function endLists() {
			endPara();
			stack = [];
			li = null;
		}
		lines = pasteClean(md || "").split("\n");
		for (i = 0; i < lines.length; i++) {
			line = lines[i];
			if (/^\s*$/.test(line)) {
				endPara();
				continue;
			}
			m = /^( *)([-*+]|[0-9]{1,9}[.)]) +(.*)$/.exec(line) ||
			    /^( *)([-*+]|[0-9]{1,9}[.)])()$/.exec(line);
			if (m !== null) {
				var ind = m[1].length, tag = /[0-9]/.test(m[2]) ? "ol" : "ul",
				    list, top;
				endPara();
				while (stack.length > 0 && stack[stack.length - 1].ind > ind)
					stack.pop();
				top = stack[stack.length - 1];
				if (top && top.ind === ind && top.tag !== tag) {
					stack.pop();
					top = stack[stack.length - 1];
				}
				if (!top || top.ind < ind) {
					list = document.createElement(tag);
					if (tag === "ol" && parseInt(m[2], 10) !== 1)
						list.setAttribute("start", String(parseInt(m[2], 10)));
					(top ? top.li : root).appendChild(list);
					top = { ind: ind, tag: tag, el: list, li: null };
					stack.push(top);
				}
				li = document.createElement("li");
				top.el.appendChild(li);
				top.li = li;
				if (m[3] !== "")
					para.push(m[3]);
				/* An item's text is inline: no <p> inside. */
				if (para.length > 0) {
					previewInline(li, para.join(" "));
					para = [];
				}
				continue;
			}
			if (stack.length > 0 && /^ {2,}/.test(line)) {
				/* The text of an item, on its following lines. */
				li.appendChild(document.createTextNode(" "));
				previewInline(li, line.trim());
				continue;
			}
			if ((m = /^(#{1,6}) +(.*?)#*\s*$/.exec(line)) !== null) {
				endLists();
				var h = document.createElement("p");
				h.className = "titre";
				previewInline(h, m[2]);
				root.appendChild(h);
				continue;
			}
			if (stack.length > 0 && para.length === 0 && li &&
			    !/^\s*$/.test(lines[i - 1] || "")) {
				/* A lazy line: still the item's text. */
				li.appendChild(document.createTextNode(" "));
				previewInline(li, line.trim());
				continue;
			}
			if (stack.length > 0)
				endLists();
			para.push(line.trim());
		}
		endPara();
		return root;
	}

	/* ---- the page file ------------------------------------------------ */

	/* A YAML double-quoted scalar: every string of the page is one. */
	function yq(s) {
		var o = "\"", i, c, n;
		for (i = 0; i < s.length; i++) {
			c = s[i];
			n = s.charCodeAt(i);
			if (c === "\\") o += "\\\\";
			else if (c === "\"") o += "\\\"";
			else if (c === "\n") o += "\\n";
			else if (c === "\t") o += "\\t";
			else if (n < 0x20 || (n >= 0x7f && n <= 0x9f))
				o += "\\x" + (n < 16 ? "0" : "") + n.toString(16);
			else if (n === 0x2028) o += "\\L";
			else if (n === 0x2029) o += "\\P";
			else if (n === 0xfeff) o += "\\uFEFF";
			/*
			 * The loader turns a no-break space after ":" or "-" into
			 * a space (Word puts them where YAML needs spaces), even
			 * inside quotes: escaped, it stays what it is.
			 */
			else if ((n === 0xa0 || n === 0x202f) && i > 0 &&
			    (s[i - 1] === ":" || s[i - 1] === "-"))
				o += n === 0xa0 ? "\\u00A0" : "\\u202F";
			else o += c;
		}
		return o + "\"";
	}

	function flow(list) {
		return "[" + list.map(yq).join(", ") + "]";
	}

	var DAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi",
	    "samedi", "dimanche"];

	/*
	 * The page as `annuaire check` reads it (keys in the order of
	 * docs/FORMAT.md, absent optional fields left out).  p is the page
	 * object of the data element, as edited; date is mise_a_jour; stamp
	 * (optional) the save's time, written as the first line of the front
	 * matter: "# annuaire-formulaire: enregistré 2026-12-07T21:45:03Z".
	 */
	function pageText(p, date, stamp) {
		var o = "---\n", a, x, i, lines;

		/* The save's time, for import (a YAML comment: check ignores it). */
		if (stamp)
			o += "# annuaire-formulaire: enregistré " + stamp + "\n";

		function line(k, v) { if (v != null) o += k + ": " + yq(v) + "\n"; }
		function sub(k, v) { if (v != null) o += "  " + k + ": " + yq(v) + "\n"; }

		line("nom", p.nom);
		line("sigle", p.sigle);
		line("categorie", p.categorie);
		o += "thematiques: " + flow(p.thematiques) + "\n";
		line("resume", p.resume);
		o += "missions:\n";
		p.missions.forEach(function (m) { o += "  - " + yq(m) + "\n"; });
		if (p.actions.length > 0) {
			o += "actions:\n";
			p.actions.forEach(function (x2) {
				if (x2.description == null)
					o += "  - " + yq(x2.titre) + "\n";
				else
					o += "  - titre: " + yq(x2.titre) + "\n" +
					    "    description: " + yq(x2.description) + "\n";
			});
		}
		line("public", p.public);
		a = p.acces;
		if (a.modalites.length > 0 || a.cout != null || a.precisions != null) {
			o += "acces:\n";
			if (a.modalites.length > 0)
				o += "  modalites: " + flow(a.modalites) + "\n";
			sub("cout", a.cout);
			sub("precisions", a.precisions);
		}
		if (p.langues.length > 0)
			o += "langues: " + flow(p.langues) + "\n";
		x = p.accessibilite;
		if (x.niveau != null || x.precisions != null) {
			o += "accessibilite:\n";
			sub("niveau", x.niveau);
			sub("precisions", x.precisions);
		}
		o += "adresse:\n";
		sub("rue", p.adresse.rue);
		sub("complement", p.adresse.complement);
		sub("code_postal", p.adresse.code_postal);
		sub("ville", p.adresse.ville);
		line("transports", p.transports);
		if (p.horaires != null) {
			lines = "";
			for (i = 0; i < 7; i++)
				if (p.horaires[DAYS[i]].length > 0)
					lines += "  " + DAYS[i] + ": " +
					    flow(p.horaires[DAYS[i]]) + "\n";
			if (p.horaires.precisions != null)
				lines += "  precisions: " + yq(p.horaires.precisions) + "\n";
			o += lines === "" ? "horaires: {}\n" : "horaires:\n" + lines;
		}
		line("telephone", p.telephone);
		line("courriel", p.courriel);
		line("site", p.site);
		if (p.contacts.length > 0) {
			o += "contacts:\n";
			p.contacts.forEach(function (c) {
				var first = true;
				["nom", "fonction", "telephone", "courriel"].forEach(
				    function (k) {
					if (c[k] == null)
						return;
					o += (first ? "  - " : "    ") + k + ": " + yq(c[k]) +
					    "\n";
					first = false;
				});
			});
		}
		line("logo", p.logo);
		if (p.liens.length > 0)
			o += "liens: " + flow(p.liens) + "\n";
		o += "mise_a_jour: " + date + "\n";
		o += "---\n";
		if (p.presentation != null)
			o += p.presentation;
		return o;
	}

	/* Now in UTC to the second: 2026-12-07T21:45:03Z. */
	function stampNow() {
		return new Date().toISOString().slice(0, 19) + "Z";
	}

	/* Today in the partner's time zone, YYYY-MM-DD. */
	function today() {
		var d = new Date();
		function two(n) { return (n < 10 ? "0" : "") + n; }
		return d.getFullYear() + "-" + two(d.getMonth() + 1) + "-" +
		    two(d.getDate());
	}

	function dateFr(iso) {
		var m = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/.exec(iso || "");
		if (m === null)
			return iso || "";
		return (+m[3] === 1 ? "1er" : String(+m[3])) + " " +
		    MOIS[+m[2] - 1] + " " + m[1];
	}

	window.annuaireForm = { validate: V, pageText: pageText, trim: trim,
	    value: value, pasteClean: pasteClean, pasteNote: pasteNote,
	    preview: preview };

	/* ---- the form ----------------------------------------------------- */

	var dataEl = document.getElementById("donnees");
	var root = document.getElementById("formulaire");
	if (dataEl === null || root === null)
		return;
	var DATA = JSON.parse(dataEl.textContent);
	var SITE = DATA.site;
	var ORIG = JSON.stringify(DATA.page);
	var page = JSON.parse(ORIG);	/* edited in place */
	var checks = [];		/* {id, fn} of the rendered fields */
	var shown = {};			/* ids whose message is on screen */

	/* Normalise the page object: arrays and groups always present. */
	(function () {
		var i;
		page.acces = page.acces || { modalites: [], cout: null,
		    precisions: null };
		page.accessibilite = page.accessibilite || { niveau: null,
		    precisions: null };
		page.adresse = page.adresse || {};
		if (page.horaires != null)
			for (i = 0; i < 7; i++)
				page.horaires[DAYS[i]] = page.horaires[DAYS[i]] || [];
		ORIG = JSON.stringify(page);
	})();

	/*
	 * French typography on the texts the form shows: a no-break space
	 * binds : ; ? ! and » to the word before and « to the word after, so
	 * that no line starts with one (nor ends with «).
	 */
	function fr(s) {
		return String(s).replace(/ ([:;?!\u00bb])/g, "\u00a0$1")
		    .replace(/\u00ab /g, "\u00ab\u00a0");
	}

	function el(tag, attrs, kids) {
		var e = document.createElement(tag), k;
		attrs = attrs || {};
		for (k in attrs) {
			if (!Object.prototype.hasOwnProperty.call(attrs, k) ||
			    attrs[k] == null || attrs[k] === false)
				continue;
			if (k === "text")
				e.textContent = fr(attrs[k]);
			else if (k.slice(0, 2) === "on")
				e.addEventListener(k.slice(2), attrs[k]);
			else if (k === "value")
				e.value = attrs[k];
			else if (k === "checked")
				e.checked = !!attrs[k];
			else
				e.setAttribute(k, attrs[k] === true ? "" : attrs[k]);
		}
		(kids || []).forEach(function (c) {
			if (c != null)
				e.appendChild(typeof c === "string" ?
				    document.createTextNode(fr(c)) : c);
		});
		return e;
	}

	/* The message of field id: shown, announced, tied to the input. */
	function showMessage(id, msg) {
		var input = document.getElementById(id),
		    box = document.getElementById(id + "-err");
		if (box === null)
			return;
		/* Kept in the page when empty, so that a reader announces it. */
		box.textContent = msg ? fr(msg) : "";
		if (input !== null && input.tagName !== "FIELDSET") {
			if (msg)
				input.setAttribute("aria-invalid", "true");
			else
				input.removeAttribute("aria-invalid");
		}
		if (msg)
			shown[id] = true;
		else
			delete shown[id];
	}

	function check(id) {
		var i;
		for (i = 0; i < checks.length; i++)
			if (checks[i].id === id)
				showMessage(id, checks[i].fn());
	}

	function changed() {
		var st = document.getElementById("etat");
		if (st !== null)
			st.textContent = "";
		if (shown.joindre)
			check("joindre");
	}

	/*
	 * One text field bound to obj[key].  opts: label, help, required,
	 * multiline, rows, validator (a function of the trimmed value that
	 * returns a message or null), type, inputmode, autocomplete, max
	 * (characters).
	 */
	function field(id, obj, key, opts) {
		var input, help = null, counter = null, err, described = [],
		    attrs, note = null, look = null, box;

		function get() { return value(input.value, opts.multiline); }
		function keep() {
			/* The presentation keeps its spaces: Markdown reads them. */
			return opts.raw ? (trim(input.value) === "" ? null :
			    clean(input.value, true)) : get();
		}
		function msg() {
			var v = get();
			if (v === null)
				return opts.required ? (opts.requiredMsg ||
				    "Ce champ est obligatoire.") : null;
			if (opts.max && chars(v) > opts.max)
				return "Ce texte a " + chars(v) + " caractères, " +
				    opts.max + " au plus : gardez une phrase courte.";
			return opts.validator ? opts.validator(v) : null;
		}
		if (opts.help) {
			help = el("p", { "class": "aide", id: id + "-aide",
			    text: opts.help });
			described.push(id + "-aide");
		}
		if (opts.max) {
			counter = el("p", { "class": "compteur", id: id + "-compte" });
			described.push(id + "-compte");
		}
		err = el("p", { "class": "erreur", id: id + "-err",
		    "aria-live": "polite" });
		described.push(id + "-err");
		if (opts.paste) {
			/* What a paste from Word changed, said once pasted. */
			note = el("p", { "class": "collage", id: id + "-collage",
			    "aria-live": "polite" });
			described.push(id + "-collage");
		}
		attrs = { id: id, name: id, value: obj[key] == null ? "" :
		    obj[key], "aria-describedby": described.join(" "),
		    required: opts.required ? true : null,
		    "aria-required": opts.required ? "true" : null,
		    inputmode: opts.inputmode || null,
		    autocomplete: opts.autocomplete || "off",
		    spellcheck: opts.spellcheck === false ? "false" : null,
		    placeholder: opts.placeholder || null };
		if (opts.multiline || opts.wrap) {
			/*
			 * wrap: one line of text shown whole on a phone; Enter
			 * makes no line break (a pasted one becomes a space).
			 */
			attrs.rows = opts.wrap ? 1 : opts.rows || 3;
			input = el("textarea", attrs);
			if (opts.wrap)
				input.addEventListener("keydown", function (ev) {
					if (ev.key === "Enter")
						ev.preventDefault();
				});
		} else {
			attrs.type = opts.type || "text";
			input = el("input", attrs);
		}
		function count() {
			var n = chars(get() || "");
			if (counter !== null)
				counter.textContent = n + " caractère" + (n > 1 ? "s" : "") +
				    " sur " + opts.max + " au plus";
		}
		input.addEventListener("input", function () {
			if (opts.multiline || opts.wrap)
				fit(input);
			obj[key] = keep();
			count();
			changed();
			/* Say what is wrong while typing, once it has been said. */
			if (shown[id] || input.getAttribute("data-vu") !== null)
				showMessage(id, msg());
		});
		input.addEventListener("blur", function () {
			input.setAttribute("data-vu", "");
			showMessage(id, msg());
		});
		if (opts.paste)
			input.addEventListener("paste", function (ev) {
				var t = ev.clipboardData ?
				    ev.clipboardData.getData("text/plain") : "", rep = {}, c;
				if (!t)
					return;
				c = pasteClean(t, rep);
				if (pasteChanges(rep) === 0)
					return;		/* the browser pastes it */
				ev.preventDefault();
				input.setRangeText(c, input.selectionStart,
				    input.selectionEnd, "end");
				input.dispatchEvent(new Event("input", { bubbles: true }));
				note.textContent = fr(pasteNote(rep));
			});
		if (opts.preview) {
			/* The text as it will read, redrawn as it is typed. */
			box = el("div", { "class": "apercu-texte", id: id + "-apercu" });
			look = el("div", { "class": "apercu", role: "region",
			    "aria-labelledby": id + "-apercu-titre" }, [
				el("p", { "class": "apercu-titre", id: id + "-apercu-titre",
				    text: "Aperçu\u00a0: votre présentation telle qu’elle " +
				    "paraîtra" }), box ]);
			input.addEventListener("input", function () {
				box.textContent = "";
				box.appendChild(preview(input.value));
			});
			box.appendChild(preview(input.value));
		}
		checks.push({ id: id, fn: msg });
		count();
		return el("div", { "class": "champ" + (opts.small ? " court" : "") }, [
			el("label", { "for": id }, [opts.label, opts.required ?
			    el("span", { "class": "requis", text: " (obligatoire)" }) :
			    null]),
			help, input, counter, err, note, look ]);
	}

	/* A text area as tall as its text (at least its rows). */
	function fit(t) {
		t.style.height = "auto";
		t.style.height = (t.scrollHeight + t.offsetHeight - t.clientHeight) +
		    "px";
	}

	function validatorMsg(fn) {
		return function (v) { var r = fn(v); return r.ok ? null : r.why; };
	}

	/* Checkboxes over a closed list, bound to the array obj[key]. */
	function choices(id, obj, key, list, opts) {
		var boxes = [], err, legendKids;

		function msg() {
			if (opts.min && obj[key].length < opts.min)
				return opts.minMsg;
			if (opts.maxItems && obj[key].length > opts.maxItems)
				return opts.maxMsg;
			return null;
		}
		err = el("p", { "class": "erreur", id: id + "-err",
		    "aria-live": "polite" });
		list.forEach(function (it, i) {
			var cid = id + "-" + i;
			boxes.push(el("div", { "class": "case" }, [
				el("input", { type: "checkbox", id: cid, name: id,
				    value: it.cle, checked: obj[key].indexOf(it.cle) >= 0,
				    onchange: function (ev) {
					var v = obj[key].filter(function (x) {
						return x !== it.cle;
					});
					if (ev.target.checked)
						v.push(it.cle);
					/* Keep the site's order, as the model does. */
					obj[key] = opts.keepOrder ? v :
					    list.map(function (l) { return l.cle; })
					    .filter(function (c) { return v.indexOf(c) >= 0; });
					changed();
					showMessage(id, msg());
				} }),
				el("label", { "for": cid, text: it.libelle })
			]));
		});
		checks.push({ id: id, fn: msg });
		legendKids = [opts.label, opts.min ? el("span", { "class": "requis",
		    text: " (obligatoire)" }) : null];
		return el("fieldset", { "class": "choix", id: id,
		    "aria-describedby": (opts.help ? id + "-aide " : "") + id + "-err" },
		    [el("legend", {}, legendKids),
		    opts.help ? el("p", { "class": "aide", id: id + "-aide",
		    text: opts.help }) : null,
		    el("div", { "class": "cases" + (opts.columns ? " colonnes" : "") },
		    boxes), err]);
	}

	/* Radio buttons for one value of a closed list (or none). */
	function radios(id, obj, key, list, opts) {
		var items = [{ cle: null, libelle: "Non précisé" }].concat(list);
		return el("fieldset", { "class": "choix", "aria-describedby":
		    opts.help ? id + "-aide" : null }, [
			el("legend", { text: opts.label }),
			opts.help ? el("p", { "class": "aide", id: id + "-aide",
			    text: opts.help }) : null,
			el("div", { "class": "cases" }, items.map(function (it, i) {
				var rid = id + "-" + i;
				return el("div", { "class": "case" }, [
					el("input", { type: "radio", name: id, id: rid,
					    checked: obj[key] === it.cle, onchange: function () {
						obj[key] = it.cle;
						changed();
					} }),
					el("label", { "for": rid, text: it.libelle })
				]);
			}))
		]);
	}

	function select(id, obj, key, list, opts) {
		var err = el("p", { "class": "erreur", id: id + "-err",
		    "aria-live": "polite" });
		function msg() {
			return opts.required && obj[key] == null ?
			    "Choisissez une valeur." : null;
		}
		checks.push({ id: id, fn: msg });
		return el("div", { "class": "champ" }, [
			el("label", { "for": id }, [opts.label, opts.required ?
			    el("span", { "class": "requis", text: " (obligatoire)" }) :
			    null]),
			opts.help ? el("p", { "class": "aide", id: id + "-aide",
			    text: opts.help }) : null,
			el("select", { id: id, "aria-describedby": (opts.help ?
			    id + "-aide " : "") + id + "-err",
			    onchange: function (ev) {
				obj[key] = ev.target.value === "" ? null : ev.target.value;
				changed();
				showMessage(id, msg());
			} }, [el("option", { value: "", text: "— Choisir —" })].concat(
			    list.map(function (it) {
				var o = el("option", { value: it.cle, text: it.libelle });
				if (obj[key] === it.cle)
					o.selected = true;
				return o;
			}))),
			err ]);
	}

	/* A button that re-renders the form and then focuses focusId. */
	function action(label, cls, fn, focusId, extra) {
		var a = { type: "button", "class": cls, onclick: function () {
			fn();
			changed();
			render(focusId ? (typeof focusId === "function" ? focusId() :
			    focusId) : null);
		} }, k;
		for (k in extra || {})
			a[k] = extra[k];
		return el("button", a, [label]);
	}

	/* A list of items (missions, actions, contacts). */
	function list(id, arr, opts) {
		var items = arr.map(function (it, i) {
			var iid = id + "-" + i;
			return el("li", { "class": "item" }, [
				opts.item(iid, arr, i),
				action("Retirer", "retirer", function () { arr.splice(i, 1); },
				    function () {
					return arr.length > 0 ? id + "-" +
					    Math.min(i, arr.length - 1) + opts.focusSuffix :
					    id + "-ajouter";
				}, { "aria-label": "Retirer : " + opts.what + " " + (i + 1) })
			]);
		});
		var err = el("p", { "class": "erreur", id: id + "-err",
		    "aria-live": "polite" });
		checks.push({ id: id, fn: function () {
			return opts.min && arr.length < opts.min ? opts.minMsg : null;
		} });
		return el("fieldset", { "class": "liste", id: id,
		    "aria-describedby": (opts.help ? id + "-aide " : "") + id + "-err" },
		    [
			el("legend", {}, [opts.label, opts.min ? el("span",
			    { "class": "requis", text: " (obligatoire)" }) : null]),
			opts.help ? el("p", { "class": "aide", id: id + "-aide",
			    text: opts.help }) : null,
			el("ol", {}, items),
			err,
			action(opts.add, "ajouter", function () { arr.push(opts.blank()); },
			    id + "-" + arr.length + opts.focusSuffix,
			    { id: id + "-ajouter" })
		]);
	}

	function section(id, title, intro, kids) {
		return el("section", { "aria-labelledby": id }, [
			el("h2", { id: id, text: title }),
			intro ? el("p", { "class": "intro", text: intro }) : null
		].concat(kids));
	}

	var phoneMsg = validatorMsg(phone), emailMsg = validatorMsg(email),
	    urlMsg = validatorMsg(url), cpMsg = validatorMsg(codePostal);

	/* The ranges of one day: each checked, then their order. */
	function dayMsg(day, j) {
		return function () {
			var v = page.horaires[day], r = [], i, h, rr;
			if (value(v[j]) === null)
				return "Écrivez une plage, comme 09:00-12:00, ou retirez-la.";
			h = hours(value(v[j]));
			if (!h.ok)
				return h.why;
			for (i = 0; i < v.length; i++) {
				h = hours(value(v[i]) || "");
				if (!h.ok)
					return null;	/* said at that range */
				r.push(h.value);
			}
			rr = ranges(r);
			return !rr.ok && rr.bad === j ? rr.why : null;
		};
	}

	function hoursGrid() {
		var rows, h = page.horaires;

		if (h == null)
			return el("div", { "class": "champ" }, [
				el("p", { text: "Aucun horaire n’est indiqué pour le moment." }),
				action("Indiquer des horaires", "ajouter", function () {
					page.horaires = { precisions: null };
					DAYS.forEach(function (d) { page.horaires[d] = []; });
				}, "h-lundi-ajouter")
			]);
		rows = DAYS.map(function (day, di) {
			var label = SITE.jours[di].libelle, cells;
			cells = h[day].map(function (r, j) {
				var id = "h-" + day + "-" + j, input, err, m;
				m = dayMsg(day, j);
				err = el("p", { "class": "erreur", id: id + "-err",
				    "aria-live": "polite" });
				input = el("input", { type: "text", id: id, value: r,
				    inputmode: "text", autocomplete: "off",
				    "aria-label": label + ", plage " + (j + 1),
				    "aria-describedby": "h-aide " + id + "-err",
				    placeholder: "09:00-12:00", "class": "plage",
				    oninput: function (ev) {
					h[day][j] = ev.target.value;
					changed();
					h[day].forEach(function (x, k) {
						var kid = "h-" + day + "-" + k;
						if (shown[kid] || k !== j)
							showMessage(kid, shown[kid] || k === j ?
							    dayMsg(day, k)() : null);
					});
				}, onblur: function () {
					/* Normalise what is understood: 9h-12h -> 09:00-12:00. */
					var hv = hours(value(h[day][j]) || "");
					if (hv.ok && hv.value.text !== input.value) {
						input.value = hv.value.text;
						h[day][j] = hv.value.text;
					}
					showMessage(id, m());
				} });
				checks.push({ id: id, fn: m });
				return el("li", { "class": "plage-item" }, [
					el("div", { "class": "ligne" }, [input,
					action("Retirer", "retirer", function () {
						h[day].splice(j, 1);
					}, "h-" + day + "-ajouter", { "aria-label": "Retirer la plage " +
					    (j + 1) + " du " + label.toLowerCase() })]),
					err ]);
			});
			return el("tr", {}, [
				el("th", { scope: "row", text: label }),
				el("td", {}, [
					h[day].length === 0 ? el("p", { "class": "ferme",
					    text: "Fermé" }) : el("ul", { "class": "plages" }, cells),
					action("Ajouter une plage", "ajouter", function () {
						h[day].push("");
					}, "h-" + day + "-" + h[day].length, { id: "h-" + day +
					    "-ajouter", "aria-label": "Ajouter une plage le " +
					    label.toLowerCase() })
				])
			]);
		});
		return el("div", { "class": "horaires" }, [
			el("p", { "class": "aide", id: "h-aide", text: "Une plage " +
			    "s’écrit 09:00-12:00 (sur 24 heures). Deux plages dans la " +
			    "journée : ajoutez-en une seconde, dans l’ordre, sans " +
			    "chevauchement. Un jour de fermeture : aucune plage. " +
			    "9h-12h ou 9h30 - 12h sont compris aussi." }),
			el("table", {}, [
				el("caption", { text: "Horaires d’ouverture, semaine type" }),
				el("thead", {}, [el("tr", {}, [
				    el("th", { scope: "col", text: "Jour" }),
				    el("th", { scope: "col", text: "Plages horaires" })])]),
				el("tbody", {}, rows)
			]),
			field("h-precisions", h, "precisions", { label: "Précisions " +
			    "sur les horaires", multiline: true, rows: 2,
			    help: "Vacances, semaines paires, " +
			    "accueil téléphonique… (« Fermé en août »)." })
		]);
	}

	function languages() {
		var known = {}, id = "langues", current;
		SITE.langues.forEach(function (l) { known[l.cle] = l.libelle; });
		current = page.langues.map(function (c, i) {
			return el("li", { "class": "item langue" }, [
				el("span", { text: known[c] ? known[c] + " (" + c + ")" : c }),
				action("Retirer", "retirer", function () {
					page.langues.splice(i, 1);
				}, "langue-ajout", { "aria-label": "Retirer la langue : " +
				    (known[c] || c) })
			]);
		});
		return el("fieldset", { "class": "liste", id: id }, [
			el("legend", { text: "Langues parlées à l’accueil" }),
			el("p", { "class": "aide", id: "langues-aide", text: "Indiquez " +
			    "toujours le français, puis les langues que parle l’équipe." }),
			page.langues.length > 0 ? el("ul", {}, current) :
			    el("p", { text: "Aucune langue indiquée." }),
			el("div", { "class": "champ" }, [
				el("label", { "for": "langue-ajout", text: "Ajouter une langue" }),
				el("select", { id: "langue-ajout", "aria-describedby":
				    "langues-aide", onchange: function (ev) {
					var v = ev.target.value;
					if (v !== "" && page.langues.indexOf(v) < 0) {
						page.langues.push(v);
						changed();
						render("langue-ajout");
					}
				} }, [el("option", { value: "", text: "— Choisir —" })].concat(
				    SITE.langues.filter(function (l) {
					return page.langues.indexOf(l.cle) < 0;
				    }).map(function (l) {
					return el("option", { value: l.cle, text: l.libelle });
				})))
			])
		]);
	}

	function contactMsg() {
		return page.telephone == null && page.courriel == null ?
		    "Indiquez un téléphone ou un courriel (ou les deux) : les " +
		    "familles doivent pouvoir vous joindre." : null;
	}

	function build() {
		var p = page, kids = [];

		kids.push(el("div", { "class": "bienvenue" }, [
			el("p", { text: "Voici la fiche de votre structure telle " +
			    "qu’elle paraît aujourd’hui dans l’annuaire « " + SITE.titre +
			    " ». Relisez-la, corrigez ce qui a changé, puis enregistrez " +
			    "le fichier en bas de la page et renvoyez-le à " +
			    SITE.coordination + " (" + SITE.coordination_courriel +
			    ")." }),
			el("p", { text: "Dernière mise à jour : " +
			    dateFr(p.mise_a_jour) + ". Les champs marqués « obligatoire » " +
			    "doivent être remplis. Rien n’est envoyé par cette page : " +
			    "elle fonctionne sans connexion." }),
			el("p", { "class": "raccourci" }, [
				"Rien n’a changé ? ",
				el("a", { href: "#envoi", text: "Aller au bouton « Rien n’a " +
				    "changé »" })
			])
		]));
		kids.push(el("div", { id: "resume-erreurs", "class": "resume-erreurs",
		    tabindex: "-1", hidden: true }));

		kids.push(section("s-identite", "Identité", null, [
			field("nom", p, "nom", { label: "Nom complet de la structure",
			    required: true, wrap: true, help: "Le nom en entier, en minuscules " +
			    "accentuées : « Secours populaire français », pas « SPF » ni " +
			    "« SECOURS POPULAIRE »." }),
			field("sigle", p, "sigle", { label: "Sigle ou nom court",
			    help: "Facultatif : « SPF », « Caf »." , small: true }),
			select("categorie", p, "categorie", SITE.categories, {
			    label: "Catégorie", required: true }),
			choices("thematiques", p, "thematiques", SITE.thematiques, {
			    label: "Besoins auxquels vous répondez", min: 1,
			    minMsg: "Cochez au moins un besoin.", columns: true,
			    help: "De 1 à 4 besoins pour lesquels on peut vraiment " +
			    "vous orienter une famille." }),
			field("resume", p, "resume", { label: "Résumé", required: true,
			    multiline: true, rows: 2, max: 160, help: "Une seule phrase " +
			    "qui dit ce que vous faites et pour qui. Elle apparaît sur " +
			    "votre carte, sur le site et dans le livret." })
		]));

		kids.push(section("s-missions", "Ce que nous faisons", null, [
			list("missions", p.missions, { label: "Missions", what: "mission",
			    min: 1, minMsg: "Indiquez au moins une mission.",
			    help: "Pourquoi vous existez, une phrase par mission.",
			    add: "Ajouter une mission", focusSuffix: "",
			    blank: function () { return null; },
			    item: function (iid, arr, i) {
				return field(iid, arr, i, { label: "Mission " + (i + 1),
				    required: true, wrap: true, requiredMsg: "Écrivez la mission, ou " +
				    "retirez-la." });
			} }),
			list("actions", p.actions, { label: "Actions", what: "action",
			    help: "Ce que vous faites concrètement : un titre, et si " +
			    "besoin une description.", add: "Ajouter une action",
			    focusSuffix: "-titre",
			    blank: function () { return { titre: null, description: null }; },
			    item: function (iid, arr, i) {
				return el("div", { "class": "groupe" }, [
					field(iid + "-titre", arr[i], "titre", { label: "Action " +
					    (i + 1) + " : titre", required: true, wrap: true,
					    requiredMsg:
					    "Écrivez le titre de l’action, ou retirez-la." }),
					field(iid + "-description", arr[i], "description", {
					    label: "Action " + (i + 1) + " : description",
					    multiline: true, rows: 2 })
				]);
			} })
		]));

		kids.push(section("s-public", "Pour qui", null, [
			field("public", p, "public", { label: "Public accueilli",
			    multiline: true, rows: 2, help: "À qui vous vous adressez : " +
			    "« Familles avec enfants, futurs parents. »" }),
			languages()
		]));

		kids.push(section("s-acces", "Accès", null, [
			choices("modalites", p.acces, "modalites", SITE.modalites, {
			    label: "Comment on vient chez vous" }),
			radios("cout", p.acces, "cout", SITE.couts, { label: "Coût",
			    help: "« Participation » : une petite somme, selon les " +
			    "revenus par exemple." }),
			field("acces-precisions", p.acces, "precisions", {
			    label: "Précisions sur l’accès", multiline: true, rows: 2,
			    help: "« Aide alimentaire sur orientation d’un travailleur " +
			    "social. »" }),
			radios("accessibilite", p.accessibilite, "niveau",
			    SITE.accessibilite, { label: "Accueil des personnes à " +
			    "mobilité réduite" }),
			field("accessibilite-precisions", p.accessibilite, "precisions", {
			    label: "Précisions sur l’accessibilité", multiline: true,
			    rows: 2, help: "« Trois marches à l’entrée ; aide possible " +
			    "sur demande. »" })
		]));

		kids.push(section("s-adresse", "Adresse et horaires", null, [
			field("rue", p.adresse, "rue", { label: "Numéro et rue",
			    required: true, wrap: true, autocomplete: "address-line1" }),
			field("complement", p.adresse, "complement", { label:
			    "Complément d’adresse", help: "« Bâtiment B, 2e étage »",
			    autocomplete: "address-line2" }),
			field("code_postal", p.adresse, "code_postal", { label:
			    "Code postal", required: true, validator: cpMsg,
			    inputmode: "numeric", small: true,
			    autocomplete: "postal-code", help: "5 chiffres." }),
			field("ville", p.adresse, "ville", { label: "Ville",
			    required: true, autocomplete: "address-level2" }),
			field("transports", p, "transports", { label: "Transports",
			    multiline: true, rows: 2, help: "Comment venir : « Bus, " +
			    "arrêt Chantiers. »" }),
			hoursGrid()
		]));

		kids.push(section("s-contacts", "Contacts", "Au moins un téléphone " +
		    "ou un courriel : c’est ce que cherche en premier un " +
		    "travailleur social.", [
			field("telephone", p, "telephone", { label: "Téléphone " +
			    "d’accueil", type: "tel", inputmode: "tel", small: true,
			    validator: function (v) { return phoneMsg(v); },
			    help: "Un seul numéro : 01 99 00 12 34, +33 1 99 00 12 34, " +
			    "115 ou +32 2 123 45 67." }),
			field("courriel", p, "courriel", { label: "Courriel d’accueil",
			    type: "email", inputmode: "email", spellcheck: false,
			    validator: emailMsg, help: "L’adresse seule : " +
			    "accueil@example.org." }),
			el("p", { "class": "erreur", id: "joindre-err", "aria-live":
			    "polite" }),
			field("site", p, "site", { label: "Site internet", type: "url",
			    inputmode: "url", spellcheck: false, validator: urlMsg,
			    help: "L’adresse complète, qui commence par https://." }),
			list("contacts", p.contacts, { label: "Personnes à contacter",
			    what: "personne", add: "Ajouter une personne",
			    focusSuffix: "-nom", help: "Ces noms ne sont jamais publiés " +
			    "sur le site : ils figurent seulement dans le livret réservé " +
			    "aux partenaires. Demandez son accord à chaque personne.",
			    blank: function () { return { nom: null, fonction: null,
				telephone: null, courriel: null }; },
			    item: function (iid, arr, i) {
				var n = "Personne " + (i + 1) + " : ";
				return el("div", { "class": "groupe" }, [
					field(iid + "-nom", arr[i], "nom", { label: n + "nom",
					    required: true, requiredMsg: "Écrivez le nom, ou " +
					    "retirez la personne." }),
					field(iid + "-fonction", arr[i], "fonction", { label: n +
					    "fonction", wrap: true }),
					field(iid + "-telephone", arr[i], "telephone", { label: n +
					    "téléphone", type: "tel", inputmode: "tel",
					    validator: phoneMsg, small: true }),
					field(iid + "-courriel", arr[i], "courriel", { label: n +
					    "courriel", type: "email", inputmode: "email",
					    spellcheck: false, validator: emailMsg })
				]);
			} })
		]));
		checks.push({ id: "joindre", fn: contactMsg });

		kids.push(section("s-presentation", "Présentation", null, [
			field("presentation", p, "presentation", { label: "Présentation",
			    multiline: true, raw: true, rows: 10, paste: true,
			    preview: true, help: "Un à trois courts " +
			    "paragraphes, séparés par une ligne vide. **texte** met en " +
			    "gras, une ligne qui commence par « - » fait une liste, " +
			    "[texte](https://…) fait un lien. Un texte copié depuis Word " +
			    "garde ses listes à puces. L’aperçu sous le champ montre le " +
			    "texte tel qu’il paraîtra." }),
			SITE.partenaires.length > 0 ? choices("liens", p, "liens",
			    SITE.partenaires, { label: "Travaille avec", keepOrder: true,
			    columns: true, help: SITE.partenaires_tous === false ?
			    "Les partenaires de l’annuaire avec qui vous travaillez " +
			    "souvent. La liste propose ceux qui vous sont les plus " +
			    "proches (mêmes besoins, même ville) et ceux déjà cochés ; " +
			    "pour un autre partenaire, écrivez son nom à " +
			    SITE.coordination + "." : "Les partenaires de l’annuaire avec " +
			    "qui vous travaillez souvent." }) : null,
			el("p", { "class": "aide", text: p.logo ? "Votre logo est " +
			    "déjà enregistré. Pour le changer, envoyez la nouvelle image " +
			    "(PNG ou JPEG, 1 Mo au plus) à " + SITE.coordination + "." :
			    "Pour ajouter un logo, envoyez l’image (PNG ou JPEG, 1 Mo au " +
			    "plus) à " + SITE.coordination + "." })
		]));

		kids.push(el("section", { id: "envoi", "class": "envoi",
		    "aria-labelledby": "s-envoi" }, [
			el("h2", { id: "s-envoi", text: "Enregistrer et renvoyer" }),
			el("p", { text: "Le bouton enregistre le fichier " + p.slug +
			    ".md dans vos téléchargements. Déposez-le dans le dossier " +
			    "partagé, ou envoyez-le par courriel à " +
			    SITE.coordination_courriel + ". Ne changez pas son nom." }),
			el("div", { "class": "boutons" }, [
				el("button", { type: "button", id: "telecharger",
				    "class": "principal", onclick: download },
				    ["Enregistrer ma fiche"]),
				el("button", { type: "button", id: "rien",
				    "class": "secondaire", onclick: nothingChanged },
				    ["Rien n’a changé"])
			]),
			el("p", { id: "etat", "class": "etat", role: "status" })
		]));
		return kids;
	}

	/* Build (again) and put the focus back where the partner was. */
	function render(focusId) {
		var y = window.scrollY, kids, f, id;
		checks = [];
		kids = build();
		root.textContent = "";
		kids.forEach(function (k) { root.appendChild(k); });
		Array.prototype.forEach.call(root.querySelectorAll("textarea"), fit);
		for (id in shown)
			if (Object.prototype.hasOwnProperty.call(shown, id))
				check(id);
		if (focusId && (f = document.getElementById(focusId)) !== null)
			f.focus({ preventScroll: false });
		else
			window.scrollTo(0, y);
	}

	/* Every check; returns the failures in page order. */
	function checkAll() {
		var fails = [];
		checks.forEach(function (c) {
			var m = c.fn();
			showMessage(c.id, m);
			if (m)
				fails.push({ id: c.id, msg: m });
		});
		return fails;
	}

	function labelOf(id) {
		var e = document.getElementById(id), l;
		if (e === null)
			return id;
		if (e.tagName === "FIELDSET")
			return e.querySelector("legend").textContent
			    .replace(" (obligatoire)", "");
		if (e.getAttribute("aria-label"))
			return e.getAttribute("aria-label");
		l = document.querySelector("label[for='" + id + "']");
		return l ? l.textContent.replace(" (obligatoire)", "") : id;
	}

	function summary(fails) {
		var box = document.getElementById("resume-erreurs");
		box.textContent = "";
		box.hidden = fails.length === 0;
		if (fails.length === 0)
			return;
		box.appendChild(el("h2", { text: fails.length === 1 ?
		    "Un point à corriger avant d’enregistrer" : fails.length +
		    " points à corriger avant d’enregistrer" }));
		box.appendChild(el("ul", {}, fails.map(function (f) {
			var target = f.id === "joindre" ? "telephone" : f.id;
			return el("li", {}, [el("a", { href: "#" + target, onclick:
			    function (ev) {
				var t = document.getElementById(target);
				ev.preventDefault();
				if (t !== null) {
					if (t.tagName === "FIELDSET")
						t = t.querySelector("input, select, button") || t;
					t.focus();
				}
			} }, [labelOf(f.id === "joindre" ? "telephone" : f.id) +
			    " : " + f.msg])]);
		})));
		box.focus();
	}

	/*
	 * The edited page with every text cleaned and trimmed.  Line breaks
	 * are kept everywhere: a text field cannot receive one, so a line
	 * break is one the page already had, in a field left as it was.
	 */
	function finalPage() {
		var p = JSON.parse(JSON.stringify(page)), i, o = JSON.parse(ORIG),
		    had = [o.telephone].concat(o.contacts.map(function (c) {
			return c.telephone;
		    }));
		function v(x) { return value(x, true); }
		/*
		 * A phone typed in the form, written as the site prints it
		 * ("0199003040" -> "01 99 00 30 40"); one the page had stays as
		 * it was written.
		 */
		function typed(x) {
			var r;
			if (x == null || had.indexOf(x) >= 0)
				return x;
			r = phone(x);
			return r.ok ? r.value.display : x;
		}
		["nom", "sigle", "resume", "public", "transports", "telephone",
		    "courriel", "site"].forEach(function (k) { p[k] = v(p[k]); });
		p.missions = p.missions.map(function (m) { return v(m); });
		p.actions = p.actions.map(function (a) {
			return { titre: v(a.titre), description: v(a.description) };
		});
		p.acces.precisions = v(p.acces.precisions);
		p.accessibilite.precisions = v(p.accessibilite.precisions);
		["rue", "complement", "code_postal", "ville"].forEach(function (k) {
			p.adresse[k] = v(p.adresse[k]);
		});
		if (p.horaires != null) {
			for (i = 0; i < 7; i++)
				p.horaires[DAYS[i]] = p.horaires[DAYS[i]].map(function (r) {
					return hours(v(r) || "").value.text;
				});
			p.horaires.precisions = v(p.horaires.precisions);
		}
		p.contacts = p.contacts.map(function (c) {
			return { nom: v(c.nom), fonction: v(c.fonction),
			    telephone: typed(v(c.telephone)), courriel: v(c.courriel) };
		});
		p.telephone = typed(p.telephone);
		/*
		 * The presentation keeps its own line breaks and spaces; as it
		 * came when untouched, else ending with one line break.
		 */
		if (page.presentation === JSON.parse(ORIG).presentation)
			p.presentation = page.presentation;
		else if (page.presentation != null &&
		    trim(page.presentation) !== "")
			p.presentation = pasteClean(clean(page.presentation, true))
			    .replace(/\n*$/, "\n");
		else
			p.presentation = null;
		return p;
	}

	function save(text) {
		var blob = new Blob([text], { type: "text/markdown;charset=utf-8" }),
		    href = URL.createObjectURL(blob),
		    a = el("a", { href: href, download: page.slug + ".md",
		    hidden: true });
		document.body.appendChild(a);
		a.click();
		setTimeout(function () {
			URL.revokeObjectURL(href);
			a.remove();
		}, 1000);
	}

	function status(msg) {
		document.getElementById("etat").textContent = fr(msg);
	}

	function download() {
		var fails = checkAll(), p, same;
		summary(fails);
		if (fails.length > 0) {
			status("Le fichier n’est pas enregistré : corrigez d’abord " +
			    (fails.length === 1 ? "le point signalé" : "les " +
			    fails.length + " points signalés") + " en haut de la page.");
			return;
		}
		same = JSON.stringify(page) === ORIG;
		p = finalPage();
		/* Saved is reviewed: today's date, changed or not. */
		save(pageText(p, today(), stampNow()));
		status(same ? "Fichier " + page.slug + ".md enregistré, sans " +
		    "modification, avec la date de relecture d’aujourd’hui (" +
		    dateFr(today()) + "). Renvoyez-le à " + SITE.coordination +
		    ". Merci\u00a0!" :
		    "Fichier " + page.slug + ".md enregistré dans vos " +
		    "téléchargements. Renvoyez-le à " + SITE.coordination + ".");
	}

	/* The page as it came, with today's date: nothing else changes. */
	function nothingChanged() {
		var orig = JSON.parse(ORIG);
		summary([]);
		if (orig.presentation != null)
			orig.presentation = String(orig.presentation);
		save(pageText(orig, today(), stampNow()));
		status("Fichier " + page.slug + ".md enregistré avec la date " +
		    "d’aujourd’hui (" + dateFr(today()) + "). Renvoyez-le à " +
		    SITE.coordination + ". Merci !" + (JSON.stringify(page) !== ORIG ?
		    " Attention : vos modifications dans le formulaire n’y sont " +
		    "pas ; pour les garder, utilisez « Enregistrer ma fiche »." : ""));
	}

	render(null);
	/* A phone turned sideways: the text areas fit their text again. */
	window.addEventListener("resize", function () {
		Array.prototype.forEach.call(root.querySelectorAll("textarea"), fit);
	});
})();
