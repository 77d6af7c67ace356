#!/usr/bin/env bash
# regress: `annuaire check` on each tests/regress/NAME/content; compares stderr and exit status.
# san: yes
#
# Each fixture NAME/ holds content/ (site.yaml + partenaires/), the
# expected stderr (expected.err) and exit status (expected.status), and
# optionally a shell script `setup` run in the copy before the check
# (to generate large files rather than commit them).  The check runs in
# a copy of the fixture, from its top, so paths read content/...; the
# copy must not change: "content/ is never written".
#
# Every fixture runs twice: in English (LC_ALL=C.UTF-8, expected.err)
# and in French (LC_ALL=fr_FR.UTF-8, expected.fr.err, which every
# fixture must have: French a partner can read, reviewed like the
# English).  The French runs are skipped, with the reason, when the
# locale is not generated (tools/deps.sh generates it as root).
#
# After a human has reviewed the new output, refresh the expected files:
#   REGEN=1 ANNUAIRE=$PWD/build/annuaire bash tests/suites/regress.sh [NAME...]
set -u
: "${TOP:=$(cd "$(dirname "$0")/../.." && pwd)}"
. "$TOP/tests/lib.sh"
export LC_ALL=C.UTF-8 TZ=UTC

sum_tree() {
	(cd "$1" && find . -print0 | LC_ALL=C sort -z |
	    xargs -0 -n 64 sh -c 'for f; do
		if [ -f "$f" ]; then cksum "$f"; else ls -ld "$f" | cut -c1-10; echo "$f"; fi
	    done' sh)
}

# The French runs need the locale (and libc's own French, for strerror).
fr_ok=$(locale -a 2>/dev/null | grep -ix 'fr_FR.utf-\{0,1\}8')

names=("$@")
[ ${#names[@]} -eq 0 ] && for d in "$TOP"/tests/regress/*/; do
	d=${d%/}; names+=("${d##*/}")
done

for name in "${names[@]}"; do
	fx=$TOP/tests/regress/$name
	[ -d "$fx/content" ] || continue
	work=$T_TMP/$name
	rm -rf "$work"; cp -R "$fx" "$work"
	if [ -f "$work/setup" ] && ! (cd "$work" && sh ./setup) >/dev/null 2>&1; then
		t_fail "$name: setup" "setup failed"; continue
	fi
	for lang in en fr; do
	if [ $lang = en ]; then
		loc=C.UTF-8 exp=expected.err label=$name
	else
		loc=fr_FR.UTF-8 exp=expected.fr.err label="$name (fr)"
		if [ -z "$fr_ok" ]; then
			t_skip "$label" "the locale fr_FR.UTF-8 is not generated"
			continue
		fi
	fi
	before=$(sum_tree "$work/content")
	got_err=$(cd "$work" && LC_ALL=$loc LANGUAGE= \
	    "$ANNUAIRE" check -C content 2>&1 >/dev/null)
	got_status=$?
	after=$(sum_tree "$work/content")
	if [ "${REGEN:-0}" = 1 ]; then
		printf '%s\n' "$got_err" >"$fx/$exp"
		echo "$got_status" >"$fx/expected.status"
		t_ok "$label (regenerated)"
		continue
	fi
	if [ ! -f "$fx/$exp" ]; then
		t_fail "$label" "no $exp: write it (REGEN=1, then review it)"
		continue
	fi
	want_err=$(cat "$fx/$exp")
	want_status=$(cat "$fx/expected.status" 2>/dev/null)
	why=
	[ "$got_status" = "$want_status" ] ||
	    why="exit status $got_status, expected $want_status"
	if [ "$got_err" != "$want_err" ]; then
		why="${why:+$why
}$(diff -u <(printf '%s\n' "$want_err") <(printf '%s\n' "$got_err") |
		    tail -n +3 | head -40)"
	fi
	[ "$before" = "$after" ] || why="${why:+$why
}content/ changed during the check"
	if [ -z "$why" ]; then t_ok "$label"; else t_fail "$label" "$why"; fi
	done
done
t_done
