#!/usr/bin/env bash
# The output folder as one unit (issue 7): a build stopped at any step
# leaves out/ wholly old or wholly new, site and every booklet; outputs
# of an earlier build that this one did not produce disappear; what
# annuaire did not write is never deleted (exit 2); a full disk exits 2
# naming the real path.  Uses the fault points of src/fault.h.
# san: yes
. "$TOP/tests/lib.sh"
A=$ANNUAIRE
export SOURCE_DATE_EPOCH=1521072000
unset ANNUAIRE_FAULT

# view DIR: what a user sees in DIR: every file reached through the
# links, with its checksum; annuaire's own folder and lock left out.
view() {
	(cd "$1" && find -L . \( -path ./.annuaire -o -name .annuaire.lock \) -prune \
	    -o -type f -print0 | LC_ALL=C sort -z | xargs -0 -r sha256sum)
}
# tidy DIR: after a finished build, annuaire's folder holds the link
# "current" and the one generation it names, and no link dangles.
tidy() {
	local d=$1 got
	got=$(cd "$d/.annuaire" && ls -A | LC_ALL=C sort | tr '\n' ' ')
	case $got in "a current "|"b current ") ;; *) echo "in .annuaire: $got"; return 1 ;; esac
	got=$(find "$d" -maxdepth 1 -xtype l)
	[ -z "$got" ] || { echo "dangling: $got"; return 1; }
	ls -A "$d" | grep -q '^\.build-' && { echo "staging folder left"; return 1; }
	return 0
}

# A small edition (six partners of the example) keeps the many builds
# below quick, booklets included.
cp -R "$TOP/content" "$T_TMP/c-old"
(cd "$T_TMP/c-old/partenaires" && ls | grep -v -x -e caf-yvelines.md -e afad.md -e aral.md \
    -e soliha.md -e c3f.md -e versailles-habitat.md | xargs rm -f)
sed -i '/^liens:/d' "$T_TMP/c-old/partenaires/"*.md
cp -R "$T_TMP/c-old" "$T_TMP/c-new"
sed -i 's/^telephone:.*/telephone: "01 99 00 77 77"/' "$T_TMP/c-new/partenaires/caf-yvelines.md"
sed -i 's/^titre:.*/titre: "Outil Partenaires, nouvelle version"/' "$T_TMP/c-new/site.yaml"

# The old build has all four booklets; the new one only the two public ones.
"$A" build -q --bleed --edition partenaires -C "$T_TMP/c-old" -o "$T_TMP/old" 2>"$T_TMP/e"; rc=$?
t_eq "old build (--bleed --edition partenaires): exit 0" "$rc" 0
[ "$rc" = 0 ] || { sed 's/^/# /' "$T_TMP/e" | head; t_done; exit; }
"$A" build -q -C "$T_TMP/c-new" -o "$T_TMP/newref" 2>/dev/null
v_old=$(view "$T_TMP/old")
v_new=$(view "$T_TMP/newref")
[ "$v_old" != "$v_new" ] && t_ok "old and new builds differ" || t_fail "old and new builds differ"
for f in site/index.html livret.pdf livret-impression.pdf livret-imprimeur.pdf livret-partenaires.pdf; do
	[ -s "$T_TMP/old/$f" ] || t_fail "old build has $f"
done

# --- stale outputs -----------------------------------------------------
cp -a "$T_TMP/old" "$T_TMP/w"
mkdir -p "$T_TMP/w/campagne" "$T_TMP/w/screenshots"
echo brouillon >"$T_TMP/w/campagne/caf.eml"
echo suivi >"$T_TMP/w/suivi.html"
"$A" build -q -C "$T_TMP/c-new" -o "$T_TMP/w" 2>"$T_TMP/e"; rc=$?
t_eq "a plain build over it: exit 0" "$rc" 0
for f in livret-imprimeur.pdf livret-partenaires.pdf; do
	[ -e "$T_TMP/w/$f" ] || [ -L "$T_TMP/w/$f" ] && t_fail "the old $f does not survive" ||
	    t_ok "the old $f does not survive"
