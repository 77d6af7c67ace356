#!/usr/bin/env bash
# Site and booklets on two cores (issue 10): `build` writes the booklets
# in child processes while it writes the site (src/spawn.c: the public
# booklet with its imposed and print-shop PDFs, drawn once, in one; the
# partners' booklet in another);
# ANNUAIRE_JOBS=1 writes them one after the other.  Both ways give the
# same bytes in every file, the same diagnostics in the same order and
# the same exit status, on the example and the stress fixtures.  A
# booklet that fails (a full disk, a crash of its process, a kill of
# the build) leaves out/ as it was, and the next build runs.
# san: yes
. "$TOP/tests/lib.sh"
A=$ANNUAIRE
G=$TOP/tests/stress
export SOURCE_DATE_EPOCH=1521072000
unset ANNUAIRE_FAULT

view() {
	(cd "$1" && find . \( -path ./.annuaire -o -name .annuaire.lock \) -prune \
	    -o -type f -print0 | LC_ALL=C sort -z | xargs -0 -r sha256sum)
}

# both NAME CONTENT [OPTIONS...]: build serially and in parallel; compare
# every file of the generation, the layout dump, stderr and the status.
both() {
	local name=$1 c=$2 j rc1 rc2 n=0 bad=
	shift 2
	for j in 1 2; do
		rm -rf "$T_TMP/o$j"
		ANNUAIRE_JOBS=$j "$A" build "$@" --layout-dump "${DUMP:-$T_TMP/dump$j}" \
		    -C "$c" -o "$T_TMP/o$j" >"$T_TMP/out$j" 2>"$T_TMP/err$j"
		eval "rc$j=\$?"
	done
	sed -i "s#$T_TMP/o[12]#OUT#g" "$T_TMP/out1" "$T_TMP/out2" "$T_TMP/err1" "$T_TMP/err2"
	[ "$rc1" = "$rc2" ] || bad+="exit $rc1 serially, $rc2 in parallel"$'\n'
	cmp -s "$T_TMP/err1" "$T_TMP/err2" ||
	    bad+="diagnostics differ: $(diff "$T_TMP/err1" "$T_TMP/err2" | head -5)"$'\n'
	cmp -s "$T_TMP/out1" "$T_TMP/out2" || bad+="stdout differs"$'\n'
	[ -n "${DUMP:-}" ] || cmp -s "$T_TMP/dump1" "$T_TMP/dump2" || bad+="layout dumps differ"$'\n'
	if [ "$rc1" = 0 ]; then
		local f1 f2 f
		f1=$(cd "$T_TMP/o1/edition" && find . -type f | LC_ALL=C sort)
		f2=$(cd "$T_TMP/o2/edition" && find . -type f | LC_ALL=C sort)
		[ "$f1" = "$f2" ] || bad+="not the same files"$'\n'
		while read -r f; do
			cmp -s "$T_TMP/o1/edition/$f" "$T_TMP/o2/edition/$f" ||
			    bad+="$f differs"$'\n'
		done <<<"$f1"
		n=$(echo "$f1" | wc -l)
	fi
	[ -z "$bad" ] && t_ok "$name: serial and parallel builds are identical (exit $rc1, $n files, $(wc -l <"$T_TMP/err1") lines of diagnostics)" ||
	    t_fail "$name: serial and parallel builds are identical" "$bad"
}

# The parallel build does start its processes: the public booklet's (with
# its imposed and print-shop PDFs) and the partners' booklet's.
if command -v strace >/dev/null 2>&1 && [ "$SAN" != 1 ]; then
	n=$(ANNUAIRE_JOBS=2 strace -f -e trace=clone,clone3,fork,vfork -o "$T_TMP/st" "$A" build -q \
	    --bleed --edition partenaires -o "$T_TMP/ost" 2>/dev/null
	    grep -E 'clone|fork' "$T_TMP/st" | grep -vc CLONE_THREAD)
	t_eq "ANNUAIRE_JOBS=2: the build runs in 3 processes" "$n" 2
	# ...and the network's layout on a thread of the site's process.
	t_eq "ANNUAIRE_JOBS=2: one thread for the network's layout" \
	    "$(grep -c CLONE_THREAD "$T_TMP/st")" 1
	n=$(ANNUAIRE_JOBS=1 strace -f -e trace=clone,clone3,fork,vfork -o "$T_TMP/st" "$A" build -q \
	    --bleed --edition partenaires -o "$T_TMP/ost" 2>/dev/null; grep -c -E 'clone|fork' "$T_TMP/st")
	t_eq "ANNUAIRE_JOBS=1: in one process, one thread" "$n" 0
else
	t_skip "the processes of a parallel build" "strace is not installed (or a sanitizer build)"
