# tests/lib.sh — TAP helpers for shell suites.  Source it, then:
#   t_ok DESC            a passing test
#   t_fail DESC [WHY]    a failing test (WHY lines go out as "# " comments)
#   t_skip DESC WHY      a skipped test
#   t_check DESC CMD...  passes when CMD exits 0
#   t_eq DESC GOT WANT   passes when the strings are equal (diff on failure)
#   t_done               prints the plan; exits 1 if any test failed
# Environment from tests/run: ANNUAIRE, TOP, SHARED, T_TMP, SAN.
t_n=0
t_failed=0
: "${ANNUAIRE:=$TOP/build/annuaire}"
: "${T_TMP:=$(mktemp -d)}"

t_ok() { t_n=$((t_n + 1)); echo "ok $t_n - $1"; }
t_fail() {
	t_n=$((t_n + 1)); t_failed=$((t_failed + 1))
	echo "not ok $t_n - $1"
	[ $# -gt 1 ] && printf '%s\n' "$2" | sed 's/^/# /' | head -40
	return 0
}
t_skip() { t_n=$((t_n + 1)); echo "ok $t_n - $1 # SKIP $2"; }
t_check() {
	local d=$1; shift
	local out
	if out=$("$@" 2>&1); then t_ok "$d"; else t_fail "$d" "$out"; fi
}
t_eq() {
	if [ "$2" = "$3" ]; then t_ok "$1"
	else t_fail "$1" "$(diff <(printf '%s\n' "$3") <(printf '%s\n' "$2") | head -40)"; fi
}
t_done() { echo "1..$t_n"; [ $t_failed -eq 0 ]; }