done
t_eq "…out/ shows exactly the new build, plus what others wrote" \
    "$(view "$T_TMP/w" | grep -v -e ' ./campagne/' -e ' ./suivi.html')" "$v_new"
t_eq "…campagne/ and suivi.html, written by others, stay" \
    "$(cat "$T_TMP/w/campagne/caf.eml" "$T_TMP/w/suivi.html")" "brouillon
suivi"
[ -d "$T_TMP/w/screenshots" ] && t_ok "…an empty screenshots/ stays" || t_fail "…an empty screenshots/ stays"
t_check "…and annuaire's folder is tidy" tidy "$T_TMP/w"
"$A" build -q --no-pdf -C "$T_TMP/c-new" -o "$T_TMP/w" 2>/dev/null
[ -e "$T_TMP/w/livret.pdf" ] || [ -L "$T_TMP/w/livret.pdf" ] && t_fail "--no-pdf: no booklet of before survives" ||
    t_ok "--no-pdf: no booklet of before survives"
[ -e "$T_TMP/w/site/livret.pdf" ] && t_fail "--no-pdf: nor its copy in the site" || t_ok "--no-pdf: nor its copy in the site"

# --- stopped at every step -------------------------------------------------
# stop_every BASE NAME: copy BASE, build c-new over it with
# ANNUAIRE_FAULT=1, 2, ... until the build runs to its end; after each
# kill out/ must show the old or the new build, never a mix; the next
# build must finish it and leave nothing behind.
stop_every() {
	local base=$1 name=$2 k rc v seen_old=0 seen_new=0 bad=
	for k in $(seq 1 60); do
		rm -rf "$T_TMP/k"; cp -a "$base" "$T_TMP/k"
		echo suivi >"$T_TMP/k/suivi.html"
		# (the inner shell, not exec'ed, reports the kill to /dev/null)
		rc=$( (ANNUAIRE_FAULT=$k "$A" build -q -C "$T_TMP/c-new" -o "$T_TMP/k" >/dev/null 2>&1; echo $?) 2>/dev/null)
		[ "$rc" = 0 ] && break
		if [ "$rc" != 137 ]; then bad+="step $k: exit $rc, not killed"$'\n'; continue; fi
		v=$(view "$T_TMP/k" | grep -v ' ./suivi.html')
		if [ "$v" = "$v_old" ]; then seen_old=$((seen_old + 1))
		elif [ "$v" = "$v_new" ]; then seen_new=$((seen_new + 1))
		else bad+="step $k: a mix of old and new: $(diff <(echo "$v_old") <(echo "$v") | head -5)"$'\n'
		fi
		"$A" build -q -C "$T_TMP/c-new" -o "$T_TMP/k" >/dev/null 2>&1 ||
		    bad+="step $k: the next build fails"$'\n'
		[ "$(view "$T_TMP/k" | grep -v ' ./suivi.html')" = "$v_new" ] ||
		    bad+="step $k: the next build does not show the new build"$'\n'
		tidy "$T_TMP/k" >/dev/null || bad+="step $k: after the next build: $(tidy "$T_TMP/k")"$'\n'
		[ -f "$T_TMP/k/suivi.html" ] || bad+="step $k: suivi.html lost"$'\n'
	done
	echo "# $name: killed at $((k - 1)) steps: $seen_old showed the old build, $seen_new the new one"
	[ "$rc" = 0 ] && t_ok "$name: the build runs to its end past the last fault point" ||
	    t_fail "$name: the build runs to its end past the last fault point"
	[ $seen_old -gt 0 ] && [ $seen_new -gt 0 ] && t_ok "$name: kills hit both sides of the switch" ||
	    t_fail "$name: kills hit both sides of the switch" "old $seen_old, new $seen_new"
	[ -z "$bad" ] && t_ok "$name: killed at any step, out/ is wholly old or wholly new" ||
	    t_fail "$name: killed at any step, out/ is wholly old or wholly new" "$bad"
}
stop_every "$T_TMP/old" "over a build"
# Output of an annuaire older than generation folders: real folders and
# files beside the lock, taken over without a visible change.
mkdir "$T_TMP/legacy"
(cd "$T_TMP/old" && cp -RL site livret*.pdf .annuaire.lock "$T_TMP/legacy/")
t_eq "the legacy layout shows the old build" "$(view "$T_TMP/legacy")" "$v_old"
stop_every "$T_TMP/legacy" "over an older layout"

