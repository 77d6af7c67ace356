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
# The import keeps its lock 2 s (a hook read only by tests): the build
# is started once the folder is seen taken, so it surely finds it so.
ANNUAIRE_TEST_LOCK_HOLD_MS=2000 A import -C "$C" --apply "$C.a" >/dev/null 2>&1 &
p1=$!
for i in $(seq 200); do
	flock -n -s "$C" true 2>/dev/null || break
	sleep 0.05
done
A build -C "$C" -o "$T_TMP/out" --no-pdf -q >"$T_TMP/b.out" 2>"$T_TMP/b.err"
t_eq "build during an import ends well" "$?" 0
wait $p1
t_check "build during an import waits for it" grep -q "waiting for it to end" "$T_TMP/b.err"
t_eq "build during an import builds the imported pages" \
    "$(grep -l 'Réponse importée' "$T_TMP"/out/edition/site/partenaires/*.html 2>/dev/null | wc -l)" 30
if command -v flock >/dev/null 2>&1; then
	# flock -o: the lock is flock's own, gone with it when killed.
	flock -o "$C" sleep 20 >/dev/null 2>&1 &
	p1=$!
	sleep 0.3
	A import -C "$C" --apply --no-wait "$C.b" >/dev/null 2>"$T_TMP/nw.err"
	t_eq "import --no-wait while another holds the folder: exit 2" "$?" 2
	t_check "import --no-wait names the holder's pid" \
	    grep -q "using $C (pid $p1: flock .*): try again once it has ended" "$T_TMP/nw.err"
	t_check "import --no-wait: nothing moved" test ! -e "$C.b/traités"
	A report -C "$C" -o "$T_TMP/o" --no-wait >/dev/null 2>&1
	t_eq "report --no-wait while another writes: exit 2" "$?" 2
	kill $p1; wait $p1 2>/dev/null
	flock -o -s "$C" sleep 20 >/dev/null 2>&1 &
	p1=$!
	sleep 0.3
	A report -C "$C" -o "$T_TMP/o" --no-wait >/dev/null 2>"$T_TMP/r.err"
	t_eq "report --no-wait beside another reader: it runs (a shared lock)" "$?" 0
	A build -C "$C" -o "$T_TMP/out2" --no-pdf -q --no-wait >/dev/null 2>&1
	t_eq "build --no-wait beside another reader: it runs" "$?" 0
	A campaign -C "$C" -o "$T_TMP/o" --no-wait >/dev/null 2>&1
	t_eq "campaign --no-wait beside a reader: exit 2" "$?" 2
	kill $p1; wait $p1 2>/dev/null
else
	t_skip "--no-wait" "no flock(1)"
fi

# ---- dangerous folders ------------------------------------------------------
# A copy of the example $1 and an inbox $1.in of three answers (a line
# added to each page).
example() {
	rm -rf "$1" "$1.in"
	cp -r "$TOP/content" "$1"
	mkdir -p "$1.in"
	for s in afad aral rive; do
		{ cat "$1/partenaires/$s.md"; printf '\nRéponse importée.\n'; } >"$1.in/$s.md"
	done
}
sums() { (cd "$1" && find . -type f | sort | xargs md5sum); }
C=$T_TMP/e
example "$C"
before=$(sums "$C")
A import -C "$C" --apply "$C/partenaires" >/dev/null 2>"$T_TMP/in.err"
t_eq "import --apply content/partenaires: exit 2" "$?" 2
t_check "import --apply content/partenaires: says why" \
    grep -q "is the content folder $C or inside it" "$T_TMP/in.err"
t_eq "import --apply content/partenaires: nothing moved" "$(sums "$C")" "$before"
A import -C "$C" --apply "$C" >/dev/null 2>&1
t_eq "import --apply content: exit 2" "$?" 2
(cd "$T_TMP" && A import -C e --apply ./e/../e/partenaires/ >/dev/null 2>&1)
t_eq "import --apply content/partenaires written otherwise: exit 2" "$?" 2
t_eq "nothing moved either" "$(sums "$C")" "$before"

# A symbolic link at every path import writes: never followed.
X=$T_TMP/elsewhere
link_case() {	# name, then the commands that plant the link
	local name=$1; shift
	example "$C"
	rm -rf "$X"; mkdir -p "$X"
	"$@"
	A import -C "$C" --apply "$C.in" >"$T_TMP/l.out" 2>"$T_TMP/l.err"
	rc=$?
	t_eq "link at $name: nothing written through it" "$(find "$X" -type f | wc -l)" 0
}
link_case "INBOX/traités" ln -s "$C/partenaires" "$C.in/traités"
t_eq "link at INBOX/traités: exit 2" "$rc" 2
t_check "link at INBOX/traités: named" grep -q "traités: error: is a symbolic link" "$T_TMP/l.err"
t_eq "link at INBOX/traités: no copy in content/partenaires/" \
    "$(ls "$C/partenaires" | grep -c '(')" 0
