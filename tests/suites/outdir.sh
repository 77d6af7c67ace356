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

# view DIR: what a user sees in DIR: every file with its checksum
# (no link is followed: a build makes none); annuaire's own folder and
# lock left out.
view() {
	(cd "$1" && find . \( -path ./.annuaire -o -name .annuaire.lock \) -prune \
	    -o -type f -print0 | LC_ALL=C sort -z | xargs -0 -r sha256sum)
}
# lview DIR: what a user sees at the names of the older layouts
# (OUT/site, OUT/livret*.pdf), through their links if any.
lview() {
	(cd "$1" && find -L site livret*.pdf -type f -print0 2>/dev/null |
	    LC_ALL=C sort -z | xargs -0 -r sha256sum)
}
# tidy DIR: after a finished build annuaire's folder is empty, OUT
# holds no link at all and nothing of the older layouts.
tidy() {
	local d=$1 got
	got=$(ls -A "$d/.annuaire")
	[ -z "$got" ] || { echo "in .annuaire: $got"; return 1; }
	got=$(find "$d" -type l)
	[ -z "$got" ] || { echo "links: $got"; return 1; }
	got=$(cd "$d" && ls -d site livret*.pdf .build-* 2>/dev/null)
	[ -z "$got" ] || { echo "left: $got"; return 1; }
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
	[ -s "$T_TMP/old/edition/$f" ] || t_fail "old build has $f"
done

# --- stale outputs -----------------------------------------------------
cp -a "$T_TMP/old" "$T_TMP/w"
mkdir -p "$T_TMP/w/campagne" "$T_TMP/w/screenshots"
echo brouillon >"$T_TMP/w/campagne/caf.eml"
echo suivi >"$T_TMP/w/suivi.html"
"$A" build -q -C "$T_TMP/c-new" -o "$T_TMP/w" 2>"$T_TMP/e"; rc=$?
t_eq "a plain build over it: exit 0" "$rc" 0
for f in livret-imprimeur.pdf livret-partenaires.pdf; do
	[ -e "$T_TMP/w/edition/$f" ] && t_fail "the old $f does not survive" ||
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
[ -e "$T_TMP/w/edition/livret.pdf" ] && t_fail "--no-pdf: no booklet of before survives" ||
    t_ok "--no-pdf: no booklet of before survives"
[ -e "$T_TMP/w/edition/site/livret.pdf" ] && t_fail "--no-pdf: nor its copy in the site" || t_ok "--no-pdf: nor its copy in the site"

# --- stopped at every step -------------------------------------------------
# stop_every BASE NAME [legacy]: copy BASE, build c-new over it with
# ANNUAIRE_FAULT=1, 2, ... until the build runs to its end.  After each
# kill out/ must show the old or the new build, never a mix; with
# ANNUAIRE_TEST_NO_EXCHANGE=1 (two renames) it may also show no
# edition/ at all, between the renames.  Then the next run of annuaire
# (killed at its first step, right after it read the journal) must show
# the old or the new build, and a whole build must finish it and leave
# nothing behind.  legacy: BASE has the outputs of an older layout; the
# old names must show the old build (or vanish), edition/ the new one.
# K is the folder where it works (a FAT image below).
K=$T_TMP/k
stop_every() {
	local base=$1 name=$2 mode=${3:-} k rc v lv state seen_old=0 seen_new=0 seen_none=0 bad=
	local l_old
	l_old=$(lview "$base")
	for k in $(seq 1 60); do
		rm -rf "$K"; cp -R "$base" "$K"
		echo suivi >"$K/suivi.html"
		# (the inner shell, not exec'ed, reports the kill to /dev/null)
		rc=$( (ANNUAIRE_FAULT=$k "$A" build -q -C "$T_TMP/c-new" -o "$K" >/dev/null 2>&1; echo $?) 2>/dev/null)
		[ "$rc" = 0 ] && break
		if [ "$rc" != 137 ]; then bad+="step $k: exit $rc, not killed"$'\n'; continue; fi
		v=$(view "$K" | grep -v ' ./suivi.html')
		if [ -n "$mode" ]; then
			lv=$(lview "$K")
			v=$(echo "$v" | grep ' \./edition/')
			if [ "$lv" = "$l_old" ] && [ -z "$v" ]; then state=old
			elif [ "$v" = "$v_new" ] && [ -z "$(LC_ALL=C comm -23 <(echo "$lv" | LC_ALL=C sort) <(echo "$l_old" | LC_ALL=C sort) | grep .)" ]; then
				state=new
			else state=mix
			fi
		elif [ "$v" = "$v_old" ]; then state=old
		elif [ "$v" = "$v_new" ]; then state=new
		elif [ -z "$v" ] && [ "${ANNUAIRE_TEST_NO_EXCHANGE:-}" = 1 ]; then state=none
		else state=mix
		fi
		case $state in
		old) seen_old=$((seen_old + 1)) ;;
		new) seen_new=$((seen_new + 1)) ;;
		none) seen_none=$((seen_none + 1)) ;;
		*) bad+="step $k: a mix of old and new: $(diff <(echo "$v_old") <(echo "$v") | head -5)"$'\n' ;;
		esac
		# The next run finishes or undoes before anything else.
		rc=$( (ANNUAIRE_FAULT=1 "$A" build -q -C "$T_TMP/c-new" -o "$K" >/dev/null 2>&1; echo $?) 2>/dev/null)
		v=$(view "$K" | grep -v ' ./suivi.html')
		[ -z "$mode" ] && [ "$v" != "$v_old" ] && [ "$v" != "$v_new" ] &&
		    bad+="step $k: the next run does not finish nor undo ($state)"$'\n'
		"$A" build -q -C "$T_TMP/c-new" -o "$K" >/dev/null 2>&1 ||
		    bad+="step $k: the next build fails"$'\n'
		[ "$(view "$K" | grep -v ' ./suivi.html')" = "$v_new" ] ||
		    bad+="step $k: the next build does not show the new build"$'\n'
		tidy "$K" >/dev/null || bad+="step $k: after the next build: $(tidy "$K")"$'\n'
		[ -f "$K/suivi.html" ] || bad+="step $k: suivi.html lost"$'\n'
	done
	echo "# $name: killed at $((k - 1)) steps: $seen_old showed the old build, $seen_new the new one, $seen_none no edition/"
	[ "$rc" = 0 ] && t_ok "$name: the build runs to its end past the last fault point" ||
	    t_fail "$name: the build runs to its end past the last fault point"
	[ $seen_old -gt 0 ] && [ $seen_new -gt 0 ] && t_ok "$name: kills hit both sides of the publication" ||
	    t_fail "$name: kills hit both sides of the publication" "old $seen_old, new $seen_new"
	if [ "${ANNUAIRE_TEST_NO_EXCHANGE:-}" = 1 ] && [ -z "$mode" ]; then
		[ $seen_none -gt 0 ] && t_ok "$name: a kill between the two renames leaves no edition/, finished by the next run" ||
		    t_fail "$name: a kill between the two renames leaves no edition/, finished by the next run"
	fi
	[ -z "$bad" ] && t_ok "$name: killed at any step, out/ is wholly old or wholly new" ||
	    t_fail "$name: killed at any step, out/ is wholly old or wholly new" "$bad"
}
stop_every "$T_TMP/old" "over a build"
ANNUAIRE_TEST_NO_EXCHANGE=1 stop_every "$T_TMP/old" "by two renames (ANNUAIRE_TEST_NO_EXCHANGE=1)"
# Output of the layout before this one: links OUT/site ->
# .annuaire/current/site and the like, current -> a generation with its
# manifest.  Taken over: the old names show the old build until the new
# edition/ is published, then vanish.
mkdir -p "$T_TMP/links/.annuaire"
cp -R "$T_TMP/old/edition" "$T_TMP/links/.annuaire/a"
touch "$T_TMP/links/.annuaire.lock"
ln -s a "$T_TMP/links/.annuaire/current"
for f in site livret.pdf livret-impression.pdf livret-imprimeur.pdf livret-partenaires.pdf; do
	ln -s ".annuaire/current/$f" "$T_TMP/links/$f"