fi
both "example, --bleed --edition partenaires" "$TOP/content" --bleed --edition partenaires
both "example, plain" "$TOP/content"
both "example, --no-pdf" "$TOP/content" --no-pdf
for f in long big scripts empty; do
	rm -rf "$T_TMP/c-$f"
	sh "$G/gen.sh" "$f" "$T_TMP/c-$f" >/dev/null
	both "stress fixture $f" "$T_TMP/c-$f" --bleed --edition partenaires
done
# A booklet that fails (its layout dump cannot be written): the serial
# build stops before the site, the parallel one drops what the site said.
DUMP=$T_TMP/nonexistent/dump both "a booklet that fails" "$TOP/content"
[ "$(grep -c ': error: ' "$T_TMP/err2")" = 1 ] && t_ok "…with one error" ||
    t_fail "…with one error" "$(cat "$T_TMP/err2")"

# --- failures of the booklet's process ----------------------------------------
cp -R "$TOP/content" "$T_TMP/c"
(cd "$T_TMP/c/partenaires" && ls | head -n -6 | xargs rm -f)
sed -i '/^liens:/d' "$T_TMP/c/partenaires/"*.md
"$A" build -q --edition partenaires -C "$T_TMP/c" -o "$T_TMP/w" 2>/dev/null
v_old=$(view "$T_TMP/w")
sed -i 's/^telephone:.*/telephone: "01 99 00 77 77"/' "$T_TMP/c/partenaires/"*.md

ANNUAIRE_JOBS=2 ANNUAIRE_FAULT=crash:booklet "$A" build -q --edition partenaires \
    -C "$T_TMP/c" -o "$T_TMP/w" 2>"$T_TMP/e"; rc=$?
t_eq "the booklets' process crashes: exit 2" "$rc" 2
grep -q "^annuaire: error: the process writing the booklets was stopped by signal 6 " "$T_TMP/e" &&
    grep -q "build failed; $T_TMP/w/ was left as it was" "$T_TMP/e" &&
    t_ok "…saying so, and that out/ was left as it was" ||
    t_fail "…saying so, and that out/ was left as it was" "$(cat "$T_TMP/e")"
t_eq "…out/ shows the previous build" "$(view "$T_TMP/w")" "$v_old"
rc=$( (ANNUAIRE_JOBS=1 ANNUAIRE_FAULT=crash:booklet "$A" build -q -C "$T_TMP/c" -o "$T_TMP/w" \
    >/dev/null 2>&1; echo $?) 2>/dev/null)
t_eq "…serially, the build itself crashes (134), out/ unchanged" "$rc:$(view "$T_TMP/w")" "134:$v_old"

for k in 1 2 3; do
	rc=$( (ANNUAIRE_JOBS=2 ANNUAIRE_FAULT=$k "$A" build -q --edition partenaires -C "$T_TMP/c" \
	    -o "$T_TMP/w" >/dev/null 2>&1; echo $?) 2>/dev/null)
	t_eq "killed at step $k while the booklets are written: 137, out/ unchanged" \
	    "$rc:$(view "$T_TMP/w")" "137:$v_old"
	# The kill took the child along: the lock is free at once.
	"$A" build -q --edition partenaires -C "$T_TMP/c" -o "$T_TMP/k$k" 2>/dev/null
	pgrep -f "annuaire build -q --edition partenaires -C $T_TMP/c -o $T_TMP/w\$" >/dev/null &&
	    t_fail "…no process of that build is left" || t_ok "…no process of that build is left"
done
"$A" build -q --edition partenaires -C "$T_TMP/c" -o "$T_TMP/w" 2>"$T_TMP/e"; rc=$?
t_eq "…and the next build runs" "$rc" 0
v_new=$(view "$T_TMP/w")
[ "$v_new" != "$v_old" ] && t_ok "…showing the new content" || t_fail "…showing the new content"

rm -rf "$T_TMP/w"
"$A" build -q --edition partenaires -C "$T_TMP/c" -o "$T_TMP/w" 2>/dev/null
sed -i 's/^telephone:.*/telephone: "01 99 00 66 66"/' "$T_TMP/c/partenaires/"*.md
for f in enospc enospc:1 enospc:2 enospc:3; do
	for j in 1 2; do
		ANNUAIRE_JOBS=$j ANNUAIRE_FAULT=$f "$A" build -q --edition partenaires \
		    -C "$T_TMP/c" -o "$T_TMP/w" 2>"$T_TMP/e"; rc=$?
		n=$(grep -c ': error: ' "$T_TMP/e")
		t_eq "ANNUAIRE_JOBS=$j ANNUAIRE_FAULT=$f: exit 2, one error, out/ unchanged" \
		    "$rc:$n:$(view "$T_TMP/w")" "2:1:$v_new"
	done
done
t_done
