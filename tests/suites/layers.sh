#!/usr/bin/env bash
# layers: the booklet's one-way shape (issue 10, "Structure"): the
# sections (bk_*) over the layout engine (lay_*), over the display list
# and the emitter (pdf.h, pdf_emit*), no include cycle among headers.
# tools/layers.sh lists the includes and calls that go upward.
. "$TOP/tests/lib.sh"

d=$T_TMP/src
mkdir -p "$d"
printf '#include "bk.h"\nvoid\nlay_x(void)\n{\n\tbk_y(); /* bk_z() */\n}\n' >"$d/lay_x.c"
printf '#include "lay.h"\nvoid bk_y(void);\n' >"$d/bk.h"
printf '#include "bk.h"\nvoid lay_x(void);\n' >"$d/lay.h"
printf '#include "lay.h"\nvoid\nbk_y(void)\n{\n\tlay_x();\n}\n' >"$d/bk_y.c"
t_eq "layers finds upward includes and calls, include and call cycles" \
    "$(sh "$TOP/tools/layers.sh" "$d")" "call cycle: bk_y.c lay_x.c bk_y.c
include cycle: bk.h lay.h bk.h
lay.h: includes bk.h (layer 3 > 2)
lay_x.c: includes bk.h (layer 3 > 2)
lay_x.c:5: calls bk_y (layer 3 > 2)"
# The loader's circle of issue 18 (load.c calling load_partner.c calling
# back load_err() in load.c); a static function of the same name in
# another file is no call to it.
d=$T_TMP/load
mkdir -p "$d"
printf 'void\nload_err(void)\n{\n}\nvoid\nload_content(void)\n{\n\tload_partner_read();\n}\n' >"$d/load.c"
printf 'void\nload_partner_read(void)\n{\n\tload_err();\n\tS_x(); helper();\n}\n' >"$d/load_partner.c"
printf 'static void\nhelper(void)\n{\n\tload_content();\n}\n' >"$d/other.c"
printf 'void\tload_err(void);\n' >"$d/load_int.h"
t_eq "layers finds a call cycle between files, static functions aside" \
    "$(sh "$TOP/tools/layers.sh" "$d")" "call cycle: load.c load_partner.c load.c"
out=$(sh "$TOP/tools/layers.sh")
t_eq "src/ goes one way: sections, engine, display list, emitter; no call cycle" "$out" ""
t_done
