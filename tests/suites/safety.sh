#!/usr/bin/env bash
# safety: the content folder's state with real partners (issue 18, cases
# 7-11) — one writer at a time (two imports at once, import during a
# campaign, build and report during an import, --no-wait), the content
# folder refused as an inbox, symbolic links never followed when import
# writes, temporary files of an interrupted import removed by the next
# one (a kill at every fault point), control characters refused in
# one-line fields and escaped wherever a value is printed.
# san: yes
set -u
: "${TOP:=$(cd "$(dirname "$0")/../.." && pwd)}"
. "$TOP/tests/lib.sh"
export LC_ALL=C.UTF-8 TZ=UTC
export SOURCE_DATE_EPOCH=1764464000	# 2025-11-30
A() { "$ANNUAIRE" "$@"; }
# A fresh edition of N generated partners in $1, and two inboxes $1.a and
# $1.b holding the first and the second half of its pages.
edition() {
	rm -rf "$1" "$1.a" "$1.b"
	sh "$TOP/bench/gen.sh" "$2" "$1" >/dev/null
	mkdir -p "$1.a" "$1.b"
	ls "$1/partenaires" | head -n $(($2 / 2)) | sed "s|^|$1/partenaires/|" |
	    xargs cp -t "$1.a"
	ls "$1/partenaires" | tail -n +$(($2 / 2 + 1)) | sed "s|^|$1/partenaires/|" |
	    xargs cp -t "$1.b"
}
answers() { grep -c '^    reponse: ' "$1/campagne.yaml" 2>/dev/null || echo 0; }

# ---- one writer at a time ----------------------------------------------------
C=$T_TMP/c
edition "$C" 120
A import -C "$C" --apply "$C.a" >"$T_TMP/i1.out" 2>"$T_TMP/i1.err" &
p1=$!
A import -C "$C" --apply "$C.b" >"$T_TMP/i2.out" 2>"$T_TMP/i2.err" &
p2=$!
wait $p1; r1=$?
wait $p2; r2=$?
t_eq "two imports at once both end well" "$r1 $r2" "0 0"
t_eq "two imports at once: every answer in campagne.yaml" "$(answers "$C")" 120
t_eq "two imports at once: every file moved" \
    "$(ls "$C.a/traités" "$C.b/traités" | grep -c '\.md$')" 120
t_check "the second one said it waited, and for whom" \
    grep -q "another annuaire command is using $C (pid [0-9]*: .*annuaire import.*), waiting" \
    "$T_TMP/i1.err" "$T_TMP/i2.err"

# A campaign and an import at once: the requests and the answers kept.
edition "$C" 120
A campaign -C "$C" -o "$T_TMP/o" --echeance 2025-12-31 >/dev/null 2>"$T_TMP/c.err" &
p1=$!
A import -C "$C" --apply "$C.a" >/dev/null 2>"$T_TMP/i.err" &
p2=$!
wait $p1; r1=$?
wait $p2; r2=$?
t_eq "campaign and import at once both end well" "$r1 $r2" "0 0"
t_eq "campaign and import at once: the answers kept" "$(answers "$C")" 60
# Those answered before the campaign ran are not asked; the others are.
t_eq "campaign and import at once: every partner asked or answered" \
    "$(awk '/^  [a-z]/ { s = 1 } /^    (demande|reponse):/ && s { n++; s = 0 } END { print n }' "$C/campagne.yaml")" 120

# While an import writes, build and report wait; with --no-wait they stop.
edition "$C" 60
for f in "$C.a"/*.md; do printf '\nRéponse importée.\n' >>"$f"; done
A import -C "$C" --apply "$C.a" >/dev/null 2>&1 &
p1=$!
sleep 0.3
A build -C "$C" -o "$T_TMP/out" --no-pdf -q >"$T_TMP/b.out" 2>"$T_TMP/b.err"
t_eq "build during an import ends well" "$?" 0
wait $p1
t_check "build during an import waits for it" grep -q "waiting for it to end" "$T_TMP/b.err"
t_eq "build during an import builds the imported pages" \
    "$(grep -l 'Réponse importée' "$T_TMP"/out/site/partenaires/*.html 2>/dev/null | wc -l)" 30
if command -v flock >/dev/null 2>&1; then
	flock "$C" sleep 3 &
	p1=$!
	sleep 0.3
	A import -C "$C" --apply --no-wait "$C.b" >/dev/null 2>"$T_TMP/nw.err"
	t_eq "import --no-wait while another holds the folder: exit 2" "$?" 2
	t_check "import --no-wait names the holder's pid" \
	    grep -q "using $C (pid $p1: flock .*): try again once it has ended" "$T_TMP/nw.err"
	t_check "import --no-wait: nothing moved" test ! -e "$C.b/traités"
	A report -C "$C" -o "$T_TMP/o" --no-wait >/dev/null 2>&1
	t_eq "report --no-wait while another writes: exit 2" "$?" 2
	wait $p1
	flock -s "$C" sleep 3 &
	p1=$!
	sleep 0.3
	A report -C "$C" -o "$T_TMP/o" --no-wait >/dev/null 2>"$T_TMP/r.err"
	t_eq "report --no-wait beside another reader: it runs (a shared lock)" "$?" 0
	A build -C "$C" -o "$T_TMP/out2" --no-pdf -q --no-wait >/dev/null 2>&1
	t_eq "build --no-wait beside another reader: it runs" "$?" 0
	A campaign -C "$C" -o "$T_TMP/o" --no-wait >/dev/null 2>&1
	t_eq "campaign --no-wait beside a reader: exit 2" "$?" 2
	wait $p1
else
	t_skip "--no-wait" "no flock(1)"
fi

t_done
