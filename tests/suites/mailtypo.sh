#!/usr/bin/env bash
# mailtypo: French typography in the plain-text e-mails of `annuaire
# campaign` (issue 22): in every first e-mail and every reminder, on the
# example content and on the stress content (tests/stress/gen.sh long:
# 100-character names and e-mails), no line of the text starts with
# » : ; ? ! and none ends with «, as the booklet sets them; and every
# line of every .eml is at most 76 characters (RFC 2045 6.7 and 6.8,
# RFC 2047 2; but for a header's address or Message-ID longer than
# that alone on its folded line, which cannot be folded), the
# quoted-printable text well formed ("=" then two
# upper-case hex digits, never split; a soft break "=" counted in the
# 76; no space or tab left at a line end) and decoded by Python's quopri
# to the text its email package reads.
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

# rfc DIR: what breaks RFC 2045/2047 line rules in every .eml of DIR,
# then "N e-mails".
rfc() {
	python3 - "$1" <<'PY'
import email, email.policy, glob, os, quopri, re, sys
bad, n = [], 0
qp_ok = re.compile(rb"(?:[\x21-\x3c\x3e-\x7e \t]|=[0-9A-F]{2})*=?")
for f in sorted(glob.glob(os.path.join(sys.argv[1], "*.eml"))):
    n += 1
    name = os.path.basename(f)
    raw = open(f, "rb").read()
    if b"\n" in raw.replace(b"\r\n", b""):
        bad.append(f"{name}: a line ends without CR")
    for i, l in enumerate(raw.split(b"\r\n"), 1):
        # A header folds at white space only: an address or a
        # Message-ID longer than the line stands alone on its folded
        # line, within RFC 5322's 998.
        word = l[:1] in (b" ", b"\t") and len(l.split()) == 1 and len(l) <= 998
        if len(l) > 76 and not word:
            bad.append(f"{name}:{i}: {len(l)} characters: {l[:90]!r}")
    m = email.message_from_bytes(raw, policy=email.policy.default)
    part = m.get_body(("plain",))
    if part["Content-Transfer-Encoding"] != "quoted-printable":
        bad.append(f"{name}: text not quoted-printable")
        continue
    body = part.get_payload(decode=False).encode("ascii")
    for i, l in enumerate(body.split(b"\r\n"), 1):
        if len(l) > 76:
            bad.append(f"{name}: qp line {i}: {len(l)} characters: {l!r}")
        elif not qp_ok.fullmatch(l):
            bad.append(f"{name}: qp line {i} malformed: {l!r}")
        elif l[-1:] in (b" ", b"\t"):
            bad.append(f"{name}: qp line {i} ends with white space: {l!r}")
    text = quopri.decodestring(body).decode("utf-8")
    if text.replace("\r\n", "\n") != part.get_content().replace("\r\n", "\n"):
        bad.append(f"{name}: quopri and email read different texts")
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
	t_eq "$name: every first e-mail in lines of 76 at most, quoted-printable as RFC 2045 says" "$(rfc "$o/campagne")" "$n e-mails"
	SOURCE_DATE_EPOCH=1765064000 A campaign -C "$c" -o "$o" --relance >/dev/null 2>&1
	t_eq "$name: every reminder keeps « » : ; ? ! with their words" "$(check "$o/campagne")" "$n e-mails"
	t_eq "$name: every reminder in lines of 76 at most, quoted-printable as RFC 2045 says" "$(rfc "$o/campagne")" "$n e-mails"
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
