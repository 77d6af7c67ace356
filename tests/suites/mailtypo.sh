#!/usr/bin/env bash
# mailtypo: French typography in the plain-text e-mails of `annuaire
# campaign` (issue 22): in every first e-mail and every reminder, on the
# example content and on the stress content (tests/stress/gen.sh long:
# 100-character names and e-mails), no line of the text starts with
# » : ; ? ! and none ends with «, as the booklet sets them.
# san: yes
set -u
: "${TOP:=$(cd "$(dirname "$0")/../.." && pwd)}"
. "$TOP/tests/lib.sh"
export LC_ALL=C.UTF-8 TZ=UTC
command -v python3 >/dev/null 2>&1 || { t_skip "e-mail typography" "python3 missing"; t_done; exit; }
A() { "$ANNUAIRE" "$@"; }

# check DIR: the bad lines of every .eml body in DIR, then "N e-mails".
check() {
	python3 - "$1" <<'PY'
import email, email.policy, glob, os, sys
bad, n = [], 0
for f in sorted(glob.glob(os.path.join(sys.argv[1], "*.eml"))):
    n += 1
    m = email.message_from_binary_file(open(f, "rb"), policy=email.policy.default)
    for i, l in enumerate(m.get_body(("plain",)).get_content().splitlines(), 1):
        s = l.strip(" \u00a0\u202f")
        if s[:1] in ("»", ":", ";", "?", "!") or s.endswith("«"):
            bad.append(f"{os.path.basename(f)}:{i}: {l}")
print("\n".join(bad[:20]) + ("\n" if bad else "") + f"{n} e-mails")
PY
}

# run NAME CONTENT: the first e-mails, then the reminders a week later.
run() {
	local name=$1 c=$T_TMP/$1 o=$T_TMP/$1-out n
	cp -r "$2" "$c"
	n=$(ls "$c"/partenaires/*.md | wc -l)
	SOURCE_DATE_EPOCH=1764464000 A campaign -C "$c" -o "$o" --echeance 2025-12-31 >/dev/null 2>&1
	t_eq "$name: every first e-mail keeps « » : ; ? ! with their words" "$(check "$o/campagne")" "$n e-mails"
	SOURCE_DATE_EPOCH=1765064000 A campaign -C "$c" -o "$o" --relance >/dev/null 2>&1
	t_eq "$name: every reminder keeps « » : ; ? ! with their words" "$(check "$o/campagne")" "$n e-mails"
}

run example "$TOP/content"
sh "$TOP/tests/stress/gen.sh" long "$T_TMP/long-src" >/dev/null
run stress-long "$T_TMP/long-src"

# The no-break space is in the text itself (a mail program that rewraps
# keeps it): "Objet" aside, the first e-mail's "?" follows U+202F.
f=$(ls "$T_TMP/example-out/campagne/"*.eml | head -1)
t_eq "the text carries the no-break spaces (U+202F before ?)" "$(python3 -c '
import email, email.policy, sys
m = email.message_from_binary_file(open(sys.argv[1], "rb"), policy=email.policy.default)
b = m.get_body(("plain",)).get_content()
print("\u202f?" in b, " ?" in b, "«\u00a0" in b)' "$f")" "True False True"
t_done
