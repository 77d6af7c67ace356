#!/usr/bin/env bash
# articles: names as they read in a sentence (issue 22).  site.yaml's
# editeur.article and coordination.article (le, la, l', les) are checked
# by `check` (file:line:col, in French too), and the name reads with its
# article in the site's footer and "À propos", and in the e-mails of
# `annuaire campaign` ("publié par la Maison de Quartier des Chantiers").
# san: yes
set -u
: "${TOP:=$(cd "$(dirname "$0")/../.." && pwd)}"
. "$TOP/tests/lib.sh"
export LC_ALL=C.UTF-8 TZ=UTC SOURCE_DATE_EPOCH=1764464000
A() { "$ANNUAIRE" "$@"; }

# The example: la Maison de Quartier, la Coordination.
A build -q -C "$TOP/content" -o "$T_TMP/o" >/dev/null 2>&1
t_eq "example builds" "$?" 0
t_check "footer: publié par la Maison de Quartier des Chantiers" \
    grep -q "^Publié par la Maison de Quartier des Chantiers</p>" "$T_TMP/o/edition/site/index.html"
t_check "À propos: La Coordination de l’Outil Partenaires rassemble les fiches" \
    grep -q "<p>La Coordination de l’Outil Partenaires rassemble les fiches" "$T_TMP/o/edition/site/a-propos.html"

cp -r "$TOP/content" "$T_TMP/c"
A campaign -C "$T_TMP/c" -o "$T_TMP/o" --echeance 2025-12-31 >/dev/null 2>&1
if command -v python3 >/dev/null 2>&1; then
	t_eq "e-mail: publié par la Maison de Quartier des Chantiers" "$(python3 -c '
import email, email.policy, sys, re
m = email.message_from_binary_file(open(sys.argv[1], "rb"), policy=email.policy.default)
b = re.sub(r"[ \n\u00a0]+", " ", m.get_body(("plain",)).get_content())
print("publié par la Maison de Quartier des Chantiers" in b)' "$T_TMP/o/campagne/aral.eml")" True
else
	t_skip "e-mail: publié par la Maison de Quartier des Chantiers" "python3 missing"
fi

# Another article: le → "au", "du"; the site says "publié par le …".
cp -r "$TOP/content" "$T_TMP/le"
sed -i '/^editeur:/,/^coordination:/s/^  article: la$/  article: le/; s/"Maison de Quartier des Chantiers"/"Centre social des Chantiers"/' "$T_TMP/le/site.yaml"
A build -q -C "$T_TMP/le" -o "$T_TMP/o-le" >/dev/null 2>&1
t_check "article: le → publié par le Centre social des Chantiers" \
    grep -q "^Publié par le Centre social des Chantiers</p>" "$T_TMP/o-le/edition/site/index.html"
# No article (a proper name): the name alone, as before.
sed -i '/^editeur:/,/^coordination:/{/^  article: /d}' "$T_TMP/le/site.yaml"
A build -q -C "$T_TMP/le" -o "$T_TMP/o-le" >/dev/null 2>&1
t_check "no article: publié par Centre social des Chantiers" \
    grep -q "^Publié par Centre social des Chantiers</p>" "$T_TMP/o-le/edition/site/index.html"

# check: an article that is not one, at its line and column, in French too.
cp -r "$TOP/content" "$T_TMP/bad"
sed -i '/^coordination:/,/^edito:/s/^  article: la$/  article: lo/' "$T_TMP/bad/site.yaml"
line=$(grep -n '^  article: lo$' "$T_TMP/bad/site.yaml" | cut -d: -f1)
A check -C "$T_TMP/bad" >/dev/null 2>"$T_TMP/bad.err"
t_eq "check refuses article: lo (exit 1)" "$?" 1
t_check "… at its line and column, with the accepted values" grep -qF \
    "$T_TMP/bad/site.yaml:$line:12: error: coordination.article: \"lo\" is not one of the accepted values: le, la, l', l’, les" "$T_TMP/bad.err"
LANG=fr_FR.UTF-8 LC_ALL=fr_FR.UTF-8 A check -C "$T_TMP/bad" >/dev/null 2>"$T_TMP/bad-fr.err"
t_check "… in French too" grep -qE "site.yaml:[0-9]+:12: erreur.*coordination.article.*lo.*ne fait pas partie des valeurs acceptées" "$T_TMP/bad-fr.err"
# "la" before a vowel: a warning (French elides it).
sed -i '/^coordination:/,/^edito:/s/^  article: lo$/  article: la/; s/"Coordination de l'"'"'Outil Partenaires"/"Outil Partenaires (coordination)"/' "$T_TMP/bad/site.yaml"
A check -C "$T_TMP/bad" >/dev/null 2>"$T_TMP/warn.err"
t_eq "article la before a vowel: check passes" "$?" 0
t_check "… with a warning at the article" grep -qF \
    "$T_TMP/bad/site.yaml:$line:12: warning: coordination.article: \"la\" before \"Outil Partenaires (coordination)\": French elides it" "$T_TMP/warn.err"
t_done
