#!/usr/bin/env bash
# A partner a little too long for its page is set again tighter
# (bk_partner.c: bk_partner, struct pstyle) before it runs over.
# On generated partners whose presentation grows a few words at a
# time, read from the layout dump: a longer partner never takes fewer
# pages; some one-page partner got the tightest setting (contact box at
# 0.85 of the body size instead of 0.9), so tightening saved a page; no
# partner on two pages or more keeps a tightened setting; the style of
# one partner does not leak into the next (same box size on every
# untightened page); two builds give the same dump.
# san: yes
. "$TOP/tests/lib.sh"
A=$ANNUAIRE
export SOURCE_DATE_EPOCH=1521072000

if ! "$A" --version >/dev/null 2>&1; then
	t_skip "tighten suite" "the command line is not built yet"
	t_done; exit
fi

C=$T_TMP/content
mkdir -p "$C/partenaires"
cp "$TOP/content/site.yaml" "$C/"
N=30
words="les bénévoles reçoivent chaque personne écoutent sa demande et
l’orientent vers le bon atelier avec patience"
for i in $(seq 0 $((N - 1))); do
	n=$(printf '%02d' "$i")
	{
		printf -- '---\nnom: "Zz%s"\ncategorie: associatifs-cultuels\n' "$n"
		printf 'thematiques: [lien-social]\n'
		printf 'resume: "Un partenaire de longueur %s."\n' "$n"
		printf 'missions:\n  - "Accueillir."\n'
		printf 'acces:\n  modalites: [sans rendez-vous]\n  cout: gratuit\n'
		printf 'adresse:\n  rue: "%d rue des Essais"\n' "$((i + 1))"
		printf '  code_postal: "78000"\n  ville: "Versailles"\n'
		printf 'telephone: "01 99 01 %02d %02d"\n' "$((i / 100))" "$((i % 100))"
		printf 'mise_a_jour: 2018-06-04\n---\n'
		# 260 words, then 6 more for each partner.
		for k in $(seq 1 $((260 + 6 * i))); do
			set -- $words
			shift $((k % $#))
			printf '%s ' "$1"
		done
		printf '.\n'
	} >"$C/partenaires/zz$n.md"
done

"$A" build -q -C "$C" -o "$T_TMP/o1" --layout-dump "$T_TMP/d1" \
    2>"$T_TMP/err"; rc=$?
t_eq "generated partners build" "$rc" "0"
"$A" build -q -C "$C" -o "$T_TMP/o2" --layout-dump "$T_TMP/d2" 2>/dev/null
t_check "two builds give the same layout" cmp "$T_TMP/d1" "$T_TMP/d2"

# One line per partner Zz00..: "index pages boxsize", from the dump.
# A partner starts on the page showing its name in bold; its box size
# is that of the first regular text after the first rect under the
# name (the contact box's tint) on that page.
awk '
	/^page / { pg = $2 + 0; named = tint = 0 }
	/^  text / && / bold / && match($0, /"Zz[0-9][0-9]"$/) {
		last = substr($0, RSTART + 3, 2) + 0
		start[last] = pg; named = 1
	}
	/^  rect / && named { tint = 1 }
	/^  text / && / regular / && tint && !(last in box) {
		match($0, /size=[0-9.]+/)
		box[last] = substr($0, RSTART + 5, RLENGTH - 5)
	}
	END {
		for (z = 0; z < last; z++)
			printf "%d %d %s\n", z, start[z + 1] - start[z], box[z]
	}' "$T_TMP/d1" >"$T_TMP/parts"
np=$(wc -l <"$T_TMP/parts")
t_eq "every generated partner found in the dump" "$np" "$((N - 1))"

# Body size: the Missions heading is set at 1.1 times it.
body=$(awk 'match($0, /bold size=[0-9.]+ #[0-9a-f]+ "Missions"$/) {
	s = $0; sub(/.*bold size=/, "", s); sub(/ .*/, "", s)
	printf "%.3f\n", s / 1.1; exit }' "$T_TMP/d1")
bad=$(awk -v b="$body" '
	function near(x, y) { return x - y < 0.01 && y - x < 0.01 }
	{ n = $2; s = $3 }
	NR > 1 && n < prev { print "fewer pages: " $0 }
	!near(s, b * 0.9) && !near(s, b * 0.85) { print "odd box size: " $0 }
	n >= 2 && near(s, b * 0.85) { print "tightened on 2+ pages: " $0 }
	n == 1 && near(s, b * 0.85) { tight++ }
	{ prev = n }
	END { if (tight == 0) print "no one-page partner at the tightest setting" }
	' "$T_TMP/parts")
t_eq "pages grow with the text, tightening saves a page, then leaves" \
    "$bad" ""
t_done
