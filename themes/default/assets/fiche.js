/* annuaire — a partner page: today's row in the hours table, the print
   button.  The page is complete without this file. */
(function () {
	"use strict";

	var day = (new Date().getDay() + 6) % 7;	/* Monday is 0 */
	var row = document.querySelector('.horaires tr[data-jour="' + day + '"]');
	if (row) {
		row.className = "aujourdhui";
		var th = row.querySelector("th");
		if (th) th.insertAdjacentHTML("beforeend", '<span class="visuellement-cache"> (aujourd’hui)</span>');
	}

	Array.prototype.forEach.call(document.querySelectorAll(".js-imprimer"), function (b) {
		b.hidden = false;
		b.addEventListener("click", function () { window.print(); });
	});
})();
