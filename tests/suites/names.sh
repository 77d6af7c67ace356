#!/usr/bin/env bash
# names: every static function of src/ has a name of its own (issue 11,
# "one meaning per name"), so that grep '^name(' finds one definition.
# tools/dup-statics.sh lists the names defined in more than one file.
. "$TOP/tests/lib.sh"

d=$T_TMP/src
mkdir -p "$d"
printf 'static int\nS_same(void)\n{\n\treturn 1;\n}\n' >"$d/a.c"
printf 'static void\nS_same(int x)\n{\n\t(void)x;\n}\n' >"$d/b.c"
printf 'static int\nS_own(void);\n' >"$d/c.c"
t_eq "dup-statics finds a name defined in two files (and not a prototype)" \
    "$(sh "$TOP/tools/dup-statics.sh" "$d")" "S_same: a.c b.c"
out=$(sh "$TOP/tools/dup-statics.sh")
t_eq "no static name is defined in two files of src/" "$out" ""
t_done
