#!/usr/bin/env bash
# i18n: messages in French (GNU gettext, po/, src/i18n.h).
#  - po/fr.po translates every message of the sources: msgfmt --check,
#    0 untranslated, 0 fuzzy; po/annuaire.pot has exactly the msgids
#    xgettext extracts now; every function that takes a message format
#    is an xgettext keyword (Makefile XGETTEXT_FMT);
#  - French typography in fr.po (U+00A0 before : ; ? ! and inside « »);
#  - with LC_ALL=fr_FR.UTF-8: French help of every command, usage
#    errors, `new` and `build` lines; the diagnostics keep their
#    machine-readable "file:line:col: " prefix and the same positions
#    as in English (over every regress fixture);
#  - the output (site, booklets, campaign's files, report's CSV and
#    suivi.html) is byte-identical in both languages; import's dry run
#    and the commands' last lines are French;
#  - the catalogue is found from a checkout and after an installed
#    copy is moved elsewhere (relocatable).
# The French expected messages of each fixture are checked by regress.sh.
. "$TOP/tests/lib.sh"
A=$ANNUAIRE
export SOURCE_DATE_EPOCH=1521072000
unset LANGUAGE
cd "$TOP" || exit 1

fr_ok=$(locale -a 2>/dev/null | grep -ix 'fr_FR.utf-\{0,1\}8')
no_fr="the locale fr_FR.UTF-8 is not generated (tools/deps.sh does it as root)"
fr() { LC_ALL=fr_FR.UTF-8 "$@"; }
nb=$'\xc2\xa0'	# U+00A0, before ':' and inside « » in French
en() { LC_ALL=C.UTF-8 "$@"; }

# --- the catalogue ---------------------------------------------------------
stats=$(msgfmt --check --statistics -o /dev/null po/fr.po 2>&1); rc=$?
t_eq "po/fr.po: msgfmt --check" "$rc" 0
case $stats in
*untranslated* | *fuzzy*) t_fail "po/fr.po: 0 untranslated, 0 fuzzy" "$stats" ;;
*" translated messages"*) t_ok "po/fr.po: 0 untranslated, 0 fuzzy ($stats)" ;;
*) t_fail "po/fr.po: 0 untranslated, 0 fuzzy" "$stats" ;;
esac

fresh=$T_TMP/fresh.pot
if make -s --no-print-directory -C "$TOP" pot-extract POT_OUT="$fresh" \
    >"$T_TMP/xgettext.log" 2>&1; then
	t_ok "xgettext extracts the messages of src/"
	# msgcmp DEF REF: every msgid of REF is in DEF (translated, unless
	# --use-untranslated).  Both ways: po/annuaire.pot is up to date.
	out=$(msgcmp --use-untranslated po/annuaire.pot "$fresh" 2>&1) &&
	    out2=$(msgcmp --use-untranslated "$fresh" po/annuaire.pot 2>&1) &&
	    t_ok "po/annuaire.pot has the msgids of the sources (else: make pot)" ||
	    t_fail "po/annuaire.pot has the msgids of the sources (else: make pot)" "$out${out2:-}"
	out=$(msgcmp po/fr.po "$fresh" 2>&1) &&
	    t_ok "every message of the sources has a French translation" ||
	    t_fail "every message of the sources has a French translation" "$out"
	warn=$(grep -i 'warning' "$T_TMP/xgettext.log")
	t_eq "xgettext has no warning" "$warn" ""
else
	t_fail "xgettext extracts the messages of src/" "$(tail -20 "$T_TMP/xgettext.log")"
fi

# Every function declared with a printf format attribute either consumes a
# message (then it translates the format, and xgettext must know it as
# NAME:ARG in XGETTEXT_FMT) or builds data (listed here).
out=$(python3 - "$TOP" <<'EOF'
import glob, re, sys
top = sys.argv[1]
data_formatters = {"xasprintf", "buf_printf"}
mk = open(top + "/Makefile").read()
m = re.search(r"^XGETTEXT_FMT\s*=\s*((?:.*\\\n)*.*)$", mk, re.M)
keys = set(m.group(1).replace("\\\n", " ").split()) if m else set()
bad = []
for path in sorted(glob.glob(top + "/src/*.[ch]")):
    src = open(path).read()
    for f in re.finditer(r"(\w+)\s*\([^;{}]*?\)\s*__attribute__\s*\(\(\s*"
                         r"format\s*\(\s*printf\s*,\s*(\d+)", src):
        name, arg = f.group(1), f.group(2)
        if name in data_formatters or "%s:%s" % (name, arg) in keys:
            continue
        bad.append("%s: %s (format argument %s) is not in XGETTEXT_FMT"
                   % (path[len(top) + 1:], name, arg))
print("\n".join(bad))
EOF
)
t_eq "every function taking a message format is an xgettext keyword" "$out" ""