t_eq "link at INBOX/traités: the answers stay in the inbox" "$(ls "$C.in" | grep -c '\.md$')" 3
link_case "content/archives" ln -s "$X" "$C/archives"
t_eq "link at content/archives: exit 2" "$rc" 2
link_case "content/archives/2018" eval 'mkdir "$C/archives" && ln -s "$X" "$C/archives/2018"'
t_eq "link at content/archives/2018: exit 2" "$rc" 2
t_check "link at content/archives/2018: named" grep -q "archives/2018: error: is a symbolic link" "$T_TMP/l.err"
link_case "content/archives/2018/remplacees" eval '
	A import -C "$C" --apply "$C.in" >/dev/null 2>&1
	for s in afad aral rive; do
		{ cat "$C/partenaires/$s.md"; printf "\nUne autre réponse.\n"; } >"$C.in/$s.md"
	done
	ln -s "$X" "$C/archives/2018/remplacees"'
t_eq "link at content/archives/2018/remplacees: exit 2" "$rc" 2
link_case "a page" eval 'mv "$C/partenaires/afad.md" "$T_TMP/afad.md" &&
	ln -s "$T_TMP/afad.md" "$C/partenaires/afad.md"'
t_eq "link at a page: the page written in place" "$rc $(test -L "$C/partenaires/afad.md" || echo file)" "0 file"
t_check "link at a page: its target untouched" cmp "$T_TMP/afad.md" "$TOP/content/partenaires/afad.md"
link_case "INBOX/traités/afad.md" eval 'mkdir "$C.in/traités" && ln -s "$X/afad.md" "$C.in/traités/afad.md"'
t_eq "link at INBOX/traités/afad.md: the answer moved beside it" \
    "$rc $(ls "$C.in/traités" | tr '\n' ' ')" "0 afad (2).md afad.md aral.md rive.md "
link_case "content/campagne.yaml" ln -s "$X/campagne.yaml" "$C/campagne.yaml"
t_eq "link at content/campagne.yaml: replaced by the file" \
    "$rc $(test -L "$C/campagne.yaml" || echo file)" "0 file"

# ---- interrupted imports ----------------------------------------------------
# Killed at its Nth fault point (a file about to be renamed into place,
# the archive, a file moved), then run again: no temporary file left,
# every answer applied and recorded, every file moved, content/ as
# after an import never stopped.
example "$C"
A import -C "$C" --apply "$C.in" >/dev/null 2>&1
ref=$(sums "$C" | grep -v campagne.yaml)
n=1 bad= said=0
while :; do
	example "$C"
	ANNUAIRE_FAULT=$n A import -C "$C" --apply "$C.in" >/dev/null 2>&1
	rc=$?
	[ $rc = 137 ] || break
	A import -C "$C" --apply "$C.in" >/dev/null 2>"$T_TMP/k.err"
	r=$?
	grep -q "removed [0-9]* temporary files\? left in $C" "$T_TMP/k.err" && said=$((said + 1))
	left=$(find "$C" "$C.in" -name '*.tmp-*' | head -3)
	[ $r = 0 ] || bad="$bad $n:exit-$r"
	[ -z "$left" ] || bad="$bad $n:left-$left"
	[ "$(answers "$C")" = 3 ] || bad="$bad $n:answers"
	[ "$(ls "$C.in/traités" 2>/dev/null | wc -l)" = 3 ] || bad="$bad $n:moved"
	[ "$(sums "$C" | grep -v campagne.yaml)" = "$ref" ] || bad="$bad $n:content"
	n=$((n + 1))
done
t_eq "import --apply ends by itself after its fault points" "$rc" 0
t_check "import --apply has fault points to kill it at ($((n - 1)))" test $n -gt 20
t_eq "killed at each fault point, the next import ends as one never stopped" "$bad" ""
t_check "the next import says what it removed ($said times)" test $said -gt 10
# Leftovers that are not its own are kept: another shape, a link.
example "$C"
mkdir -p "$C/archives"
: >"$C/partenaires/x.md.tmp-notmine" ; : >"$X/y"
ln -s "$X/y" "$C/partenaires/y.md.tmp-ABCDEF"
mkdir "$C/archives/brouillon.tmp-ABCDEF"
A import -C "$C" "$C.in" >/dev/null 2>&1
t_eq "only its own leftovers are removed" \
    "$(cd "$C" && ls -d partenaires/*.tmp-* archives/*.tmp-* | tr '\n' ' ')" \
    "archives/brouillon.tmp-ABCDEF partenaires/x.md.tmp-notmine partenaires/y.md.tmp-ABCDEF "
