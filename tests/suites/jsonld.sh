#!/usr/bin/env bash
# jsonld (issue 9 §3): the schema.org JSON-LD of the pages read back in
# Debian's Chromium (tests/browser/jsonld.mjs): on every partner page of
# the example it says what the visible contact block says; the home page
# names the publisher; a partner whose name holds </script>, <!--,
# U+2028 and U+2029 reads back exactly, and nothing of it runs.
. "$TOP/tests/lib.sh"
A=$ANNUAIRE
export SOURCE_DATE_EPOCH=1521072000

if ! "$A" --version >/dev/null 2>&1; then
	t_skip "jsonld suite" "the command line is not built yet"; t_done; exit
fi
t_need_browser "jsonld suite"

"$A" build -q --no-pdf -C "$TOP/content" -o "$T_TMP/ex" 2>"$T_TMP/ex.err"
t_check "example site built" test -f "$T_TMP/ex/edition/site/index.html"

# A hostile partner, on top of the golden fixture's site.yaml.
h=$T_TMP/hostile
mkdir -p "$h/content/partenaires"
cp "$TOP/tests/golden/site/content/site.yaml" "$h/content/"
printf '%s' "Nom </script><script>window.__pwned=1;alert(1)</script><!-- x --> é"$'\u2028'"ligne"$'\u2029'"fin" >"$T_TMP/name"
cat >"$h/content/partenaires/hostile.md" <<'MD'
---
nom: "Nom </script><script>window.__pwned=1;alert(1)</script><!-- x --> é\u2028ligne\u2029fin"
categorie: associatifs
thematiques: [logement]
resume: "Résumé </script><!-- \u2028"
missions:
  - "Mission"
adresse:
  rue: "1 rue </script>"
  code_postal: "78000"
  ville: "Versailles"
telephone: "01 99 00 12 34"
courriel: "hostile@example.org"
mise_a_jour: 2018-03-15
---
MD
"$A" build -q --no-pdf -C "$h/content" -o "$h/out" 2>"$T_TMP/h.err"
t_check "hostile site built" test -f "$h/out/edition/site/partenaires/hostile.html" ||
    sed 's/^/# /' "$T_TMP/h.err"

t_node jsonld.mjs --site "$T_TMP/ex/edition/site" --hostile "$h/out/edition/site" \
    --name "$T_TMP/name"
t_done
