#!/usr/bin/env bash
# Stemmer parity (issue 13): the site's JavaScript stemmer
# (themes/default/assets/stem-fr.js) gives the official Snowball French
# stem of every word of Debian snowball-data's list, as libstemmer does
# for the index (tests/unit/test_stem.c): so both sides agree on it.
. "$TOP/tests/lib.sh"
D=${SNOWBALL_DATA:-/usr/share/snowball/data}/french
if ! command -v node >/dev/null 2>&1; then
	t_skip "stem parity" "node is missing (make deps-test)"; t_done; exit
fi
if [ ! -f "$D/voc.txt" ] || [ ! -f "$D/output.txt" ]; then
	t_skip "stem parity" "snowball-data is missing (make deps-test)"; t_done; exit
fi
node "$TOP/tests/search/stem-parity.cjs" "$TOP/themes/default/assets/stem-fr.js" \
    "$D/voc.txt" "$D/output.txt" >"$T_TMP/tap" 2>"$T_TMP/err"
rc=$?
t_relay "$T_TMP/tap"
[ $rc -eq 0 ] || t_fail "stem-parity.cjs ran" "$(tail -20 "$T_TMP/err")"
t_done