# Killed at random times.
bad=
for i in 1 2 3 4; do
	example "$C"
	A import -C "$C" --apply "$C.in" >/dev/null 2>&1 &
	p=$!
	sleep 0.0$((i * 2))
	kill -9 $p 2>/dev/null; wait $p 2>/dev/null
	A import -C "$C" --apply "$C.in" >/dev/null 2>&1 || bad="$bad $i:exit"
	[ -z "$(find "$C" "$C.in" -name '*.tmp-*')" ] || bad="$bad $i:left"
	[ "$(answers "$C")" = 3 ] || bad="$bad $i:answers"
	[ "$(sums "$C" | grep -v campagne.yaml)" = "$ref" ] || bad="$bad $i:content"
done
t_eq "killed at random times, the next import ends as one never stopped" "$bad" ""

# ---- control characters -------------------------------------------------------
# Line L of afad.md becomes TEXT (YAML escapes in a double-quoted value).
hostile() {	# line text
	example "$C"
	L=$1 V=$2 awk 'NR == ENVIRON["L"] { print ENVIRON["V"]; next } { print }' \
	    "$TOP/content/partenaires/afad.md" >"$C/partenaires/afad.md"
	A check -C "$C" >/dev/null 2>"$T_TMP/h.err"
}
bad= esc=
for v in '\e[3A\r\e[J  confirmed, no change\e[8m' 'Deux\nlignes' 'AF\u202eDA' 'A\x07B' 'A\tB'; do
	for f in 2:nom 3:sigle 6:resume 8:missions 12:actions.titre 14:actions \
	    25:adresse.rue 28:adresse.ville 37:telephone 38:courriel 40:contacts.nom \
	    41:contacts.fonction; do
		l=${f%%:*} k=${f#*:}
		ind=$(sed -n "${l}p" "$TOP/content/partenaires/afad.md" | sed 's/[^ -].*//')
		key=${k##*.}
		case $l in 8|14) line="$ind\"$v\"" ;; *) line="$ind$key: \"$v\"" ;; esac
		hostile "$l" "$line"
		grep -q "^$C/partenaires/afad.md:$l:[0-9]*: error: $k: .*\(control character\|line break\|a tab\)" "$T_TMP/h.err" ||
		    bad="$bad $k:$v"
		grep -q "$(printf '\033')" "$T_TMP/h.err" && esc="$esc $k:$v"
	done