# French typography of every msgstr: U+00A0 before : ; ? ! and inside « »,
# ’ for the apostrophe, « » rather than "..." around a value.  Text
# inside « » is code (« champ: valeur ») and is not checked, nor is the
# "file:LINE:COL: " prefix shown in the help of check.
out=$(msgcat --no-wrap po/fr.po | python3 -c '
import re, sys
NB = "\u00a0"
def unq(s):
    return s[1:-1].replace("\\\"", "\"").replace("\\n", "\n").replace("\\\\", "\\")
bad = []
msgid = None
for line in sys.stdin.read().split("\n"):
    if line.startswith("msgid "):
        msgid = unq(line[6:])
    elif line.startswith("msgstr") and msgid:
        s = unq(line.split(" ", 1)[1])
        t = re.sub(NB + "»", "", re.sub("«" + NB + ".*?" + NB + "»", "«»", s))
        t = re.sub(r"\S+:[A-Z]+:[A-Z]+: ", "", t)
        why = []
        if re.search("[^" + NB + "]:(\\s|$)", t): why.append("colon")
        if re.search("[^" + NB + "][;?!]", t): why.append("; ? !")
        if re.search("«(?!" + NB + ")", s) or re.search("(?<!" + NB + ")»", s):
            why.append("guillemets")
        if re.search("\"%", t): why.append("\"%s\" quotes")
        if re.search("[a-zé]\x27[a-zA-Zéèêàh]", t): why.append("apostrophe")
        if why: bad.append("%s: %s" % (", ".join(why), s[:100]))
print("\n".join(bad))
')
t_eq "po/fr.po follows French typography" "$out" ""

# --- French on the command line ---------------------------------------------
if [ -z "$fr_ok" ]; then
	t_skip "French command line" "$no_fr"
	t_done; exit $?
fi
for c in build check new help campaign import report export; do
	en_help=$(en "$A" help $c) fr_help=$(fr "$A" help $c)
	case $fr_help in
	"utilisation${nb}: annuaire $c"*) [ "$fr_help" != "$en_help" ] &&
	    t_ok "help $c is in French" || t_fail "help $c is in French" "$fr_help" ;;
	*) t_fail "help $c is in French" "$fr_help" ;;
	esac
done
out=$(fr "$A" --help)
case $out in *"Commandes${nb}:"*build*check*new*) t_ok "--help is in French" ;;
*) t_fail "--help is in French" "$out" ;; esac
err=$(fr "$A" build --nope 2>&1 >/dev/null)
t_eq "a usage error is in French" "${err%%$'\n'*}" "annuaire: option inconnue${nb}: --nope"
err=$(fr "$A" frobnicate 2>&1 >/dev/null)
t_eq "an unknown command is in French" "${err%%$'\n'*}" "annuaire: commande inconnue${nb}: frobnicate"

mkdir -p "$T_TMP/n/content/partenaires"
err=$(cd "$T_TMP/n" && fr "$A" new "Secours populaire" 2>&1 >/dev/null)
t_eq "new says what it created, in French" "$err" \
    "annuaire: content/partenaires/secours-populaire.md créé${nb}: remplissez-le, puis lancez «${nb}annuaire check${nb}»"

# The same build in both languages: only the messages differ.
cp -R content "$T_TMP/c"
en "$A" build -C "$T_TMP/c" -o "$T_TMP/o-en" >"$T_TMP/en.log" 2>&1
rc_en=$?
fr "$A" build -C "$T_TMP/c" -o "$T_TMP/o-fr" >"$T_TMP/fr.log" 2>&1
rc_fr=$?
t_eq "the example builds in both languages" "$rc_en $rc_fr" "0 0"
t_eq "build's summary is French" "$(head -1 "$T_TMP/fr.log")" \
    "0 erreur, 0 avertissement dans 29 fiches"
case $(tail -1 "$T_TMP/fr.log") in
"annuaire: fichiers écrits${nb}: $T_TMP/o-fr/edition/site/, $T_TMP/o-fr/edition/livret.pdf, "*)
	t_ok "build says what it wrote, in French" ;;