# --- what annuaire did not write ---------------------------------------------
mkdir -p "$T_TMP/f1/site"
echo "mon site" >"$T_TMP/f1/site/index.html"
"$A" build -q -C "$T_TMP/c-new" -o "$T_TMP/f1" 2>"$T_TMP/e"; rc=$?
t_eq "-o DIR holding a site/ annuaire did not write: exit 2" "$rc" 2
grep -q "f1/site: error: was not written by annuaire" "$T_TMP/e" && t_ok "…naming it" ||
    t_fail "…naming it" "$(cat "$T_TMP/e")"
t_eq "…the folder is kept as it was, without a lock file" "$(ls -A "$T_TMP/f1"; cat "$T_TMP/f1/site/index.html")" "site
mon site"
"$A" build -q -C "$T_TMP/c-new" -o "$T_TMP/f1" 2>/dev/null; rc=$?
t_eq "…and refused again the second time" "$rc" 2

mkdir -p "$T_TMP/f2"
echo "%PDF mine" >"$T_TMP/f2/livret-partenaires.pdf"
"$A" build -q -C "$T_TMP/c-new" -o "$T_TMP/f2" 2>"$T_TMP/e"; rc=$?
t_eq "-o DIR holding a livret-partenaires.pdf of its own: exit 2" "$rc" 2
t_eq "…kept" "$(cat "$T_TMP/f2/livret-partenaires.pdf")" "%PDF mine"

cp -a "$T_TMP/old" "$T_TMP/f3"
echo "notes" >"$T_TMP/f3/site/notes.txt"
before=$(view "$T_TMP/f3")
"$A" build -q -C "$T_TMP/c-new" -o "$T_TMP/f3" 2>"$T_TMP/e"; rc=$?
t_eq "a file put by hand into out/site/: exit 2" "$rc" 2
grep -q "f3/site/notes.txt: error: was not written by annuaire" "$T_TMP/e" && t_ok "…naming it where the user put it" ||
    t_fail "…naming it where the user put it" "$(cat "$T_TMP/e")"
t_eq "…out/ left as it was" "$(view "$T_TMP/f3")" "$before"
rm "$T_TMP/f3/site/notes.txt"
"$A" build -q -C "$T_TMP/c-new" -o "$T_TMP/f3" 2>/dev/null; rc=$?
t_eq "…and once it is moved away, the build runs" "$rc" 0

mkdir -p "$T_TMP/f4/.annuaire"
echo x >"$T_TMP/f4/.annuaire/x"
"$A" build -q -C "$T_TMP/c-new" -o "$T_TMP/f4" 2>/dev/null; rc=$?
t_eq "a .annuaire folder annuaire did not make: exit 2, kept" "$rc:$(cat "$T_TMP/f4/.annuaire/x")" "2:x"

# A link planted at out/.annuaire (issue 19): never followed, never emptied.
mkdir -p "$T_TMP/V/sub" "$T_TMP/f5"
echo x >"$T_TMP/V/precious.txt"
touch "$T_TMP/f5/.annuaire.lock"
ln -s "$T_TMP/V" "$T_TMP/f5/.annuaire"
"$A" build -q -C "$T_TMP/c-new" -o "$T_TMP/f5" 2>"$T_TMP/e"; rc=$?
t_eq "a link planted at out/.annuaire: exit 2" "$rc" 2
grep -q "f5/.annuaire: error: was not written by annuaire" "$T_TMP/e" && t_ok "…naming the link" ||
    t_fail "…naming the link" "$(cat "$T_TMP/e")"