done
t_eq "controls, line feeds, tabs and U+202E refused in every one-line field, at the value" "$bad" ""
t_eq "check never prints an escape byte" "$esc" ""
bad=
for f in 13:description 19:precisions 15:public 29:transports; do
	l=${f%%:*} k=${f#*:}
	ind=$(sed -n "${l}p" "$TOP/content/partenaires/afad.md" | sed 's/[^ -].*//')
	hostile "$l" "$ind$k: \"Une ligne,\n\tpuis une autre.\""
	[ -s "$T_TMP/h.err" ] && grep -q "error:" "$T_TMP/h.err" && bad="$bad $k"
done
t_eq "a line feed and a tab are fine in a text of several lines" "$bad" ""
hostile 23 '  precisions: "A\e[2JB"'
t_check "but not an escape" grep -q "accessibilite.precisions: invisible control character (byte 0x1b)" "$T_TMP/h.err"
LANG=fr_FR.UTF-8 LC_ALL=fr_FR.UTF-8 A check -C "$C" 2>&1 | grep -q "caractère de contrôle invisible (octet 0x1b)"
t_eq "the message in French" "$?" 0

# Every value printed is escaped: a file name in the inbox, a diff line.
example "$C"
rm "$C.in"/*
cp "$TOP/content/partenaires/afad.md" "$C.in/$(printf 'x\033[2Jy.md')"
awk '/^transports:/ { print "transports: \"Bus\\e[1A\\e[2K arrêt \\u202eChantiers.\""; next } { print }' \
    "$TOP/content/partenaires/aral.md" >"$C.in/aral.md"
A import -C "$C" "$C.in" >"$T_TMP/x.out" 2>&1
t_check "import shows the escape visibly" grep -q 'x\\e\[2Jy.md' "$T_TMP/x.out"
t_check "import never prints an escape byte" sh -c "! grep -q \"\$(printf '\\033')\" '$T_TMP/x.out'"
cp "$TOP/content/partenaires/afad.md" "$C/partenaires/$(printf 'z\033[2J.md')"
A check -C "$C" >"$T_TMP/x.out" 2>&1
t_check "check shows a file name's escape visibly" grep -q 'z\\e\[2J.md' "$T_TMP/x.out"
t_check "check never prints an escape byte" sh -c "! grep -q \"\$(printf '\\033')\" '$T_TMP/x.out'"
A report -C "$C" -o "$T_TMP/o" >"$T_TMP/x.out" 2>&1
# The report has an escape to print (the file name): it shows it.
t_check "report shows a file name's escape visibly" grep -q 'z\\e\[2J.md' "$T_TMP/x.out"
t_check "report never prints an escape byte" sh -c "! grep -q \"\$(printf '\\033')\" '$T_TMP/x.out'"

# ---- campaign state -----------------------------------------------------------
example "$C"
O=$T_TMP/oc
A campaign -C "$C" -o "$O" --echeance 2025-11-29 >/dev/null 2>"$T_TMP/p.err"
t_eq "a deadline in the past: exit 2" "$?" 2
t_check "a deadline in the past: says so" grep -q "the deadline 2025-11-29 is past (today is 2025-11-30)" "$T_TMP/p.err"
t_check "a deadline in the past: nothing written" test ! -e "$C/campagne.yaml" -a ! -e "$O"
A campaign -C "$C" -o "$O" --echeance 2025-11-29 --force >/dev/null 2>&1
t_eq "a deadline in the past with --force: exit 0" "$?" 0
example "$C"; rm -rf "$O"
A campaign -C "$C" -o "$O" --echeance 2025-12-31 >/dev/null 2>&1
cp -r "$O" "$O.1"; cp "$C/campagne.yaml" "$T_TMP/camp.1"
A campaign -C "$C" -o "$O" >"$T_TMP/again.out" 2>&1
t_check "campaign again the same day: no reminder" grep -q "^[0-9]* demandes, 0 relance" "$T_TMP/again.out"
t_check "campaign again the same day: the same files" diff -r "$O.1" "$O"
t_check "campaign again the same day: the same campagne.yaml" cmp "$T_TMP/camp.1" "$C/campagne.yaml"
# Three answers, then reminders a week later: only those in out/campagne/.
SOURCE_DATE_EPOCH=1764550400 A import -C "$C" --apply "$C.in" >/dev/null 2>&1
SOURCE_DATE_EPOCH=1765064000 A campaign -C "$C" -o "$O" --relance >"$T_TMP/rel.out" 2>&1
n=$(ls "$C/partenaires" | wc -l)
t_eq "--relance: reminders to those who did not answer" "$(grep -c ' relance ' "$T_TMP/rel.out")" $((n - 3))
t_eq "--relance leaves in out/campagne/ only what it prepared" \
    "$(ls "$O/campagne" | grep -c '\.\(html\|eml\)$') $(ls "$O/campagne" | grep -c '^afad\.')" "$((2 * (n - 3))) 0"
# An answer after the reminder: the reminder's date stays.
{ cat "$C/partenaires/secours-populaire.md"; printf '\nRéponse tardive.\n'; } >"$T_TMP/late.md"
mkdir -p "$T_TMP/late"; cp "$T_TMP/late.md" "$T_TMP/late/secours-populaire.md"
SOURCE_DATE_EPOCH=1765150400 A import -C "$C" --apply "$T_TMP/late" >/dev/null 2>&1
t_eq "the reminder's date kept after the answer" \
    "$(awk '/^  secours-populaire:/ { s = 1; next } /^  [a-z]/ { s = 0 } s && /relance|reponse/ { printf "%s ", $0 }' "$C/campagne.yaml")" \
    "    relance: 2025-12-06     reponse: 2025-12-07 "
SOURCE_DATE_EPOCH=1765150400 A report -C "$C" -o "$O" >"$T_TMP/rep.out" 2>/dev/null
t_check "report shows the reminder's date of an answered partner" \
    sh -c 'SOURCE_DATE_EPOCH=1765150400 "$1" report -C "$2" --format csv 2>/dev/null |
    grep -q "^[^;]*;secours-populaire;[^;]*;[^;]*;[^;]*;2025-11-30;2025-12-06;2025-12-07;"' - "$ANNUAIRE" "$C"
# Stale pages: check says each; import and campaign one line.
example "$C"
sed -i 's/^edition: 2018$/edition: 2019/' "$C/site.yaml"
A check -C "$C" >/dev/null 2>"$T_TMP/s.err"
stale=$(grep -c "demandez au partenaire\|ask the partner to check" "$T_TMP/s.err")
t_check "check lists each stale page ($stale)" test "$stale" -gt 5
A import -C "$C" "$C.in" >/dev/null 2>"$T_TMP/s.err"
t_eq "import: no stale-page line, one summary" \
    "$(grep -c "ask the partner to check" "$T_TMP/s.err") $(grep -c "^annuaire: $stale pages were last checked before the 2019 edition" "$T_TMP/s.err")" "0 1"
A campaign -C "$C" -o "$O" >/dev/null 2>"$T_TMP/s.err"
t_eq "campaign: no stale-page line, one summary" \
    "$(grep -c "ask the partner to check" "$T_TMP/s.err") $(grep -c "^annuaire: $stale pages were last checked before the 2019 edition" "$T_TMP/s.err")" "0 1"

t_done
