#!/usr/bin/env bash
# paste: a page sent back with its presentation pasted from Word ("•\t",
# "o\t", U+F0B7 and "1.\t" lines, a tab-led line, zero-width spaces, soft
# hyphens) is imported as what the partner meant (src/paste.c): the dry
# run notes each kind of change, --apply writes Markdown lists, and
# `check` and `build` of the content then say nothing (before, the tab-led
# lines were a grey code block and build warned about U+F0B7).  The same
# rules run in the form (tests/browser/form.mjs, tests/paste-cases.tsv).
# san: yes
set -u
: "${TOP:=$(cd "$(dirname "$0")/../.." && pwd)}"
. "$TOP/tests/lib.sh"
export LC_ALL=C.UTF-8 TZ=UTC
export SOURCE_DATE_EPOCH=1764464000	# 2025-11-30
A() { "$ANNUAIRE" "$@"; }
C=$T_TMP/content I=$T_TMP/inbox O=$T_TMP/out
cp -r "$TOP/content" "$C"
mkdir -p "$I"
# The page as the partner sent it: the example's, another presentation.
sed '/^---$/q' "$C/partenaires/aejf.md" >"$T_TMP/head"
{ sed -n '1p' "$T_TMP/head"; sed -n '2,$p' "$C/partenaires/aejf.md" | sed '/^---$/q'
  printf 'L\xe2\x80\x99association propose\xc2\xa0:\n'
  printf '\xe2\x80\xa2\tun accueil \xc3\xa0 la journ\xc3\xa9e\n'
  printf 'o\tsur rendez-vous\n'
  printf 'o\tsans rendez-vous\n'
  printf '\xef\x82\xb7\tdes ateliers d\xe2\x80\x99ac\xc2\xadcompagnement\n'
  printf '\tun soutien scolaire\n'
  printf 'Pour venir\xe2\x80\x8b :\n'
  printf '1.\tappelez\n'
  printf '2.\tvenez\n'
  printf 'Merci.\n'
} | sed 's/^mise_a_jour: .*/mise_a_jour: 2025-12-01/' >"$I/aejf.md"
t_check "the returned page loads (check reads it)" grep -q 'ateliers' "$I/aejf.md"

A import -C "$C" "$I" >"$T_TMP/dry.out" 2>"$T_TMP/dry.err"
t_eq "the dry run exits 0" "$?" 0
t_check "the dry run notes the bullets made a list" \
    grep -qx '  text pasted from Word: 4 bullets made list items' "$T_TMP/dry.out"
t_check "the dry run notes the numbered lines" \
    grep -qx '  text pasted from Word: 2 numbered lines made list items' "$T_TMP/dry.out"
t_check "the dry run notes the tab-led line" \
    grep -qF '  text pasted from Word: 1 indented line made a list item' "$T_TMP/dry.out"
t_check "the dry run notes the invisible characters" \
    grep -qF '  text pasted from Word: 2 invisible characters removed' "$T_TMP/dry.out"
LANG=fr_FR.UTF-8 LC_ALL=fr_FR.UTF-8 A import -C "$C" "$I" >"$T_TMP/dry.fr" 2>&1
if locale -a 2>/dev/null | grep -qix 'fr_FR.utf-\{0,1\}8'; then
	t_check "in French: « texte collé depuis Word : 4 puces changées en liste »" \
	    grep -qx "  texte collé depuis Word$(printf '\xc2\xa0'): 4 puces changées en liste" "$T_TMP/dry.fr"
else
	t_skip "the note in French" "locale fr_FR.UTF-8 not generated"
fi

A import -C "$C" --apply "$I" >"$T_TMP/apply.out" 2>"$T_TMP/apply.err"
t_eq "--apply exits 0" "$?" 0
P=$C/partenaires/aejf.md
t_eq "the presentation is written as Markdown lists" "$(sed '1,/^---$/d' "$P")" \
"$(printf 'L\xe2\x80\x99association propose\xc2\xa0:\n\n- un accueil \xc3\xa0 la journ\xc3\xa9e\n  - sur rendez-vous\n  - sans rendez-vous\n- des ateliers d\xe2\x80\x99accompagnement\n- un soutien scolaire\n\nPour venir :\n\n1. appelez\n2. venez\n\nMerci.')"
t_eq "no tab, U+F0B7, zero-width space or soft hyphen is left in the page" \
    "$(grep -c -P '\t|\x{f0b7}|\x{200b}|\x{00ad}' "$P")" 0
A check -C "$C" >"$T_TMP/check.out" 2>&1
t_eq "check after the import: no warning about the page" "$(grep -c 'aejf' "$T_TMP/check.out")" 0
A build -C "$C" -o "$O" >"$T_TMP/build.out" 2>&1
t_eq "build exits 0" "$?" 0
t_eq "build after the import: no warning about the page" "$(grep -c 'aejf' "$T_TMP/build.out")" 0
h=$O/edition/site/partenaires/aejf.html
t_check "the site shows a list, nested" grep -qF '<li>un accueil à la journée' "$h"
t_eq "the site shows no code block for the page" "$(grep -c '<pre' "$h")" 0
t_check "the booklet holds the items on their own lines" \
    sh -c "pdftotext '$O/edition/livret.pdf' - | grep -q 'sur rendez-vous\$'"

t_check "(the fixture holds U+F0B7, the character build warned about)" grep -qP '\x{f0b7}' "$I/traités/aejf.md"
t_done
