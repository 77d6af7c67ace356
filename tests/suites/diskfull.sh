#!/usr/bin/env bash
# diskfull: `annuaire import --apply` and `annuaire campaign` when the
# disk fills up at any one of their writes (ANNUAIRE_FAULT=enospc:N,
# src/fault.h).  After each failure: a non-zero exit, no temporary file
# left, every page still there and whole (check passes), no file of the
# inbox lost; then the same command run again, the disk free, ends where
# a run without a fault ends (same content/ and inbox, byte for byte).
# san: yes
set -u
: "${TOP:=$(cd "$(dirname "$0")/../.." && pwd)}"
. "$TOP/tests/lib.sh"
export LC_ALL=C.UTF-8 TZ=UTC
export SOURCE_DATE_EPOCH=1764464000	# 2025-11-30, the day of the requests
FIX=$TOP/tests/campaign
A() { "$ANNUAIRE" "$@"; }

# snap DIR: every file under DIR with its checksum, one per line.
snap() { (cd "$1" && find . -type f | LC_ALL=C sort | xargs -d '\n' md5sum); }

# The starting point: the example with a campaign prepared, and an
# inbox of three answers (a changed phone, "rien n'a changé", a new
# partner).
S=$T_TMP/start
cp -r "$TOP/content" "$S"
A campaign -C "$S" -o "$T_TMP/o" --echeance 2025-12-31 >/dev/null 2>&1
t_eq "the campaign is prepared" "$?" 0
mkdir -p "$S.inbox"
sed 's/01 99 00 20 08/01 99 00 12 34/; s/^mise_a_jour: .*/mise_a_jour: 2025-12-02/' \
    "$S/partenaires/croix-rouge.md" >"$S.inbox/Fiche Croix Rouge.md"
sed 's/^mise_a_jour: .*/mise_a_jour: 2025-12-01/' "$S/partenaires/soliha.md" \
    >"$S.inbox/soliha.md"
cp "$FIX/nouveau-partenaire.md" "$S.inbox/"
pages=$(cd "$S/partenaires" && ls)

# fresh NAME: a copy of the starting point in $T_TMP/NAME{,.inbox}.
fresh() {
	rm -rf "$T_TMP/$1" "$T_TMP/$1.inbox"
	cp -r "$S" "$T_TMP/$1"
	cp -r "$S.inbox" "$T_TMP/$1.inbox"
}

export SOURCE_DATE_EPOCH=1764664000	# 2025-12-02, the day of the import
fresh ref
A import -C "$T_TMP/ref" --apply "$T_TMP/ref.inbox" >/dev/null 2>&1
t_eq "without a fault, import --apply exits 0" "$?" 0
ref=$(snap "$T_TMP/ref"; echo; snap "$T_TMP/ref.inbox")

n=0 bad_rc= bad_tmp= bad_check= bad_lost= bad_inbox= bad_retry=
for N in $(seq 1 60); do
	fresh f
	ANNUAIRE_FAULT=enospc:$N A import -C "$T_TMP/f" --apply "$T_TMP/f.inbox" \
	    >/dev/null 2>"$T_TMP/f.err"
	rc=$?
	got=$(snap "$T_TMP/f"; echo; snap "$T_TMP/f.inbox")
	# Past the last write the fault never comes: the run is whole.
	[ $rc = 0 ] && [ "$got" = "$ref" ] && break
	n=$((n + 1))
	[ $rc != 0 ] || bad_rc="$bad_rc $N"
	[ -z "$(find "$T_TMP/f" -name '*.tmp-*')" ] || bad_tmp="$bad_tmp $N"
	A check -C "$T_TMP/f" >/dev/null 2>&1 || bad_check="$bad_check $N"
	for p in $pages; do
		[ -f "$T_TMP/f/partenaires/$p" ] || { bad_lost="$bad_lost $N:$p"; }
	done
	for i in "Fiche Croix Rouge.md" soliha.md nouveau-partenaire.md; do
		[ -f "$T_TMP/f.inbox/$i" ] || [ -f "$T_TMP/f.inbox/traités/$i" ] ||
		    bad_inbox="$bad_inbox $N:$i"
	done
	# The disk freed, the same command again.
	A import -C "$T_TMP/f" --apply "$T_TMP/f.inbox" >"$T_TMP/retry.out" 2>&1
	rc=$?
	got=$(snap "$T_TMP/f"; echo; snap "$T_TMP/f.inbox")
	if [ $rc != 0 ] || [ "$got" != "$ref" ]; then
		bad_retry="$bad_retry $N"
		[ -n "${first_retry:-}" ] || {
			first_retry=$N
			diff <(echo "$ref") <(echo "$got") >"$T_TMP/retry.diff"
			cp "$T_TMP/f.err" "$T_TMP/retry.fault.err"
		}
	fi
