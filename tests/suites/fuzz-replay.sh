#!/usr/bin/env bash
# fuzz-replay.sh — the libFuzzer harnesses of tests/fuzz as regression
# tests: each replay binary (built beside the binary under test, in
# BUILD/fuzz/) runs its harness on every input of tests/fuzz/corpus/NAME,
# so that a crash found by `make fuzz`, once its input is added to the
# corpus, stays fixed.  One TAP line per harness.
# san: yes
. "$TOP/tests/lib.sh"

bindir=$(dirname "$ANNUAIRE")/fuzz
for name in load template markdown typo validate layout emit; do
	bin=$bindir/replay_$name
	corpus=$TOP/tests/fuzz/corpus/$name
	desc="fuzz_$name replays tests/fuzz/corpus/$name"
	if [ ! -x "$bin" ]; then
		t_fail "$desc" "$bin is missing (make test-bins)"
		continue
	fi
	out=$("$bin" "$corpus" 2>&1)
	rc=$?
	if [ $rc -eq 0 ] && printf '%s\n' "$out" | grep -q '^ok 1 '; then
		t_ok "$desc ($(printf '%s\n' "$out" | sed -n 's/^ok 1 .*(\(.*\))$/\1/p'))"
	else
		# The last "# file" line names the input that failed.
		t_fail "$desc" "$(printf 'exit status %s, last input: %s\n' $rc \
		    "$(printf '%s\n' "$out" | grep '^# ' | tail -1 | cut -c3-)";
		    printf '%s\n' "$out" | grep -v '^# ' | head -30)"
	fi
done
t_done
