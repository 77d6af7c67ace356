#!/usr/bin/env bash
# options (issue 24): every option of every command does something a
# test sees — one test per option that fails when the option is made to
# do nothing (tests/mutants/out-options.mut lists those mutants).  The
# options most suites already cover (build -C/-o/-q/--bleed/...; import
# --apply/--force) are not repeated here; this suite holds the rest.
# san: yes
set -u
. "$TOP/tests/lib.sh"
export LC_ALL=C.UTF-8 TZ=UTC
T0=1764464000		# 2025-11-30
T1=1765064000		# 2025-12-06
export SOURCE_DATE_EPOCH=$T0
A() { "$ANNUAIRE" "$@"; }
# emls DIR: the slugs of the drafts in DIR/campagne, sorted, on one line.
emls() { (cd "$1/campagne" 2>/dev/null && ls *.eml 2>/dev/null) | sed 's/\.eml$//' | sort | tr '\n' ' '; }

# ---- campaign --only --------------------------------------------------------
C=$T_TMP/c
cp -r "$TOP/content" "$C"
# Two pages not updated for this edition (2018): "stale".
sed -i 's/^mise_a_jour: 2018-/mise_a_jour: 2017-/' "$C/partenaires/tad.md" "$C/partenaires/caf-yvelines.md"
stale="caf-yvelines tad "
attente=$(grep -l '^suivi: en_attente' "$C"/partenaires/*.md | xargs -n1 basename | sed 's/\.md$//' | sort | tr '\n' ' ')
[ -n "$attente" ] || t_fail "fixture: some pages are en_attente"
for w in stale ancienne; do
	rm -rf "$T_TMP/o-$w"; cp -r "$C" "$T_TMP/c-$w"
	A campaign -C "$T_TMP/c-$w" -o "$T_TMP/o-$w" --only $w --echeance 2025-12-31 >/dev/null 2>"$T_TMP/e"
	t_eq "campaign --only $w: the pages older than the edition, no other" "$(emls "$T_TMP/o-$w")" "$stale"
done
cp -r "$C" "$T_TMP/c-att"
A campaign -C "$T_TMP/c-att" -o "$T_TMP/o-att" --only en_attente --echeance 2025-12-31 >/dev/null 2>&1
t_eq "campaign --only en_attente: the pages marked en_attente, no other" "$(emls "$T_TMP/o-att")" "$attente"
cp -r "$C" "$T_TMP/c-mix"
A campaign -C "$T_TMP/c-mix" -o "$T_TMP/o-mix" --only stale,en_attente --echeance 2025-12-31 >/dev/null 2>&1
t_eq "campaign --only stale,en_attente: both" "$(emls "$T_TMP/o-mix")" \
    "$(printf '%s\n' $stale $attente | sort -u | tr '\n' ' ')"
# sans_reponse: asked on T0 (two of them), not answered by T1.
cp -r "$C" "$T_TMP/c-sr"
A campaign -C "$T_TMP/c-sr" -o "$T_TMP/o-sr0" --echeance 2025-12-31 rive aral >/dev/null 2>&1
SOURCE_DATE_EPOCH=$T1 A campaign -C "$T_TMP/c-sr" -o "$T_TMP/o-sr" --only sans_reponse >"$T_TMP/sr.out" 2>&1
t_eq "campaign --only sans_reponse: the partners asked and not answered" "$(emls "$T_TMP/o-sr")" "aral rive "
t_eq "…each a reminder" "$(grep -c ' relance ' "$T_TMP/sr.out")" 2
SOURCE_DATE_EPOCH=$T1 A campaign -C "$T_TMP/c-sr" -o "$T_TMP/o-rl" --relance >"$T_TMP/rl.out" 2>&1
t_eq "campaign --relance: only the partners asked before, never the others" "$(emls "$T_TMP/o-rl")" "aral rive "

# ---- -C and -o of every command, run from a folder without content/ -------
G=$TOP/tests/golden/site/content
W=$T_TMP/w
mkdir -p "$W/cwd"
cp -r "$G" "$W/content"
sed '/^sigle:/d; s/^nom: .*/nom:/' "$G/partenaires/epicerie.md" >"$W/bad.md"
cp -r "$G" "$W/bad"; cp "$W/bad.md" "$W/bad/partenaires/epicerie.md"
cd "$W/cwd"
A check -C "$W/bad" >/dev/null 2>"$W/check.err"
t_eq "check -C DIR: checks DIR (exit 1 on its error)" "$?" 1
t_check "…naming DIR's page" grep -q "$W/bad/partenaires/epicerie.md:" "$W/check.err"
A new -C "$W/content" "Nouveau partenaire" >"$W/new.out" 2>/dev/null
t_eq "new -C DIR: the page lands in DIR/partenaires/" "$(cat "$W/new.out")" "$W/content/partenaires/nouveau-partenaire.md"
rm -f "$W/content/partenaires/nouveau-partenaire.md"
# The name as written, even with quotes, a backslash and control
# characters (made spaces): the page loads and carries it.
A new -C "$W/content" "$(printf 'Le \\ "Bon"\037Accueil\tici')" >"$W/new2.out" 2>"$W/new2.err"
t_eq "new: a name with \" \\ and control characters (exit 0)" "$?" 0
t_check "…its page holds the name, quoted for YAML" \
    grep -qF 'nom: "Le \\ \"Bon\" Accueil ici"' "$W/content/partenaires/le-bon-accueil-ici.md"
A new -C "$W/content" "$(printf 'Le \\ "Bon"\037Accueil\tici')" >/dev/null 2>"$W/new3.err"
t_eq "new: the same name again is refused (exit 1)" "$?" 1
t_check "…saying the page exists" grep -q "le-bon-accueil-ici.md: error: this page already exists" "$W/new3.err"
rm -f "$W/content/partenaires/le-bon-accueil-ici.md"
A report -C "$W/content" -o "$W/rep" >"$W/report.out" 2>/dev/null
t_eq "report -C DIR -o OUT: exit 0" "$?" 0
t_check "…OUT/suivi.html written" test -s "$W/rep/suivi.html"
t_check "…about DIR's partners" grep -q epicerie "$W/rep/suivi.html"
A report -C "$W/content" -o "$W/rep" --format text >"$W/rep.txt" 2>/dev/null
A report -C "$W/content" -o "$W/rep" --format csv >"$W/rep.csv" 2>/dev/null
t_eq "report --format csv: a CSV (a BOM, then the ';'-separated header)" \
    "$(head -c 3 "$W/rep.csv" | od -An -tx1 | tr -d ' ')$(head -1 "$W/rep.csv" | tail -c +4 | cut -d';' -f1-3)" "efbbbfnom;slug;etat"
t_check "report --format text: not a CSV" sh -c "! grep -q '^nom;slug' '$W/rep.txt'"
A export data-inclusion -C "$TOP/content" -o "$W/di" >"$W/di.out" 2>&1
t_eq "export -C DIR -o OUT: exit 0" "$?" 0
t_check "…OUT/structures.json about DIR's partners" grep -q '"mdq-chantiers--caf-yvelines"' "$W/di/structures.json"
t_check "…said so" grep -q "wrote $W/di/structures.json" "$W/di.out"
A export data-inclusion -q -C "$TOP/content" -o "$W/di" >"$W/di-q.out" 2>&1
t_eq "export -q: silent" "$(cat "$W/di-q.out")" ""
mkdir -p "$W/inbox"
A import -C "$W/content" "$W/inbox" >"$W/imp.out" 2>&1
t_eq "import -C DIR INBOX (dry run, empty inbox): exit 0" "$?" 0
cd "$TOP"

# ---- campaign --theme --------------------------------------------------------
mkdir -p "$T_TMP/th/campagne"
sed 's/^Bonjour,$/Bonjour-de-test,/' "$TOP/themes/default/campagne/courriel.mustache" >"$T_TMP/th/campagne/courriel.mustache"
cp -r "$C" "$T_TMP/c-th"
A campaign -C "$T_TMP/c-th" -o "$T_TMP/o-th" --theme "$T_TMP/th" --echeance 2025-12-31 tad >/dev/null 2>"$T_TMP/th.err"
t_eq "campaign --theme DIR: exit 0" "$?" 0
t_check "…the e-mail from DIR's courriel.mustache" grep -q "Bonjour-de-test" "$T_TMP/o-th/campagne/tad.eml"

# ---- --no-wait of build (campaign, import, report: safety.sh) ---------------
if command -v flock >/dev/null 2>&1 && command -v timeout >/dev/null 2>&1; then
	cp -r "$G" "$T_TMP/lk"
	flock -o "$T_TMP/lk" sleep 20 >/dev/null 2>&1 &
	p1=$!
	sleep 0.3
	timeout 5 "$ANNUAIRE" build -q --no-pdf --no-wait -C "$T_TMP/lk" -o "$T_TMP/lk-out" >/dev/null 2>&1
	t_eq "build --no-wait while another writes: exit 2 at once" "$?" 2
	kill $p1; wait $p1 2>/dev/null
else
	t_skip "build --no-wait" "no flock(1) or timeout(1)"
fi

# ---- campaign --force: a deadline already past ------------------------------
cp -r "$TOP/content" "$T_TMP/c-f"
SOURCE_DATE_EPOCH=$T1 A campaign -C "$T_TMP/c-f" -o "$T_TMP/o-f" --echeance 2025-12-01 tad >/dev/null 2>"$T_TMP/f.err"
t_eq "campaign --echeance in the past: refused (exit 2)" "$?" 2
SOURCE_DATE_EPOCH=$T1 A campaign -C "$T_TMP/c-f" -o "$T_TMP/o-f" --echeance 2025-12-01 --force tad >/dev/null 2>"$T_TMP/f.err"
t_eq "campaign --force: the past deadline kept (exit 0)" "$?" 0
t_check "…and recorded" grep -qx 'echeance: 2025-12-01' "$T_TMP/c-f/campagne.yaml"
cp -r "$TOP/content" "$T_TMP/c-f2"
SOURCE_DATE_EPOCH=$T1 A campaign -C "$T_TMP/c-f2" -o "$T_TMP/o-f2" --echeance 2025-12-06 tad >/dev/null 2>"$T_TMP/f2.err"
t_eq "campaign --echeance today: not past (exit 0)" "$?" 0

# ---- import --take: a conflict settled for the partner's value ----------
# (--keep, --accept, --as-new: year.sh).  c3f: the coordinator and the
# partner both changed public since the request.
K=$T_TMP/c-take
cp -r "$TOP/content" "$K"; mkdir -p "$T_TMP/in-take"
A campaign -C "$K" -o "$T_TMP/o-take" --echeance 2025-12-31 c3f >/dev/null 2>&1
sed -i 's/^public: .*/public: "Familles (coordination)."/' "$K/partenaires/c3f.md"
sed 's/^public: .*/public: "Familles (partenaire)."/' "$K/campagne-envois/c3f.md" >"$T_TMP/in-take/c3f.md"
SOURCE_DATE_EPOCH=$T1 A import -C "$K" --apply "$T_TMP/in-take" >/dev/null 2>&1
t_eq "import --apply: a conflict left as it is" "$(sed -n 's/^public: //p' "$K/partenaires/c3f.md")" '"Familles (coordination)."'
SOURCE_DATE_EPOCH=$T1 A import -C "$K" --apply --take c3f:public "$T_TMP/in-take" >/dev/null 2>&1
t_eq "import --take c3f:public: the partner's value taken" "$(sed -n 's/^public: //p' "$K/partenaires/c3f.md")" '"Familles (partenaire)."'

# ---- serve --port at its edges (no server started) ---------------------
for p in 0 65536; do
	timeout 10 "$ANNUAIRE" serve -C "$TOP/tests/golden/site/content" --port $p >/dev/null 2>"$T_TMP/port.err"
	t_eq "serve --port $p: a usage error (exit 2)" "$?" 2
	t_check "…saying the range" grep -q -- "--port takes a number from 1 to 65535, not '$p'" "$T_TMP/port.err"
done

# ---- serve: -C, -o, --theme, --port, --bind, --open, --poll -------------------
# Run from a folder with no content/ nor out/ (the defaults), so -C and
# -o must be obeyed; a fake xdg-open records what --open opens.
if command -v curl >/dev/null 2>&1 && command -v python3 >/dev/null 2>&1; then
	S=$T_TMP/serve
	mkdir -p "$S/cwd" "$S/out/campagne" "$S/bin" "$S/theme" "$S/tmp"
	cp -r "$TOP/tests/golden/site/content" "$S/content"
	echo '<!DOCTYPE html><title>Formulaire</title>' >"$S/out/campagne/caf.html"
	echo secret >"$S/out/campagne/.secret"
	printf '#!/bin/sh\necho "$1" >>"%s/opened"\n' "$S" >"$S/bin/xdg-open"
	chmod +x "$S/bin/xdg-open"
	{ cat "$TOP/themes/default/index.mustache"; echo '<!-- theme-de-test -->'; } >"$S/theme/index.mustache"
	port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.2", 0)); print(s.getsockname()[1])')
	(cd "$S/cwd" && PATH=$S/bin:$PATH TMPDIR=$S/tmp exec "$ANNUAIRE" serve -C "$S/content" -o "$S/out" \
	    --theme "$S/theme" --port "$port" --bind 127.0.0.2 --open --poll) >"$S/log" 2>&1 &
	pid=$!
	for i in $(seq 1 300); do
		grep -q 'built in\|errors in the content' "$S/log" && break
		kill -0 $pid 2>/dev/null || break
		sleep 0.1
	done
	U=http://127.0.0.2:$port/
	t_check "serve --port N --bind ADDR: the URL says both" grep -q "preview at $U" "$S/log"
	code() { curl -s -o /dev/null -w '%{http_code}' "$@"; }
	t_eq "…and answers there" "$(code "$U")" 200
	t_eq "serve -C DIR: its partners' pages are served" "$(code "${U}partenaires/caf.html")" 200
	t_eq "serve -o OUT: OUT/campagne/ is served" "$(code "${U}campagne/caf.html")" 200
	lang() { curl -s -H "Accept-Language: $1" "${U}_annuaire/" | grep -o '<html lang="[a-z]*"' | head -1; }
	t_eq "serve: the coordinator's page in French when fr and en are liked alike" "$(lang 'en, fr')" '<html lang="fr"'
	t_eq "…in English when en is liked more" "$(lang 'en, fr;q=0.5')" '<html lang="en"'
	t_eq "serve: a hidden file is not served (404)" "$(code "${U}campagne/.secret")" 404
	t_eq "serve: a path with .. is refused (400)" "$(code --path-as-is "${U}campagne/../../etc/passwd")" 400
	t_check "serve --theme DIR: the pages come from that theme" sh -c "curl -s '$U' | grep -q theme-de-test"
	t_check "serve --poll: it polls" grep -q '(polling)' "$S/log"
	for i in $(seq 1 50); do [ -s "$S/opened" ] && break; sleep 0.1; done
	t_eq "serve --open: the URL opened with xdg-open" "$(cat "$S/opened" 2>/dev/null)" "$U"
	kill -INT $pid; wait $pid 2>/dev/null
else
	t_skip "serve options" "curl or python3 missing"
fi

t_done