*) t_fail "build says what it wrote, in French" "$(cat "$T_TMP/fr.log")" ;;
esac
d=$(diff -r -q "$T_TMP/o-en" "$T_TMP/o-fr" 2>&1)
t_eq "site and booklets are byte-identical under fr_FR.UTF-8 (LC_NUMERIC stays C)" "$d" ""

# The files of campaign and report are French or fixed-format whatever the
# language: the same bytes (campagne/, campagne.yaml, suivi.html, the CSV).
cp -R content "$T_TMP/c-en"
cp -R content "$T_TMP/c-fr"
en "$A" campaign -C "$T_TMP/c-en" -o "$T_TMP/k-en" >"$T_TMP/k-en.out" 2>&1
rc_en=$?
fr "$A" campaign -C "$T_TMP/c-fr" -o "$T_TMP/k-fr" >"$T_TMP/k-fr.out" 2>"$T_TMP/k-fr.err"
rc_fr=$?
t_eq "campaign runs in both languages" "$rc_en $rc_fr" "0 0"
d=$(diff -r -q "$T_TMP/k-en" "$T_TMP/k-fr" 2>&1; cmp "$T_TMP/c-en/campagne.yaml" \
    "$T_TMP/c-fr/campagne.yaml" 2>&1)
t_eq "campaign's forms, drafts, CSV and campagne.yaml are byte-identical under fr_FR.UTF-8" "$d" ""
t_eq "campaign says what it wrote, in French" "$(cat "$T_TMP/k-fr.err")" \
    "annuaire: fichiers écrits${nb}: $T_TMP/k-fr/campagne/ et $T_TMP/c-fr/campagne.yaml"
en "$A" report -C "$T_TMP/c-en" -o "$T_TMP/r-en" --format csv >"$T_TMP/r-en.csv" 2>/dev/null
fr "$A" report -C "$T_TMP/c-fr" -o "$T_TMP/r-fr" --format csv >"$T_TMP/r-fr.csv" 2>"$T_TMP/r-fr.err"
d=$(cmp "$T_TMP/r-en.csv" "$T_TMP/r-fr.csv" 2>&1; diff -r -q "$T_TMP/r-en" "$T_TMP/r-fr" 2>&1)
[ -s "$T_TMP/r-en.csv" ] || d="empty CSV"
t_eq "report --format csv and suivi.html are byte-identical under fr_FR.UTF-8" "$d" ""
t_eq "report says what it wrote, in French" "$(cat "$T_TMP/r-fr.err")" \
    "annuaire: page de suivi écrite${nb}: $T_TMP/r-fr/suivi.html"

# import's dry run speaks French: the diff, the invalid file, the summary.
mkdir -p "$T_TMP/in"
sed 's/^telephone:.*/telephone: "01 39 00 00 01"/' \
    content/partenaires/caf-yvelines.md >"$T_TMP/in/caf.md"
printf -- '---\nnom: Nouveau\n---\n' >"$T_TMP/in/x.md"
out=$(fr "$A" import -C "$T_TMP/c-fr" "$T_TMP/in" 2>/dev/null)
t_eq "import's dry run is in French" "$out" \
"Caisse d’allocations familiales des Yvelines (caf-yvelines) ← $T_TMP/in/caf.md
  Téléphone${nb}: «${nb}01 99 00 10 10${nb}» → «${nb}01 39 00 00 01${nb}»
  Mise à jour${nb}: «${nb}2018-01-22${nb}» → «${nb}2018-03-15${nb}» (la date de la réponse${nb}: le fichier donnait 2018-01-22)
invalide${nb}: $T_TMP/in/x.md${nb}: 7 erreurs (ci-dessus), laissé dans le dossier
2 fichiers reçus — modifiés${nb}: 1, confirmés${nb}: 0, nouveaux${nb}: 0, invalides${nb}: 1, refusés${nb}: 0, plus anciens ou identiques${nb}: 0, questions${nb}: 0, conflits${nb}: 0
essai à blanc${nb}: rien n’a été écrit${nb}; pour appliquer${nb}: annuaire import --apply $T_TMP/in"
err=$(fr "$A" export data-inclusion -C "$T_TMP/c-fr" -o "$T_TMP/c-fr/di" 2>&1)
case $err in "annuaire: $T_TMP/c-fr/di est dans le dossier du contenu $T_TMP/c-fr, où rien"*)
	t_ok "export's usage errors are in French" ;;
