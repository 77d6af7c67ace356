#!/usr/bin/env bash
# The command line: usage, exit statuses, `new`, and the promises of
# `build`: content/ never written, out/ untouched by a failed build,
# byte-identical output for the same input.
# san: yes
. "$TOP/tests/lib.sh"
A=$ANNUAIRE
export SOURCE_DATE_EPOCH=1521072000

# tree_sum DIR: one checksum line per file, for before/after comparisons.
tree_sum() { (cd "$1" && find . -type f -print0 | sort -z | xargs -0 sha256sum); }

# --- usage -------------------------------------------------------------
out=$("$A" --help); rc=$?
t_eq "--help exits 0" "$rc" 0
case $out in *"Commands:"*build*check*new*) t_ok "--help lists the commands" ;;
*) t_fail "--help lists the commands" "$out" ;; esac
out=$("$A" --version); t_eq "--version prints the version" "${out%% *}" "annuaire"
"$A" help build | grep -q -- "--bleed" && t_ok "help build describes --bleed" || t_fail "help build describes --bleed"
"$A" help check | grep -q "LINE:COL" && t_ok "help check describes the message form" || t_fail "help check"
"$A" >/dev/null 2>&1; t_eq "no command: exit 2" "$?" 2
"$A" frobnicate >/dev/null 2>&1; t_eq "unknown command: exit 2" "$?" 2
"$A" build --nope >/dev/null 2>&1; t_eq "unknown option: exit 2" "$?" 2
"$A" check -o x >/dev/null 2>&1; t_eq "option of another command: exit 2" "$?" 2
"$A" build --edition tout >/dev/null 2>&1; t_eq "bad --edition value: exit 2" "$?" 2
"$A" check -C "$T_TMP/does-not-exist" >/dev/null 2>&1; t_eq "missing content folder: exit 2" "$?" 2
# Usage messages name the option as written, even inside a group.
t_usage() { # DESC WANT ARGS...: first line of stderr, exit 2
	local d=$1 want=$2 err rc; shift 2
	err=$("$A" "$@" 2>&1 >/dev/null); rc=$?
	t_eq "$d" "$rc: ${err%%$'\n'*}" "2: annuaire: $want"
}
t_usage "build -C without its folder" "option requires an argument: -C" build -C
t_usage "a missing argument inside a group" "option requires an argument: -C" build -qC
t_usage "an unknown letter inside a group" "unknown option: -x" build -xq
t_usage "a long option of another command, with its argument" \
    "option not valid here: --theme" check --theme x
t_usage "a letter of another command inside a group" "option not valid here: -q" check -qC x
t_usage "--bleed=yes" "option takes no argument: --bleed=yes" build --bleed=yes
t_usage "--edition=X is checked like --edition X" \
    "--edition takes 'public' or 'partenaires', not 'tout'" build --edition=tout

err=$("$A" check -C / 2>&1); case $err in "/site.yaml"*) t_ok "-C /: paths start with a single /" ;;
*) t_fail "-C /: paths start with a single /" "$err" ;; esac

# A site.yaml that is not a file (here a FIFO) is refused, not waited on.
if command -v mkfifo >/dev/null && command -v timeout >/dev/null; then
	mkdir -p "$T_TMP/fifo/partenaires"
	mkfifo "$T_TMP/fifo/site.yaml"
	timeout 10 "$A" check -C "$T_TMP/fifo" >/dev/null 2>"$T_TMP/fifo.err"; rc=$?
	t_eq "site.yaml as a FIFO: exit 2, without hanging" "$rc" 2
	grep -q "site.yaml: *[0-9:]* error: cannot read" "$T_TMP/fifo.err" && t_ok "…with a message saying so" ||
	    t_fail "…with a message saying so" "$(cat "$T_TMP/fifo.err")"
else
	t_skip "site.yaml as a FIFO" "mkfifo(1) or timeout(1) is not installed"
fi