done
(cd "$T_TMP/old/edition" && find . -type f ! -name .manifest | LC_ALL=C sort | xargs sha256sum) >"$T_TMP/l1"
(cd "$T_TMP/links" && find -L site livret*.pdf -type f | LC_ALL=C sort | sed 's#^#./#' | xargs sha256sum) >"$T_TMP/l2"
t_eq "the linked layout shows the old build" "$(cat "$T_TMP/l2")" "$(cat "$T_TMP/l1")"
stop_every "$T_TMP/links" "over the linked layout" legacy
# The first layout: real folders and files beside the lock.
mkdir "$T_TMP/legacy"
(cd "$T_TMP/old/edition" && cp -R site livret*.pdf "$T_TMP/legacy/")
touch "$T_TMP/legacy/.annuaire.lock"
stop_every "$T_TMP/legacy" "over the first layout" legacy

# A FAT file system (no symbolic link at all; Linux before 6.0 cannot
# exchange there): a loop-mounted image, when this machine can mount one.
fat=$T_TMP/fat
mkdir -p "$fat"
if command -v mkfs.vfat >/dev/null && truncate -s 64M "$T_TMP/fat.img" &&
    mkfs.vfat "$T_TMP/fat.img" >/dev/null 2>&1 &&
    mount -o loop "$T_TMP/fat.img" "$fat" 2>/dev/null; then
	trap 'umount "$fat" 2>/dev/null' EXIT
	mkdir "$fat/base"
	"$A" build -q --bleed --edition partenaires -C "$T_TMP/c-old" -o "$fat/base" 2>"$T_TMP/e"; rc=$?
	t_eq "FAT: a build runs (exit 0)" "$rc" 0
	t_eq "FAT: it shows the old build" "$(view "$fat/base")" "$v_old"
	K=$fat/k
	stop_every "$fat/base" "FAT"
	ANNUAIRE_TEST_NO_EXCHANGE=1 stop_every "$fat/base" "FAT, by two renames"
	K=$T_TMP/k
	umount "$fat"; trap - EXIT
