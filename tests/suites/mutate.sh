#!/usr/bin/env bash
# The mutants of `make mutate` (tests/mutants/*.mut, tools/mutate.py)
# stay usable: the files parse, the ids are unique and every "from"
# still matches its source file once (or its nth), so that a change of
# the code that moves a mutant's text away is seen here, not months
# later by the next `make mutate`.  No build, no mutant run: fast.
. "$TOP/tests/lib.sh"
if ! command -v python3 >/dev/null 2>&1; then
	t_skip "mutants parse and match" "python3 missing (make deps-test)"; t_done; exit
fi
M=$TOP/tools/mutate.py
out=$(python3 "$M" --check 2>&1)
if [ $? -eq 0 ]; then t_ok "every mutant parses, has a unique id and matches: ${out##*$'\n'}"
else t_fail "every mutant parses, has a unique id and matches" "$out"; fi

n=$(ls "$TOP"/tests/mutants/*.mut 2>/dev/null | wc -l)
[ "$n" -gt 0 ] && t_ok "tests/mutants has $n files" || t_fail "tests/mutants has files"

# The check itself bites: a "from" the source no longer has, one found
# twice, a duplicate id, an unknown kind are each an error.
f=$T_TMP/x.mut
cat >"$f" <<'MUT'
# a comment
id: t-ok
file: src/validate.c
from: #include "validate.h"
to: #include "validate.h" 
suites: test_validate
kind: other
MUT
t_check "a mutant that matches passes --check" python3 "$M" --check --mutants "$f"

check_fails() { # DESC WANT (the mutant block on stdin)
	cat >"$f"
	local out
	if out=$(python3 "$M" --check --mutants "$f" 2>&1); then
		t_fail "$1" "--check passed: $out"
	else case $out in *"$2"*) t_ok "$1" ;; *) t_fail "$1" "$out" ;; esac; fi
}
check_fails "a from no longer in the source is stale" "stale: from not found" <<'MUT'
id: t-gone
file: src/validate.c
from: this text is in no source file
to: x
suites: test_validate
kind: other
MUT
check_fails "a from found twice without nth is stale" "add nth" <<'MUT'
id: t-twice
file: src/validate.c
from: return
to: return 
suites: test_validate
kind: other
MUT
check_fails "an nth past the last occurrence is stale" "nth: 99999" <<'MUT'
id: t-nth
file: src/validate.c
from: return
to: return 
nth: 99999
suites: test_validate
kind: other
MUT
check_fails "two mutants with one id are an error" "already used" <<'MUT'
id: t-dup
file: src/validate.c
from: #include "validate.h"
to: #include "validate.h" 
suites: test_validate
kind: other

id: t-dup
file: src/validate.c
from: #include "validate.h"
to: #include "validate.h"  
suites: test_validate
kind: other
MUT
check_fails "a missing key is an error" "has no suites" <<'MUT'
id: t-nosuites
file: src/validate.c
from: #include "validate.h"
to: #include "validate.h" 
kind: other
MUT
check_fails "an unknown kind is an error" "kind flip is not one of" <<'MUT'
id: t-kind
file: src/validate.c
from: #include "validate.h"
to: #include "validate.h" 
suites: test_validate
kind: flip
MUT
t_done
