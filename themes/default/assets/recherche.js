/* annuaire — search and filters of the home page, loaded by it alone
   (partner pages have fiche.js).  No dependency, no request: the search
   index is the script search-index.js (window.ANNUAIRE).  The page is
   complete without this file: every card is listed. */
(function () {
	"use strict";

	/* Lowercase, accents removed (é -> e, œ -> oe), like str_fold() in C. */
	function fold(s) {
		return s.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "")
			.replace(/œ/g, "oe").replace(/æ/g, "ae").replace(/ß/g, "ss")
			.replace(/[’']/g, " ");
	}

	function words(s) {
		return fold(s).split(/[^0-9a-z\u00c0-\uffff]+/).filter(function (w) { return w !== ""; });
	}

	function initSearch() {
		var form = document.querySelector(".recherche");
		var filtres = document.querySelector(".filtres");
		var input = document.getElementById("q");
		if (!form || !input || !window.ANNUAIRE) return;
		var cards = Array.prototype.slice.call(document.querySelectorAll(".cartes .carte"));
		var selects = Array.prototype.slice.call(document.querySelectorAll(".filtres select"));
		var status = document.getElementById("resultats");
		var none = document.getElementById("aucun");
		var texts = {};
		window.ANNUAIRE.partenaires.forEach(function (p) { texts[p.slug] = " " + fold(p.texte).replace(/[^0-9a-z\u00c0-\uffff]+/g, " ") + " "; });

		form.hidden = false;
		if (filtres) filtres.hidden = false;

		function apply() {
			var q = words(input.value), shown = 0;
			cards.forEach(function (card) {
				var ok = true, text = texts[card.getAttribute("data-slug")] || "";
				q.forEach(function (w) { if (text.indexOf(" " + w) < 0) ok = false; });
				selects.forEach(function (sel) {
					var v = sel.value, attr = sel.getAttribute("data-filtre");
					if (v && (" " + (card.getAttribute("data-" + attr) || "") + " ").indexOf(" " + v + " ") < 0) ok = false;
				});
				card.hidden = !ok;
				if (ok) shown++;
			});
			status.textContent = shown === 0 ? "Aucun partenaire" :
				shown + (shown > 1 ? " partenaires" : " partenaire");
			if (none) none.hidden = shown !== 0;
			remember();
		}

		/* Keep the search in the address, so that "back" restores it. */
		function remember() {
			var params = [];
			if (input.value) params.push("q=" + encodeURIComponent(input.value));
			selects.forEach(function (sel) {
				if (sel.value) params.push(sel.name + "=" + encodeURIComponent(sel.value));
			});
			try {
				history.replaceState(null, "", location.pathname + (params.length ? "?" + params.join("&") : "") + location.hash);
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
		input.addEventListener("input", apply);
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
