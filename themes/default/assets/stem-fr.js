/* annuaire — the Snowball French stemmer (snowballstem.org, algorithm of
   libstemmer 2.2), written for the site's search so that a query is cut
   the way the build cut the index (src/stem.c calls libstemmer).  Input:
   one lowercase word; output: its stem.  tests/suites/stem.sh checks
   that it agrees with libstemmer and with the Snowball French vocabulary
   (Debian snowball-data) on every word.

   The string is an array of characters; positions are indices into it.
   Backward routines work on a cursor c moving left from the end towards a
   limit lb, as in Snowball; bra/ket delimit the slice to replace. */
(function (root) {
	"use strict";

	var VOWELS = "aeiouyâàëéêèïîôûù";
	var KEEP_WITH_S = "aiouès";

	function isV(ch) { return ch !== undefined && VOWELS.indexOf(ch) >= 0; }

	/* Among: the longest of the suffixes in LIST ending at c, starting at
	   or after lb; returns it or null. */
	function suffixAmong(w, c, lb, list) {
		var best = null, i, s, k, okk;
		for (i = 0; i < list.length; i++) {
			s = list[i];
			if (s.length > c - lb || (best !== null && s.length <= best.length)) continue;
			okk = true;
			for (k = 0; k < s.length; k++)
				if (w[c - s.length + k] !== s[k]) { okk = false; break; }
			if (okk) best = s;
		}
		return best;
	}
	function endsAt(w, c, lb, s) {
		if (c - lb < s.length) return false;
		for (var k = 0; k < s.length; k++) if (w[c - s.length + k] !== s[k]) return false;
		return true;
	}

	function stem(word) {
		var w = Array.from(word), i, pV, p1, p2, n;

		/* prelude: mark vowels that act as consonants.  Like Snowball's
		   "repeat goto", a position is tried again after a change. */
		function preludeAt(i) {
			var ch = w[i];
			if (isV(ch)) {
				if ((w[i + 1] === "u" || w[i + 1] === "i") && isV(w[i + 2])) {
					w[i + 1] = w[i + 1] === "u" ? "U" : "I";
					return true;
				}
				if (w[i + 1] === "y") { w[i + 1] = "Y"; return true; }
			}
			if (ch === "ë") { w.splice(i, 1, "H", "e"); return true; }
			if (ch === "ï") { w.splice(i, 1, "H", "i"); return true; }
			if (ch === "y" && isV(w[i + 1])) { w[i] = "Y"; return true; }
			if (ch === "q" && w[i + 1] === "u") { w[i + 1] = "U"; return true; }
			return false;
		}
		for (i = 0; i < w.length; )
			if (!preludeAt(i)) i++;

		/* mark_regions */
		n = w.length;
		pV = p1 = p2 = n;
		if (n >= 3 && isV(w[0]) && isV(w[1])) pV = 3;
		else if (n >= 3 && /^(par|col|tap)$/.test(w.slice(0, 3).join(""))) pV = 3;
		else {
			for (i = 1; i < n; i++) if (isV(w[i])) { pV = i + 1; break; }
		}
		(function () {
			var j = 0;
			while (j < n && !isV(w[j])) j++;
			if (j >= n) return;
			j++;
			while (j < n && isV(w[j])) j++;
			if (j >= n) return;
			p1 = ++j;
			while (j < n && !isV(w[j])) j++;
			if (j >= n) return;
			j++;
			while (j < n && isV(w[j])) j++;
			if (j >= n) return;
			p2 = ++j;
		})();

		function repl(bra, ket, s) {
			w.splice.apply(w, [bra, ket - bra].concat(Array.from(s)));
		}

		var done = (function () {
			var c = w.length, s, bra, ket;

			function standardSuffix() {
				var c0 = w.length, c2, s2, b2;
				s = suffixAmong(w, c0, 0, ["ance", "iqUe", "isme", "able", "iste", "eux",
					"ances", "iqUes", "ismes", "ables", "istes",
					"atrice", "ateur", "ation", "atrices", "ateurs", "ations",
					"logie", "logies", "usion", "ution", "usions", "utions",
					"ence", "ences", "ement", "ements", "ité", "ités",
					"if", "ive", "ifs", "ives", "eaux", "aux", "euse", "euses",
					"issement", "issements", "amment", "emment", "ment", "ments"]);
				if (s === null) return false;
				ket = c0; bra = c0 - s.length;
				switch (s) {
				case "ance": case "iqUe": case "isme": case "able": case "iste": case "eux":
				case "ances": case "iqUes": case "ismes": case "ables": case "istes":
					if (bra < p2) return false;
					repl(bra, ket, "");
					return true;
				case "atrice": case "ateur": case "ation": case "atrices": case "ateurs": case "ations":
					if (bra < p2) return false;
					repl(bra, ket, "");
					c2 = bra;
					if (endsAt(w, c2, 0, "ic")) {
						if (c2 - 2 >= p2) repl(c2 - 2, c2, "");
						else repl(c2 - 2, c2, "iqU");
					}
					return true;
				case "logie": case "logies":
					if (bra < p2) return false;
					repl(bra, ket, "log");
					return true;
				case "usion": case "ution": case "usions": case "utions":
					if (bra < p2) return false;
					repl(bra, ket, "u");
					return true;
				case "ence": case "ences":
					if (bra < p2) return false;
					repl(bra, ket, "ent");
					return true;
				case "ement": case "ements":
					if (bra < pV) return false;
					repl(bra, ket, "");
					c2 = bra;
					s2 = suffixAmong(w, c2, 0, ["iv", "eus", "abl", "iqU", "ièr", "Ièr"]);
					if (s2 !== null) {
						b2 = c2 - s2.length;
						if (s2 === "iv") {
							if (b2 >= p2) {
								repl(b2, c2, "");
								if (endsAt(w, b2, 0, "at") && b2 - 2 >= p2) repl(b2 - 2, b2, "");
							}
						} else if (s2 === "eus") {
							if (b2 >= p2) repl(b2, c2, "");
							else if (b2 >= p1) repl(b2, c2, "eux");
						} else if (s2 === "abl" || s2 === "iqU") {
							if (b2 >= p2) repl(b2, c2, "");
						} else if (b2 >= pV) repl(b2, c2, "i");
					}
					return true;
				case "ité": case "ités":
					if (bra < p2) return false;
					repl(bra, ket, "");
					c2 = bra;
					s2 = suffixAmong(w, c2, 0, ["abil", "ic", "iv"]);
					if (s2 !== null) {
						b2 = c2 - s2.length;
						if (s2 === "abil") repl(b2, c2, b2 >= p2 ? "" : "abl");
						else if (s2 === "ic") repl(b2, c2, b2 >= p2 ? "" : "iqU");
						else if (b2 >= p2) repl(b2, c2, "");
					}
					return true;
				case "if": case "ive": case "ifs": case "ives":
					if (bra < p2) return false;
					repl(bra, ket, "");
					c2 = bra;
					if (endsAt(w, c2, 0, "at") && c2 - 2 >= p2) {
						repl(c2 - 2, c2, "");
						c2 -= 2;
						if (endsAt(w, c2, 0, "ic")) repl(c2 - 2, c2, c2 - 2 >= p2 ? "" : "iqU");
					}
					return true;
				case "eaux":
					repl(bra, ket, "eau");
					return true;
				case "aux":
					if (bra < p1) return false;
					repl(bra, ket, "al");
					return true;
				case "euse": case "euses":
					if (bra >= p2) { repl(bra, ket, ""); return true; }
					if (bra >= p1) { repl(bra, ket, "eux"); return true; }
					return false;
				case "issement": case "issements":
					if (bra < p1 || bra < 1 || isV(w[bra - 1])) return false;
					repl(bra, ket, "");
					return true;
				case "amment":
					if (bra >= pV) repl(bra, ket, "ant");
					return false;
				case "emment":
					if (bra >= pV) repl(bra, ket, "ent");
					return false;
				case "ment": case "ments":
					if (bra >= 1 && isV(w[bra - 1]) && bra - 1 >= pV) repl(bra, ket, "");
					return false;
				}
				return false;
			}

			function iVerbSuffix() {
				var c0 = w.length;
				if (c0 < pV) return false;
				s = suffixAmong(w, c0, pV, ["îmes", "ît", "îtes", "i", "ie", "ies", "ir", "ira", "irai",
					"iraIent", "irais", "irait", "iras", "irent", "irez", "iriez",
					"irions", "irons", "iront", "is", "issaIent", "issais", "issait",
					"issant", "issante", "issantes", "issants", "isse", "issent", "isses",
					"issez", "issiez", "issions", "issons", "it"]);
				if (s === null) return false;
				bra = c0 - s.length;
				if (bra - 1 < pV || w[bra - 1] === "H" || isV(w[bra - 1])) return false;
				repl(bra, c0, "");
				return true;
			}

			function verbSuffix() {
				var c0 = w.length;
				if (c0 < pV) return false;
				s = suffixAmong(w, c0, pV, ["ions",
					"é", "ée", "ées", "és", "èrent", "er", "era", "erai",
					"eraIent", "erais", "erait", "eras", "erez", "eriez", "erions",
					"erons", "eront", "ez", "iez",
					"âmes", "ât", "âtes", "a", "ai", "aIent", "ais", "ait", "ant",
					"ante", "antes", "ants", "as", "asse", "assent", "asses", "assiez",
					"assions"]);
				if (s === null) return false;
				bra = c0 - s.length;
				if (s === "ions") {
					if (bra < p2) return false;
					repl(bra, c0, "");
					return true;
				}
				if (/^(é|ée|ées|és|èrent|er|era|erai|eraIent|erais|erait|eras|erez|eriez|erions|erons|eront|ez|iez)$/.test(s)) {
					repl(bra, c0, "");
					return true;
				}
				repl(bra, c0, "");
				if (bra - 1 >= pV && w[bra - 1] === "e") repl(bra - 1, bra, "");
				return true;
			}

			function residualSuffix() {
				var c0 = w.length, b;
				if (c0 >= 2 && w[c0 - 1] === "s") {
					if ((w[c0 - 3] === "H" && w[c0 - 2] === "i") || KEEP_WITH_S.indexOf(w[c0 - 2]) < 0) {
						w.splice(c0 - 1, 1);
						c0--;
					}
				}
				if (c0 < pV) return;
				s = suffixAmong(w, c0, pV, ["ion", "ier", "ière", "Ier", "Ière", "e"]);
				if (s === null) return;
				b = c0 - s.length;
				if (s === "ion") {
					if (b >= p2 && b - 1 >= pV && (w[b - 1] === "s" || w[b - 1] === "t")) repl(b, c0, "");
				} else if (s === "e") repl(b, c0, "");
				else repl(b, c0, "i");
			}

			if (standardSuffix() || iVerbSuffix() || verbSuffix()) {
				c = w.length;
				if (w[c - 1] === "Y") w[c - 1] = "i";
				else if (w[c - 1] === "ç") w[c - 1] = "c";
				return true;
			}
			residualSuffix();
			return false;
		})();
		void done;

		/* un_double */
		n = w.length;
		if (endsAt(w, n, 0, "enn") || endsAt(w, n, 0, "onn") || endsAt(w, n, 0, "ett") ||
		    endsAt(w, n, 0, "ell") || endsAt(w, n, 0, "eill")) w.splice(n - 1, 1);
		/* un_accent */
		n = w.length;
		i = n;
		while (i > 0 && !isV(w[i - 1])) i--;
		if (i < n && i > 0 && (w[i - 1] === "é" || w[i - 1] === "è")) w[i - 1] = "e";
		/* postlude */
		var out = "";
		for (i = 0; i < w.length; i++) {
			if (w[i] === "I") out += "i";
			else if (w[i] === "U") out += "u";
			else if (w[i] === "Y") out += "y";
			else if (w[i] === "H") {
				if (w[i + 1] === "e") { out += "ë"; i++; }
				else if (w[i + 1] === "i") { out += "ï"; i++; }
			} else out += w[i];
		}
		return out;
	}

	root.annuaireStemFr = stem;
	if (typeof module !== "undefined" && module.exports) module.exports = stem;
})(typeof window !== "undefined" ? window : globalThis);