# --- new ---------------------------------------------------------------
mkdir -p "$T_TMP/new/content/partenaires"
cp "$TOP/content/site.yaml" "$T_TMP/new/content/"
( cd "$T_TMP/new" && "$A" new "Secours populaire français" >out.txt 2>err.txt ); rc=$?
t_eq "new: exit 0" "$rc" 0
f=$T_TMP/new/content/partenaires/secours-populaire-francais.md
[ -f "$f" ] && t_ok "new: writes partenaires/<slug>.md from the name" || t_fail "new: slug file" "$(ls -R "$T_TMP/new")"
grep -q "Secours populaire français" "$f" 2>/dev/null && t_ok "new: the name is in the page" || t_fail "new: the name is in the page"
sum1=$(sha256sum "$f" 2>/dev/null)
( cd "$T_TMP/new" && "$A" new "Secours populaire français" >/dev/null 2>"$T_TMP/err2" ); rc=$?
t_eq "new: refuses to overwrite (exit 1)" "$rc" 1
: >"$T_TMP/new-afile"
"$A" new -C "$T_TMP/new-afile/content" "Caf" >/dev/null 2>&1; rc=$?
t_eq "new: a folder that cannot be created (exit 2)" "$rc" 2
"$A" new -C "$T_TMP/new/content" "« ! »" >/dev/null 2>&1; rc=$?
t_eq "new: a name with no letter or digit (exit 2)" "$rc" 2
t_eq "new: the existing page is unchanged" "$(sha256sum "$f" 2>/dev/null)" "$sum1"
( cd "$T_TMP/new" && "$A" check >/dev/null 2>"$T_TMP/err3" ); rc=$?
t_eq "new: the template page fails check until filled in (exit 1)" "$rc" 1
grep -q "secours-populaire-francais.md:[0-9]*:[0-9]*: error:" "$T_TMP/err3" &&
    t_ok "new: check names the fields to fill" || t_fail "new: check names the fields to fill" "$(cat "$T_TMP/err3")"

# --- build -------------------------------------------------------------
cp -R "$TOP/content" "$T_TMP/c"
before=$(tree_sum "$T_TMP/c")
"$A" build -q -C "$T_TMP/c" -o "$T_TMP/o1" 2>"$T_TMP/b1.err"; rc=$?
t_eq "build of the example content: exit 0" "$rc" 0
[ "$rc" = 0 ] || sed "s/^/# /" "$T_TMP/b1.err" | head
t_eq "build never writes content/" "$(tree_sum "$T_TMP/c")" "$before"
for f in edition/site/index.html edition/livret.pdf edition/livret-impression.pdf edition/site/livret.pdf; do
	[ -s "$T_TMP/o1/$f" ] && t_ok "build writes $f" || t_fail "build writes $f"
done
ls -a "$T_TMP/o1" | grep -q '^\.build-' && t_fail "no temporary folder left in out/" || t_ok "no temporary folder left in out/"
"$A" build -q -C "$T_TMP/c" -o "$T_TMP/o2" 2>/dev/null
if diff -r "$T_TMP/o1" "$T_TMP/o2" >"$T_TMP/det.diff" 2>&1; then
	t_ok "two builds are byte-identical"
else
	t_fail "two builds are byte-identical" "$(head -20 "$T_TMP/det.diff")"
fi
unset SOURCE_DATE_EPOCH
"$A" build -q -C "$T_TMP/c" -o "$T_TMP/o3" 2>/dev/null; sleep 1
"$A" build -q -C "$T_TMP/c" -o "$T_TMP/o4" 2>/dev/null
diff -r -q "$T_TMP/o3" "$T_TMP/o4" >/dev/null && t_ok "without SOURCE_DATE_EPOCH, still byte-identical (no clock)" ||
    t_fail "without SOURCE_DATE_EPOCH, still byte-identical (no clock)" "$(diff -r -q "$T_TMP/o3" "$T_TMP/o4" | head)"
export SOURCE_DATE_EPOCH=1521072000