t_eq "…what it points to is intact" "$(cd "$T_TMP/V" && find . | LC_ALL=C sort | tr '\n' ' '; cat precious.txt)" ". ./precious.txt ./sub x"

# --- a full disk -----------------------------------------------------------
# enospc_case DESC FAULT: the Nth file write fails with ENOSPC.
# Every file of a generation is one write; its .manifest is the last.
cp -a "$T_TMP/old" "$T_TMP/d"
last=$(find "$T_TMP/newref/.annuaire/current/" -type f | wc -l)
for f in enospc enospc:1 enospc:4 enospc:20 enospc:$((last - 1)) enospc:$last; do
	ANNUAIRE_FAULT=$f "$A" build -q -C "$T_TMP/c-new" -o "$T_TMP/d" 2>"$T_TMP/e"; rc=$?
	t_eq "ANNUAIRE_FAULT=$f: exit 2" "$rc" 2
	n=$(grep -c ': error: ' "$T_TMP/e")
	if [ "$n" = 1 ] && grep -q "^$T_TMP/d[/:].*error: cannot write.*: No space left on device" "$T_TMP/e" &&
	    ! grep -q '\.annuaire' "$T_TMP/e"; then
		t_ok "…one message, naming the real path"
	else
		t_fail "…one message, naming the real path" "$(cat "$T_TMP/e")"
	fi
	t_eq "…out/ shows the old build" "$(view "$T_TMP/d")" "$v_old"
done
t_check "…and nothing is left behind" tidy "$T_TMP/d"
ANNUAIRE_FAULT=enospc:$((last + 1)) "$A" build -q -C "$T_TMP/c-new" -o "$T_TMP/d" 2>/dev/null
t_eq "ANNUAIRE_FAULT=enospc:$((last + 1)), past the last write: the build succeeds" \
    "$?:$(view "$T_TMP/d")" "0:$v_new"

# A real full disk: a small tmpfs (root with mount rights only).
mnt=$T_TMP/mnt
mkdir -p "$mnt"
# Room for one build and a half: the first fits, the second cannot.
kb=$(du -sk "$T_TMP/newref/.annuaire" | cut -f1)
kb=$((kb * 3 / 2 + 64))
if [ "$(id -u)" = 0 ] && mount -t tmpfs -o size=${kb}k tmpfs "$mnt" 2>/dev/null; then
	trap 'umount "$mnt" 2>/dev/null' EXIT
	"$A" build -q -C "$T_TMP/c-old" -o "$mnt/out" 2>"$T_TMP/e"; rc=$?
	t_eq "tmpfs of $kb kB: a first build fits (exit 0)" "$rc" 0
	before=$(view "$mnt/out")
	"$A" build -q -C "$T_TMP/c-new" -o "$mnt/out" 2>"$T_TMP/e"; rc=$?
	t_eq "tmpfs: a second build fills the disk: exit 2" "$rc" 2
	if [ "$(grep -c ': error: ' "$T_TMP/e")" = 1 ] &&
	    grep -q "^$mnt/out/[a-z].*: error: cannot write: No space left on device" "$T_TMP/e" &&
	    ! grep -q '\.annuaire' "$T_TMP/e"; then
		t_ok "…one message, naming the real path"
	else
		t_fail "…one message, naming the real path" "$(cat "$T_TMP/e")"
	fi
	t_eq "…out/ shows the first build" "$(view "$mnt/out")" "$before"
	t_check "…and the partial build is removed" tidy "$mnt/out"
	umount "$mnt"; trap - EXIT
else
	t_skip "a real full disk (tmpfs)" "cannot mount a tmpfs here (not root?)"
fi

# --- the design's promises in plain words --------------------------------------
cp -a "$T_TMP/old" "$T_TMP/l"
t_eq "out/site and the booklets are links through .annuaire/current" \
    "$(readlink "$T_TMP/l/site") $(readlink "$T_TMP/l/livret.pdf") $(readlink "$T_TMP/l/.annuaire/current" | sed 's/[ab]/G/')" \
    ".annuaire/current/site .annuaire/current/livret.pdf G"
t_done