else
	t_skip "a FAT file system" "cannot mount a FAT image here (no vfat in this kernel, or no loop device)"
fi

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
echo "notes" >"$T_TMP/f3/edition/site/notes.txt"
before=$(view "$T_TMP/f3")
"$A" build -q -C "$T_TMP/c-new" -o "$T_TMP/f3" 2>"$T_TMP/e"; rc=$?
t_eq "a file put by hand into out/site/: exit 2" "$rc" 2
grep -q "f3/edition/site/notes.txt: error: was not written by annuaire" "$T_TMP/e" && t_ok "…naming it where the user put it" ||
    t_fail "…naming it where the user put it" "$(cat "$T_TMP/e")"
t_eq "…out/ left as it was" "$(view "$T_TMP/f3")" "$before"
rm "$T_TMP/f3/edition/site/notes.txt"
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
last=$(find "$T_TMP/newref/edition/" -type f | wc -l)
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
kb=$(du -sk "$T_TMP/newref/edition" | cut -f1)
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

# Two renames and a full disk: the journal cannot be written (the write
# after the manifest): exit 2, out/ as it was, nothing left.
ANNUAIRE_TEST_NO_EXCHANGE=1 ANNUAIRE_FAULT=enospc:$((last + 1)) "$A" build -q -C "$T_TMP/c-old" \
    -o "$T_TMP/d" 2>"$T_TMP/e"; rc=$?
t_eq "two renames, the journal cannot be written: exit 2, out/ as it was" "$rc:$(view "$T_TMP/d")" "2:$v_new"
grep -q "d: error: cannot write the journal.*No space left on device" "$T_TMP/e" && t_ok "…saying so" ||
    t_fail "…saying so" "$(cat "$T_TMP/e")"
t_check "…and nothing is left behind" tidy "$T_TMP/d"

# --- links: never followed, never replaced -------------------------------
# link_case DESC PATH: a link at PATH (in a finished out/) pointing at a
# folder with files: exit 2 naming PATH, the files untouched, out/ as it
# was.  (A link at the internal folder itself is tested above.)
mkdir -p "$T_TMP/V/sub"; echo x >"$T_TMP/V/precious.txt"; echo y >"$T_TMP/V/sub/index.html"
vsum() { (cd "$T_TMP/V" && find . -print0 | LC_ALL=C sort -z | xargs -0 ls -ld --time-style=+ | awk '{print $1, $5, $NF}'; cat precious.txt sub/index.html); }
v_V=$(vsum)
link_case() {
	local desc=$1 rel=$2 o=$T_TMP/lk
	rm -rf "$o"; cp -R "$T_TMP/old" "$o"
	rm -rf "${o:?}/$rel"; ln -s "$T_TMP/V" "$o/$rel"
	before=$(view "$o")
	"$A" build -q -C "$T_TMP/c-new" -o "$o" 2>"$T_TMP/e"; rc=$?
	t_eq "a link at $desc: exit 2" "$rc" 2
	grep -q "^$o/$rel: error: was not written by annuaire" "$T_TMP/e" && t_ok "…naming it" ||
	    t_fail "…naming it" "$(cat "$T_TMP/e")"
	t_eq "…the folder it points to is untouched, out/ as it was" "$(vsum):$(view "$o")" "$v_V:$before"
}
link_case "out/edition" edition
link_case "out/site" site
link_case "out/livret.pdf" livret.pdf
link_case "out/edition/livret.pdf" edition/livret.pdf
link_case "out/edition/site (a folder of the manifest)" edition/site
link_case "out/edition/site/partenaires (inside the site)" edition/site/partenaires
link_case "out/edition/site/index.html (a file of the manifest)" edition/site/index.html
link_case "out/edition/site/x (a new name inside the site)" edition/site/x
link_case "out/.annuaire.lock" .annuaire.lock
# Under annuaire's own folder a link is a leftover: removed, not followed.
for rel in .annuaire/new .annuaire/old .annuaire/journal; do
	o=$T_TMP/lk; rm -rf "$o"; cp -R "$T_TMP/old" "$o"
	ln -s "$T_TMP/V" "$o/$rel"
	"$A" build -q -C "$T_TMP/c-new" -o "$o" 2>"$T_TMP/e"; rc=$?
	t_eq "a link at out/$rel: the build runs, the folder it points to untouched" \
	    "$rc:$(vsum):$(view "$o")" "0:$v_V:$v_new"