# A content error: exit 1, out/ byte for byte as it was.
outsum=$(tree_sum "$T_TMP/o1")
sed -i 's/^telephone:.*/telephone: "01 99 00"/' "$T_TMP/c/partenaires/caf-yvelines.md"
"$A" build -q -C "$T_TMP/c" -o "$T_TMP/o1" 2>"$T_TMP/b2.err"; rc=$?
t_eq "build with a content error: exit 1" "$rc" 1
grep -q "content/partenaires/caf-yvelines.md:[0-9]*:[0-9]*: error: " "$T_TMP/b2.err" 2>/dev/null ||
    grep -q "partenaires/caf-yvelines.md:[0-9]*:[0-9]*: error: " "$T_TMP/b2.err" &&
    t_ok "the error names file:line:col" || t_fail "the error names file:line:col" "$(cat "$T_TMP/b2.err")"
t_eq "a failed build leaves out/ as it was" "$(tree_sum "$T_TMP/o1")" "$outsum"

# A theme error (broken template): exit 1, out/ untouched, message names the template.
cp -R "$TOP/content" "$T_TMP/c2"
mkdir -p "$T_TMP/theme"
printf '{{#partenaires}}\n<p>{{nom}}\n' >"$T_TMP/theme/index.mustache"
"$A" build -q -C "$T_TMP/c2" -o "$T_TMP/o1" --theme "$T_TMP/theme" 2>"$T_TMP/b3.err"; rc=$?
t_eq "build with a broken template: exit 1" "$rc" 1
grep -q "index.mustache:[0-9]*:[0-9]*: error:" "$T_TMP/b3.err" && t_ok "the template error names file:line:col" ||
    t_fail "the template error names file:line:col" "$(cat "$T_TMP/b3.err")"
t_eq "a failed theme build leaves out/ as it was" "$(tree_sum "$T_TMP/o1")" "$outsum"

# An unwritable output: exit 2 with a message, no crash.
: >"$T_TMP/afile"
"$A" build -q -C "$T_TMP/c2" -o "$T_TMP/afile/out" 2>"$T_TMP/b4.err"; rc=$?
t_eq "output folder that cannot be created: exit 2" "$rc" 2
"$A" build -q --no-pdf -C "$T_TMP/c2" -o "$T_TMP/afile" 2>"$T_TMP/b4f.err"; rc=$?
t_eq "an output folder that is a file: exit 2" "$rc" 2
grep -q "afile: error: cannot create: Not a directory" "$T_TMP/b4f.err" && t_ok "…naming it, not its lock file" ||
    t_fail "…naming it, not its lock file" "$(cat "$T_TMP/b4f.err")"
(cd "$T_TMP" && "$A" build -q --no-pdf -C c2 -o "") 2>"$T_TMP/b4e.err"; rc=$?
t_eq "an empty output folder name: exit 2" "$rc" 2
grep -q "cannot create" "$T_TMP/b4e.err" && t_ok "…with a message saying so" ||
    t_fail "…with a message saying so" "$(cat "$T_TMP/b4e.err")"

# A folder at an output name that annuaire did not write: exit 2, the
# folder kept, out/ as it was (tests/suites/outdir.sh tests the rest).
"$A" build -q --no-pdf -C "$T_TMP/c2" -o "$T_TMP/o7" 2>/dev/null
mkdir -p "$T_TMP/o7/edition/livret.pdf/x"
outsum=$(tree_sum "$T_TMP/o7")
"$A" build -q -C "$T_TMP/c2" -o "$T_TMP/o7" 2>"$T_TMP/b8.err"; rc=$?
t_eq "an output name holding a foreign folder: exit 2" "$rc" 2
grep -q "livret.pdf: error: was not written by annuaire" "$T_TMP/b8.err" &&
    t_ok "…saying so" || t_fail "…saying so" "$(cat "$T_TMP/b8.err")"
t_eq "…and out/ is left as it was" "$(tree_sum "$T_TMP/o7")" "$outsum"

