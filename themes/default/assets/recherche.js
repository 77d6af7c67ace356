/* annuaire — search and filters of the home page, loaded by it alone
   (partner pages have fiche.js).  No dependency, no request: the search
   index is the script search-index.js (window.ANNUAIRE, written by
   src/html_search.c), the stemmer stem-fr.js (window.annuaireStemFr).
   The page is complete without this file: every card is listed.

   A query is cut into words (stop words dropped), each word stemmed
   with Snowball French and folded the way the build cut the index, and
   matched against the index's stems: exact (the stem or the folded
   word), prefix (3 letters or more), or with one typo (5 letters or
   more), in decreasing weight.  Words and expressions of the thesaurus
   (content/synonymes.yaml) bring their synonyms, which count a little
   less.  A partner's score adds, for each part of the query, its best
   match times the weight of the fields where it occurs (name first,
   then thématiques and résumé, missions and actions, presentation,
   languages and address).  Partners that match every part come first,
   best first; when none does, those that match the most parts, with a
   sentence saying so; when none matches at all, the closest needs. */
(function () {
	"use strict";

	var DELAY = 120;		/* ms of typing pause before searching */
	var STEM = 0.9, SYNONYM = 0.8, PREFIX = 0.6, TYPO = 0.45;

	/* ---- words, as src/stem.c cuts them ------------------------------- */

	var FOLD = {};
	(function () {
		var latin1 = ["a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
			"d", "n", "o", "o", "o", "o", "o", null, "o", "u", "u", "u", "u", "y", "th", "ss",
			"a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
			"d", "n", "o", "o", "o", "o", "o", null, "o", "u", "u", "u", "u", "y", "th", "y"];
		var i;
		for (i = 0; i < 64; i++) if (latin1[i]) FOLD[0xc0 + i] = latin1[i];
		function set(list, v) { list.forEach(function (c) { FOLD[c] = v; }); }
		set([0x152, 0x153], "oe"); set([0x178], "y");
		set([0x100, 0x101, 0x102, 0x103, 0x104, 0x105], "a");
		set([0x106, 0x107, 0x10c, 0x10d], "c");
		set([0x118, 0x119, 0x11a, 0x11b], "e");
		set([0x141, 0x142], "l");
		set([0x143, 0x144, 0x147, 0x148], "n");
		set([0x15a, 0x15b, 0x15e, 0x15f, 0x160, 0x161], "s");
		set([0x162, 0x163, 0x164, 0x165], "t");
		set([0x16e, 0x16f], "u");
		set([0x179, 0x17a, 0x17b, 0x17c, 0x17d, 0x17e], "z");
	})();

	/* str_fold(): ASCII lowercase, Latin letters to their base. */
	function fold(s) {
		var out = "", i, cp, ch;
		for (i = 0; i < s.length; i += ch.length) {
			cp = s.codePointAt(i);
			ch = String.fromCodePoint(cp);
			if (cp >= 65 && cp <= 90) out += String.fromCharCode(cp + 32);
			else out += FOLD[cp] !== undefined ? FOLD[cp] : ch;
		}
		return out;
	}
	function isWordCp(cp) {
		if (cp < 0x80) return (cp >= 97 && cp <= 122) || (cp >= 65 && cp <= 90) || (cp >= 48 && cp <= 57);
		if (cp < 0xc0 || cp === 0xd7 || cp === 0xf7 || cp === 0xfeff) return false;
		if ((cp >= 0x2000 && cp <= 0x206f) || (cp >= 0x3000 && cp <= 0x303f)) return false;
		return true;
	}
	function lowerCp(cp) {
		if (cp >= 65 && cp <= 90) return cp + 32;
		if (cp >= 0xc0 && cp <= 0xde && cp !== 0xd7) return cp + 32;
		if (cp === 0x178) return 0xff;
		if ((cp >= 0x100 && cp <= 0x137 && cp !== 0x130) || (cp >= 0x14a && cp <= 0x177)) return cp % 2 === 0 ? cp + 1 : cp;
		if ((cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17e)) return cp % 2 === 1 ? cp + 1 : cp;
		return cp;
	}
	/* The lowercase words of s, each with its offsets in s (for marks). */
	function words(s, withPos) {
		var out = [], w = "", start = 0, i, cp, len;
		for (i = 0; i < s.length; i += len) {
			cp = s.codePointAt(i);
			len = cp > 0xffff ? 2 : 1;
			if (isWordCp(cp)) {
				if (w === "") start = i;
				w += String.fromCodePoint(lowerCp(cp));
			} else if (w !== "") {
				out.push(withPos ? { w: w, a: start, b: i } : w);
				w = "";
			}
		}
		if (w !== "") out.push(withPos ? { w: w, a: start, b: s.length } : w);
		return out;
	}

	var stemFr = window.annuaireStemFr || function (w) { return w; };
	var keyCache = new Map();
	/* The folded stems of a lowercase word: of itself and of its folded form. */
	function keys(w) {
		var k = keyCache.get(w), f;
		if (k === undefined) {
			f = fold(w);
			k = [fold(stemFr(w))];
			var k2 = fold(stemFr(f));
			if (k2 !== k[0]) k.push(k2);
			k.f = f;
			keyCache.set(w, k);
		}
		return k;
	}

	/* Whether a and b differ by one edit (insert, delete, change, swap). */
	function oneEdit(a, b) {
		var la = a.length, lb = b.length, i = 0, j;
		if (Math.abs(la - lb) > 1 || a === b) return false;
		while (i < la && i < lb && a[i] === b[i]) i++;
		if (la === lb) {
			if (a.slice(i + 1) === b.slice(i + 1)) return true;
			return i + 1 < la && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
		}
		j = i;
		return la > lb ? a.slice(i + 1) === b.slice(j) : a.slice(i) === b.slice(j + 1);
	}

	/* ---- the index ------------------------------------------------------ */

	function Index(A) {
		var self = this, w = A.champs, m, b, sum, max;
		this.n = A.partenaires.length;
		this.slugs = A.partenaires.map(function (p) { return p.slug; });
		this.stems = [];
		this.byKey = new Map();		/* stem or folded word -> term */
		this.byForm = new Map();	/* folded word -> term */
		this.strings = [];		/* [string, term] for prefix and typo */
		A.termes.forEach(function (line, t) {
			var parts = line.split(" "), word = parts[0].charAt(0) === "=";
			if (word) parts[0] = parts[0].slice(1);
			self.stems.push(parts[0]);
			parts.forEach(function (s, i) {
				if (!self.byKey.has(s)) self.byKey.set(s, t);
				if ((i > 0 || word) && !self.byForm.has(s)) self.byForm.set(s, t);
				self.strings.push([s, t]);
			});
		});
		/* Score of a posting: its best field, plus half of the others. */
		this.fieldScore = new Float64Array(64);
		for (m = 0; m < 64; m++) {
			sum = 0; max = 0;
			for (b = 0; b < w.length; b++) if (m & (1 << b)) { sum += w[b]; max = Math.max(max, w[b]); }
			this.fieldScore[m] = max + (sum - max) / 2;
		}
		/* Inverted lists: term -> [partner, fields, partner, fields…]. */
		this.inv = this.stems.map(function () { return []; });
		A.partenaires.forEach(function (p, i) {
			var t = 0;
			p.t.forEach(function (v) { t += Math.floor(v / 64); self.inv[t].push(i, v % 64); });
		});
		this.stop = new Set(A.vides || []);
		/* Thesaurus: expressions as lists of words; first word -> uses. */
		this.groups = (A.synonymes || []).map(function (g) {
			return g.map(function (e) { return self.meaningful(words(e.normalize ? e.normalize("NFC") : e)); })
				.filter(function (e) { return e.length > 0; });
		});
		this.starts = new Map();
		this.groups.forEach(function (g, gi) {
			g.forEach(function (e, ei) {
				keys(e[0]).forEach(function (k) {
					if (!self.starts.has(k)) self.starts.set(k, []);
					self.starts.get(k).push([gi, ei]);
				});
			});
		});
		/* Every word of the thesaurus, by key: a half of a compound. */
		this.thesWords = new Set();
		this.groups.forEach(function (g) {
			g.forEach(function (e) { e.forEach(function (w) { keys(w).forEach(function (k) { self.thesWords.add(k); }); }); });
		});
		this.thematiques = A.thematiques || [];
	}
	/* The cutting of words, for tests: words(text), keys(word). */
	Index.prototype.words = function (s) { return words(s); };
	Index.prototype.fold = fold;
	Index.prototype.keys = function (w) { return keys(w).slice(); };
	Index.prototype.meaningful = function (ws) {
		var self = this, m = ws.filter(function (w) { return !self.stop.has(fold(w)); });
		return m.length ? m : ws;
	};
	/* term -> quality for a word typed by the reader (loose: the word
	   itself, its stem, a prefix, or else one typo) or written in the
	   thesaurus (the word itself, singular or plural: a stem is too
	   loose there, "habits" and "habitants" share one). */
	Index.prototype.match = function (w, loose) {
		var k = keys(w), f = k.f, out = new Map(), self = this;
		function add(t, q) { if (!(out.get(t) >= q)) out.set(t, q); }
		function form(s, q) { if (self.byForm.has(s)) add(self.byForm.get(s), q); }
		form(f, 1);
		if (!loose) {
			if (/[sx]$/.test(f)) form(f.slice(0, -1), 1);
			else { form(f + "s", 1); form(f + "x", 1); }
			return out;
		}
		k.forEach(function (s) { if (self.byKey.has(s)) add(self.byKey.get(s), STEM); });
		if (f.length >= 3)
			this.strings.forEach(function (e) {
				var s = e[0];
				if (s.length > f.length && s.lastIndexOf(f, 0) === 0) add(e[1], PREFIX);
			});
		if (f.length >= 5 && out.size === 0)
			this.strings.forEach(function (e) { if (oneEdit(e[0], f)) add(e[1], TYPO); });
		return out;
	};
	/* Per partner, the best (quality x fields) of the terms in m. */
	Index.prototype.scores = function (m) {
		var s = new Float64Array(this.n), self = this;
		m.forEach(function (q, t) {
			var l = self.inv[t], i, v;
			for (i = 0; i < l.length; i += 2) {
				v = q * self.fieldScore[l[i + 1]];
				if (v > s[l[i]]) s[l[i]] = v;
			}
		});
		return s;
	};
	/* A phrase: each word must match; its weakest word's score (the
	   index has no positions: words met in the same strong field are
	   the best sign of the phrase). */
	Index.prototype.phrase = function (ws, loose, quality, hits) {
		var self = this, acc = null, i;
		ws.forEach(function (w) {
			var m = self.match(w, loose), s = self.scores(m);
			if (acc === null) acc = s;
			else for (i = 0; i < acc.length; i++) acc[i] = Math.min(acc[i], s[i]);
			m.forEach(function (q, t) { hits.push(t); });
		});
		for (i = 0; i < acc.length; i++) acc[i] *= quality;
		return acc;
	};
	/* The query cut into parts: thesaurus expressions (longest first)
	   or single words, each part with the groups it belongs to. */
	Index.prototype.parts = function (ws) {
		var out = [], i = 0, self = this;
		function same(a, b) {
			var ka = keys(a), kb = keys(b);
			return ka.some(function (k) { return kb.indexOf(k) >= 0; });
		}
		while (i < ws.length) {
			var best = 1, groups = [];
			keys(ws[i]).forEach(function (k) {
				(self.starts.get(k) || []).forEach(function (ge) {
					var e = self.groups[ge[0]][ge[1]], j;
					if (e.length > ws.length - i) return;
					for (j = 0; j < e.length; j++) if (!same(ws[i + j], e[j])) return;
					if (e.length > best) { best = e.length; groups = []; }
					if (e.length === best && groups.indexOf(ge[0]) < 0) groups.push(ge[0]);
				});
			});
			out.push({ words: ws.slice(i, i + best), groups: groups });
			i += best;
		}
		return out;
	};
	/* Scores of a query: {parts, per part scores, hit stems}. */
	/* A word the index does not know, typed as two glued together
	   ("sansabri", "croixrouge", "aideménagère"): its two halves, each
	   a word of the pages or of the thesaurus; else the word. */
	Index.prototype.known = function (w) {
		var self = this;
		return this.match(w, false).size > 0 || keys(w).some(function (k) {
			return self.byKey.has(k) || self.thesWords.has(k);
		});
	};
	Index.prototype.unglue = function (ws) {
		var self = this, out = [];
		ws.forEach(function (w) {
			var f = fold(w), i;
			if (f.length >= 7 && self.match(w, true).size === 0)
				for (i = f.length - 3; i >= 3; i--)
					if (!self.stop.has(w.slice(0, i)) && self.known(w.slice(0, i)) &&
					    self.known(w.slice(i))) {
						out.push(w.slice(0, i), w.slice(i));
						return;
					}
			out.push(w);
		});
		return out;
	};
	Index.prototype.search = function (q) {
		var self = this, ws = this.unglue(this.meaningful(words(q))), parts = this.parts(ws), hits = [];
		parts.forEach(function (p) {
			var s = self.phrase(p.words, true, 1, hits);
			p.groups.forEach(function (g) {
				self.groups[g].forEach(function (e) {
					var h = [], t = self.phrase(e, false, SYNONYM, h), i, any = false;
					for (i = 0; i < t.length; i++) {
						if (t[i] > 0) any = true;
						if (t[i] > s[i]) s[i] = t[i];
					}
					if (any) Array.prototype.push.apply(hits, h);
				});
			});
			p.scores = s;
			p.df = s.reduce(function (n, v) { return n + (v > 0 ? 1 : 0); }, 0);
			p.any = p.df > 0;
			/* A rare part tells more than a common one. */
			p.idf = Math.log(1 + self.n / Math.max(p.df, 1));
		});
		var stems = new Set();
		hits.forEach(function (t) { stems.add(self.stems[t]); });
		return { parts: parts, hits: stems };
	};
	/* The needs closest to the query's words, by shared letter triples. */
	Index.prototype.closest = function (q, n) {
		var qs = words(q).map(fold);
		function tri(s) {
			var t = new Set(), i; s = " " + s + " ";
			for (i = 0; i + 3 <= s.length; i++) t.add(s.slice(i, i + 3));
			return t;
		}
		function sim(a, b) {
			var ta = tri(a), tb = tri(b), c = 0;
			ta.forEach(function (x) { if (tb.has(x)) c++; });
			return 2 * c / (ta.size + tb.size);
		}
		return this.thematiques.map(function (t, i) {
			var best = 0;
			words(t.libelle).map(fold).forEach(function (l) {
				qs.forEach(function (w) { best = Math.max(best, sim(w, l)); });
			});
			return { t: t, s: best, i: i };
		}).sort(function (a, b) { return b.s - a.s || b.t.n - a.t.n || a.i - b.i; })
			.slice(0, n).map(function (e) { return e.t; });
	};

	/* ---- highlighting --------------------------------------------------- */

	/* A marked text sits in a span of its own: in a flex item (the
	   needs of a card) the text around a mark keeps its spaces. */
	function unmark(el) {
		var ms = el.querySelectorAll("span.trouve-texte"), i;
		for (i = 0; i < ms.length; i++) ms[i].replaceWith(document.createTextNode(ms[i].textContent));
		if (ms.length) el.normalize();
	}
	function mark(el, hits) {
		var walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT), nodes = [], n;
		while ((n = walker.nextNode())) nodes.push(n);
		nodes.forEach(function (node) {
			var text = node.nodeValue, ws = words(text, true), frag = null, last = 0;
			ws.forEach(function (x) {
				if (!keys(x.w).some(function (k) { return hits.has(k); })) return;
				if (frag === null) {
					frag = document.createElement("span");
					frag.className = "trouve-texte";
				}
				frag.appendChild(document.createTextNode(text.slice(last, x.a)));
				var m = document.createElement("mark");
				m.className = "trouve";
				m.textContent = text.slice(x.a, x.b);
				frag.appendChild(m);
				last = x.b;
			});
			if (frag === null) return;
			frag.appendChild(document.createTextNode(text.slice(last)));
			node.replaceWith(frag);
		});
	}

	/* ---- the page ------------------------------------------------------- */

	function initSearch() {
		var form = document.querySelector(".recherche");
		var filtres = document.querySelector(".filtres");
		var input = document.getElementById("q");
		var A = window.ANNUAIRE;
		if (!form || !input || !A || A.version !== 2) return;
		var index = new Index(A);
		window.annuaireRecherche = index;	/* for tests and curious readers */
		var list = document.querySelector(".cartes");
		var cards = Array.prototype.slice.call(document.querySelectorAll(".cartes .carte"));
		var selects = Array.prototype.slice.call(document.querySelectorAll(".filtres select"));
		var status = document.getElementById("resultats");
		var none = document.getElementById("aucun");
		var partial = document.getElementById("partiel");
		var close = document.getElementById("proches");
		var bySlug = {}, marked = [], timer = null, marking = null;
		index.slugs.forEach(function (s, i) { bySlug[s] = i; });

		form.hidden = false;
		form.setAttribute("data-delai", String(DELAY));
		if (filtres) filtres.hidden = false;

		function passesFilters(card) {
			return selects.every(function (sel) {
				var v = sel.value, attr = sel.getAttribute("data-filtre");
				return !v || (" " + (card.getAttribute("data-" + attr) || "") + " ").indexOf(" " + v + " ") >= 0;
			});
		}
		function showClosest(q) {
			if (!close) return;
			while (close.firstChild) close.removeChild(close.firstChild);
			close.appendChild(document.createTextNode("Besoins proches : "));
			index.closest(q, 3).forEach(function (t, i) {
				if (i) close.appendChild(document.createTextNode(", "));
				var a = document.createElement("a");
				a.href = "thematiques/" + t.cle + ".html";
				a.textContent = t.libelle;
				close.appendChild(a);
			});
			close.appendChild(document.createTextNode("."));
		}

		function apply() {
			var t0 = performance.now();
			var q = input.value.normalize ? input.value.normalize("NFC") : input.value;
			var r = words(q).length ? index.search(q) : null;	/* "!!" = no query */
			var useful = r ? r.parts.filter(function (p) { return p.any; }) : [];
			var rows = [], full = 0, shown;
			clearTimeout(timer);
			timer = null;
			cards.forEach(function (card, order) {
				var i = bySlug[card.getAttribute("data-slug")], score = 0, got = 0;
				if (!passesFilters(card)) return;
				if (r) {
					if (i === undefined) return;
					useful.forEach(function (p) { if (p.scores[i] > 0) { score += p.idf * p.scores[i]; got++; } });
					if (got === 0) return;
				}
				if (got === useful.length) full++;
				rows.push({ card: card, score: score, got: got, order: order });
			});
			if (r && full > 0) rows = rows.filter(function (x) { return x.got === useful.length; });
			rows.sort(function (a, b) { return b.got - a.got || b.score - a.score || a.order - b.order; });
			shown = new Set(rows.map(function (x) { return x.card; }));
			clearTimeout(marking);
			marked.forEach(unmark);
			marked = [];
			/* Shown cards first, in score order, moving only those out of
			   place; the hidden ones go after them. */
			cards.forEach(function (card) {
				var h = !shown.has(card);
				if (card.hidden !== h) card.hidden = h;
			});
			var at = list.firstElementChild;
			rows.forEach(function (x) {
				if (at === x.card) at = at.nextElementSibling;
				else list.insertBefore(x.card, at);
			});
			/* Marks: the first cards now, the others in small batches
			   (a long list stays quick to type in). */
			if (r && r.hits.size) (function batch(from, n) {
				rows.slice(from, from + n).forEach(function (x) {
					["carte-titre", "carte-resume", "carte-themes"].forEach(function (c) {
						var el = x.card.querySelector("." + c);
						if (el) mark(el, r.hits);
					});
					marked.push(x.card);
				});
				if (from + n < rows.length) marking = setTimeout(function () { batch(from + n, 100); }, 0);
			})(0, 30);
			/* A query or a filter: the results come first, under the
			   search box (the need tiles fold away, recherche.css). */
			document.body.classList.toggle("recherche-active", !!r ||
				selects.some(function (sel) { return !!sel.value; }));
			status.textContent = rows.length === 0 ? "Aucun partenaire" :
				rows.length + (rows.length > 1 ? " partenaires" : " partenaire");
			if (none) none.hidden = rows.length !== 0;
			if (close) {
				close.hidden = !(r && rows.length === 0);
				if (!close.hidden) showClosest(q);
			}
			if (partial) partial.hidden = !(r && full === 0 && rows.length > 0);
			status.setAttribute("data-ms", (performance.now() - t0).toFixed(1));
			status.setAttribute("data-q", input.value);
			remember();
		}
		function later() {
			clearTimeout(timer);
			timer = setTimeout(apply, DELAY);
		}

		/* Keep the search in the address, so that "back" restores it
		   (after the results: the browser may take its time). */
		var saving = null;
		function remember() {
			clearTimeout(saving);
			saving = setTimeout(save, 0);
		}
		function save() {
			var params = [], url;
			if (input.value) params.push("q=" + encodeURIComponent(input.value));
			selects.forEach(function (sel) {
				if (sel.value) params.push(sel.name + "=" + encodeURIComponent(sel.value));
			});
			url = location.pathname + (params.length ? "?" + params.join("&") : "") + location.hash;
			if (url === location.pathname + location.search + location.hash) return;
			try {
				history.replaceState(null, "", url);
			} catch (e) { /* some browsers refuse it on file:// */ }
		}

		function restore() {
			location.search.replace(/^\?/, "").split("&").forEach(function (kv) {
				var i = kv.indexOf("="), k, v;
				if (i < 0) return;
				k = kv.slice(0, i);
				try { v = decodeURIComponent(kv.slice(i + 1).replace(/\+/g, " ")); } catch (e) { return; }
				if (k === "q") input.value = v;
				selects.forEach(function (sel) { if (sel.name === k) sel.value = v; });
			});
		}

		form.addEventListener("submit", function (e) { e.preventDefault(); apply(); });
		input.addEventListener("input", later);
		selects.forEach(function (sel) { sel.addEventListener("change", apply); });
		var clear = document.getElementById("effacer");
		if (clear) clear.addEventListener("click", function () {
			input.value = "";
			selects.forEach(function (sel) { sel.value = ""; });
			apply();
			input.focus();
		});
		window.addEventListener("pageshow", apply);
		restore();
		apply();
	}

	initSearch();
})();