done

# --- the design's promises in plain words --------------------------------------
cp -R "$T_TMP/old" "$T_TMP/l"
echo suivi >"$T_TMP/l/suivi.html"
"$A" build -q -C "$T_TMP/c-new" -o "$T_TMP/l" 2>/dev/null
t_eq "out/ holds no symbolic link" "$(find "$T_TMP/l" -type l)" ""
t_check "out/edition/site is a real folder" test -d "$T_TMP/l/edition/site" -a ! -L "$T_TMP/l/edition/site"
t_check "out/edition/livret.pdf is a real file" test -f "$T_TMP/l/edition/livret.pdf" -a ! -L "$T_TMP/l/edition/livret.pdf"
n=$(grep -c '\.html$' "$T_TMP/l/edition/.manifest")
t_eq "find out/edition/site -name '*.html' finds every page ($n)" \
    "$(find "$T_TMP/l/edition/site" -name '*.html' | wc -l)" "$n"
cp -r "$T_TMP/l/edition/site" "$T_TMP/usb1"
t_check "cp -r out/edition/site copies the whole site" diff -r "$T_TMP/l/edition/site" "$T_TMP/usb1"
python3 -c 'import shutil, sys; shutil.copytree(sys.argv[1], sys.argv[2])' "$T_TMP/l/edition/site" "$T_TMP/usb2"
t_check "Python shutil.copytree copies the whole site" diff -r "$T_TMP/l/edition/site" "$T_TMP/usb2"
t_eq "…of $(find "$T_TMP/usb2" -type f | wc -l) files, the manifest's count" \
    "$(find "$T_TMP/usb2" -type f | wc -l)" "$(grep -c '^site/.*[^/]$' "$T_TMP/l/edition/.manifest")"

# -o and the content folder: no command writes into content/.
cp -R "$T_TMP/c-new" "$T_TMP/cc"
sum_cc() { (cd "$T_TMP/cc" && find . -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum); }
before=$(sum_cc)
for args in "build -q -C $T_TMP/cc -o $T_TMP/cc" "build -q -C $T_TMP/cc -o $T_TMP/cc/out" \
    "campaign -C $T_TMP/cc -o $T_TMP/cc" "campaign -C $T_TMP/cc -o $T_TMP/cc/x" \
    "report -C $T_TMP/cc -o $T_TMP/cc" "export data-inclusion -C $T_TMP/cc -o $T_TMP/cc/di"; do
	# shellcheck disable=SC2086
	"$A" $args >/dev/null 2>"$T_TMP/e"; rc=$?
	t_eq "annuaire ${args//$T_TMP\//}: exit 2" "$rc" 2
done
mkdir -p "$T_TMP/oc/edition"
cp -R "$T_TMP/c-new" "$T_TMP/oc/edition/content"
"$A" build -q -C "$T_TMP/oc/edition/content" -o "$T_TMP/oc" 2>"$T_TMP/e"; rc=$?
t_eq "build -C OUT/edition/content -o OUT (the content inside the unit a build replaces): exit 2" "$rc" 2
grep -q "is inside .*oc/edition, which this command replaces" "$T_TMP/e" && t_ok "…saying so" ||
    t_fail "…saying so" "$(cat "$T_TMP/e")"
mkdir -p "$T_TMP/oc2/campagne"
cp -R "$T_TMP/c-new" "$T_TMP/oc2/campagne/content"
"$A" campaign -C "$T_TMP/oc2/campagne/content" -o "$T_TMP/oc2" >/dev/null 2>&1; rc=$?
t_eq "campaign -C OUT/campagne/content -o OUT: exit 2" "$rc" 2
t_eq "…content/ was never written" "$(sum_cc)" "$before"
t_done