# --no-pdf writes the site only; the previous booklets, which would not
# match the new site, do not survive it.
"$A" build -q --no-pdf -C "$T_TMP/c2" -o "$T_TMP/o1" 2>/dev/null; rc=$?
t_eq "--no-pdf: exit 0" "$rc" 0
[ -e "$T_TMP/o1/edition/livret.pdf" ] || [ -L "$T_TMP/o1/edition/livret.pdf" ] &&
    t_fail "--no-pdf removes the previous livret.pdf" || t_ok "--no-pdf removes the previous livret.pdf"

# A staging folder left by an interrupted build is removed by the next one.
mkdir -p "$T_TMP/o1/.build-Ab12Cd/site"
"$A" build -q --no-pdf -C "$T_TMP/c2" -o "$T_TMP/o1" 2>/dev/null
[ -e "$T_TMP/o1/.build-Ab12Cd" ] && t_fail "a stale staging folder is cleaned up" ||
    t_ok "a stale staging folder is cleaned up"

# Two builds never write the same folder at once.
if command -v flock >/dev/null; then
	flock "$T_TMP/o1/.annuaire.lock" sleep 5 &
	sleep 0.5
	outsum=$(tree_sum "$T_TMP/o1")
	"$A" build -q -C "$T_TMP/c2" -o "$T_TMP/o1" 2>"$T_TMP/b7.err"; rc=$?
	t_eq "a build while another holds the folder: exit 2" "$rc" 2
	grep -q "another build is writing" "$T_TMP/b7.err" && t_ok "…with a message saying so" ||
	    t_fail "…with a message saying so" "$(cat "$T_TMP/b7.err")"
	t_eq "…and the folder is left as it was" "$(tree_sum "$T_TMP/o1")" "$outsum"
	wait
else
	t_skip "build lock" "flock(1) is not installed"
fi

# Run from another folder: the default theme is found beside the program.
(cd "$T_TMP" && "$A" build -q --no-pdf -C c2 -o o6) 2>"$T_TMP/b6.err"; rc=$?
t_eq "build from another folder finds the default theme" "$rc" 0
[ "$rc" = 0 ] || sed "s/^/# /" "$T_TMP/b6.err" | head -5

# Partners' edition and print-shop variant.
"$A" build -q --bleed --edition partenaires -C "$T_TMP/c2" -o "$T_TMP/o5" 2>"$T_TMP/b5.err"; rc=$?
t_eq "--bleed --edition partenaires: exit 0" "$rc" 0
for f in livret-imprimeur.pdf livret-partenaires.pdf; do
	[ -s "$T_TMP/o5/edition/$f" ] && t_ok "writes $f" || t_fail "writes $f" "$(cat "$T_TMP/b5.err")"
done
[ -e "$T_TMP/o5/edition/site/livret-partenaires.pdf" ] && t_fail "the partners' edition is not published in the site" ||
    t_ok "the partners' edition is not published in the site"
# --timings (annuaire(1)): a fixed line per phase on stderr, the same in
# any language, names without spaces (bench/run.sh reads them), and
# output files identical to a build without it.
"$A" build -q -C "$T_TMP/c2" -o "$T_TMP/ot1" 2>/dev/null
LC_ALL=fr_FR.UTF-8 "$A" build -q --timings -C "$T_TMP/c2" -o "$T_TMP/ot2" \
    2>"$T_TMP/timings.err"
t_eq "--timings: exit 0" "$?" 0
for ph in load+validate layout:livret.pdf write:livret.pdf site publish total; do
	t_check "--timings: a line for $ph" grep -q "^timing: $ph " "$T_TMP/timings.err"
done
t_eq "--timings: every line in the fixed format" \
    "$(grep -cvE '^timing: [^ ]+ +[0-9]+\.[0-9] ms +[0-9]+\.[0-9] ms cpu +[0-9]+\.[0-9] ms total +[0-9]+\.[0-9] MB peak$' "$T_TMP/timings.err")" 0
t_check "--timings: the output files are those of a build without it" \
    diff -r "$T_TMP/ot1/edition/site" "$T_TMP/ot2/edition/site"
t_check "--timings: … the booklet too" cmp "$T_TMP/ot1/edition/livret.pdf" "$T_TMP/ot2/edition/livret.pdf"
t_done