*) t_fail "export's usage errors are in French" "$err" ;; esac

# Every fixture: French diagnostics keep the machine prefix, and the same
# positions and severities as the English ones, in the same order; and no
# message stays English (a message xgettext did not see, say).
bad=
mkdir -p "$T_TMP/pairs"
for fx in tests/regress/*/; do
	[ -d "$fx/content" ] || continue
	rm -rf "$T_TMP/fx"; cp -R "$fx" "$T_TMP/fx"
	[ -f "$T_TMP/fx/setup" ] && (cd "$T_TMP/fx" && sh ./setup) >/dev/null 2>&1
	n=$(basename "$fx")
	(cd "$T_TMP/fx" && en "$A" check -C content) 2>"$T_TMP/pairs/$n.en" >/dev/null
	(cd "$T_TMP/fx" && fr "$A" check -C content) 2>"$T_TMP/pairs/$n.fr" >/dev/null
	e=$(cd "$T_TMP/fx" && en "$A" check -C content 2>&1 >/dev/null | sed '$d' |
	    sed -E 's/^(([^:]*:)+ )?(error|warning|note): .*/\1\3/')
	f=$(cd "$T_TMP/fx" && fr "$A" check -C content 2>&1 >/dev/null | sed '$d' |
	    sed -E "s/^(([^:]*:)+ )?(erreur|avertissement|remarque)$nb: .*/\\1\\3/" |
	    sed -e 's/erreur$/error/' -e 's/avertissement$/warning/' -e 's/remarque$/note/')
	[ "$e" = "$f" ] || bad="$bad${fx}: $(diff <(echo "$e") <(echo "$f") | head -5)
"
done
t_eq "French diagnostics: same file:line:col and severity as English, every fixture" "$bad" ""
out=$(python3 - "$T_TMP/pairs" <<'EOF'
import glob, re, sys
sev = re.compile(r"^(?:.*?: )?(?:error|warning|note|erreur|avertissement|remarque)\u00a0?: ")
bad = []
for en in sorted(glob.glob(sys.argv[1] + "/*.en")):
    e = open(en, encoding="utf-8").read().splitlines()
    f = open(en[:-3] + ".fr", encoding="utf-8").read().splitlines()
    for a, b in zip(e, f):
        if sev.sub("", a) == sev.sub("", b):
            bad.append("%s: %s" % (en.split("/")[-1][:-3], b))
print("\n".join(bad))
EOF
)
t_eq "no diagnostic or summary stays English in French, every fixture" "$out" ""

# --- where the catalogue is found ---------------------------------------------
# A checkout: ./annuaire beside build/locale/.
mkdir -p "$T_TMP/co/build"
cp "$A" "$T_TMP/co/annuaire"
cp -R "$(dirname "$A")/locale" "$T_TMP/co/build/locale"
out=$(cd "$T_TMP" && fr "$T_TMP/co/annuaire" help check | head -1)
t_eq "a checkout's ./annuaire finds build/locale" "$out" "utilisation${nb}: annuaire check [-C DOSSIER]"

# An installed copy, then moved: its catalogue is ../share/locale.
dest=$T_TMP/dest
if make -s -C "$TOP" install DESTDIR="$dest" PREFIX=/opt/annuaire-i18n \
    >"$T_TMP/install.log" 2>&1; then
	t_ok "make install"
else
	t_fail "make install" "$(tail -20 "$T_TMP/install.log")"
fi
mo=share/locale/fr/LC_MESSAGES/annuaire.mo
[ -f "$dest/opt/annuaire-i18n/$mo" ] && t_ok "make install installs PREFIX/$mo" ||
    t_fail "make install installs PREFIX/$mo"
mv "$dest/opt/annuaire-i18n" "$T_TMP/moved"
out=$(cd "$T_TMP" && fr "$T_TMP/moved/bin/annuaire" help check | head -1)
t_eq "a moved installed copy finds its catalogue (relocatable)" "$out" \
    "utilisation${nb}: annuaire check [-C DOSSIER]"
# Without its catalogue the program speaks English and works.
rm -f "$T_TMP/moved/$mo"
out=$(cd "$T_TMP" && fr "$T_TMP/moved/bin/annuaire" help check | head -1)
t_eq "without its catalogue, English" "$out" "usage: annuaire check [-C DIR]"
t_done