done
t_check "import --apply writes files, so a full disk can stop it ($n writes)" test "$n" -gt 3
t_eq "a full disk at any write: import exits non-zero" "$bad_rc" ""
t_eq "… no temporary file is left in content/" "$bad_tmp" ""
t_eq "… every page loads (check passes)" "$bad_check" ""
t_eq "… no page is lost" "$bad_lost" ""
t_eq "… no file of the inbox is lost" "$bad_inbox" ""
t_eq "… and import run again ends as a run without a fault" "$bad_retry" ""

[ -z "$bad_retry" ] || {
	echo "# first at write $first_retry; the fault run said:"
	sed 's/^/#   /' "$T_TMP/retry.fault.err"
	echo "# the retry said:"
	sed 's/^/#   /' "$T_TMP/retry.out"
	echo "# difference with the run without a fault:"
	sed 's/^/#   /' "$T_TMP/retry.diff" | head -20
}

# campaign: each of its files whole or absent; run again, the same.
export SOURCE_DATE_EPOCH=1764464000
rm -rf "$T_TMP/cref" "$T_TMP/cref.out"
cp -r "$TOP/content" "$T_TMP/cref"
A campaign -C "$T_TMP/cref" -o "$T_TMP/cref.out" --echeance 2025-12-31 >/dev/null 2>&1
cref=$(snap "$T_TMP/cref"; echo; snap "$T_TMP/cref.out")
n=0 bad_rc= bad_tmp= bad_retry=
for N in $(seq 1 200); do
	rm -rf "$T_TMP/c" "$T_TMP/c.out"
	cp -r "$TOP/content" "$T_TMP/c"
	ANNUAIRE_FAULT=enospc:$N A campaign -C "$T_TMP/c" -o "$T_TMP/c.out" \
	    --echeance 2025-12-31 >/dev/null 2>&1
	rc=$?
	got=$(snap "$T_TMP/c"; echo; snap "$T_TMP/c.out")
	[ $rc = 0 ] && [ "$got" = "$cref" ] && break
	n=$((n + 1))
	[ $rc != 0 ] || bad_rc="$bad_rc $N"
	[ -z "$(find "$T_TMP/c" "$T_TMP/c.out" -name '*.tmp-*')" ] || bad_tmp="$bad_tmp $N"
	A campaign -C "$T_TMP/c" -o "$T_TMP/c.out" --echeance 2025-12-31 >/dev/null 2>&1
	got=$(snap "$T_TMP/c"; echo; snap "$T_TMP/c.out")
	[ "$got" = "$cref" ] || bad_retry="$bad_retry $N"
done
t_check "campaign writes files, so a full disk can stop it ($n writes)" test "$n" -gt 3
t_eq "a full disk at any write: campaign exits non-zero" "$bad_rc" ""
t_eq "… no temporary file is left" "$bad_tmp" ""
t_eq "… and campaign run again ends as a run without a fault" "$bad_retry" ""
t_done
