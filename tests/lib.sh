# tests/lib.sh — TAP helpers for shell suites.  Source it, then:
#   t_ok DESC            a passing test
#   t_fail DESC [WHY]    a failing test (WHY lines go out as "# " comments)
#   t_skip DESC WHY      a skipped test
#   t_check DESC CMD...  passes when CMD exits 0
#   t_eq DESC GOT WANT   passes when the strings are equal (diff on failure)
#   t_done               prints the plan; exits 1 if any test failed
#   t_have_browser [CMD...]
#                        true when /usr/bin/chromium, node, each CMD and
#                        npm's playwright-core (tests/browser) are here;
#                        else false, with what is missing in t_why
#   t_need_browser NAME [CMD...]
#                        unless t_have_browser: one test NAME skipped (WHY
#                        t_why), the plan, and the suite exits
#   t_relay FILE         the TAP lines in FILE (another program's) renumbered
#                        after ours, skips kept; its "#" lines as they are
#   t_node SCRIPT ARG... node tests/browser/SCRIPT ARG..., its TAP relayed;
#                        a failure when it stopped without printing any
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

t_have_browser() {
	local need
	for need in /usr/bin/chromium node "$@"; do
		if ! command -v "$need" >/dev/null 2>&1; then
			t_why="$need is missing (make deps-test)"; return 1
		fi
	done
	if [ ! -d "$TOP/tests/browser/node_modules/playwright-core" ]; then
		t_why="npm packages missing (cd tests/browser && npm ci)"; return 1
	fi
}
t_need_browser() {
	local name=$1
	shift
	t_have_browser "$@" || { t_skip "$name" "$t_why"; t_done; exit; }
}
t_relay() {
	local line d
	while IFS= read -r line; do
		case $line in
		"ok "*"# SKIP "*) d=${line#ok * - }; t_skip "${d%% # SKIP *}" "${d#* # SKIP }" ;;
		"ok "*) t_ok "${line#ok * - }" ;;
		"not ok "*) t_fail "${line#not ok * - }" ;;
		"#"*) echo "$line" ;;
		esac
	done <"$1"
}
t_node() {
	local script=$1 rc
	shift
	node "$TOP/tests/browser/$script" "$@" >"$T_TMP/node.tap" 2>"$T_TMP/node.err"
	rc=$?
	t_relay "$T_TMP/node.tap"
	[ $rc -eq 0 ] || [ -s "$T_TMP/node.tap" ] || t_fail "$script ran" "$(tail -20 "$T_TMP/node.err")"
}
