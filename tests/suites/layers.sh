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
t_eq "layers finds upward includes and calls, and include cycles" \
    "$(sh "$TOP/tools/layers.sh" "$d")" "include cycle: bk.h lay.h bk.h
lay.h: includes bk.h (layer 3 > 2)
lay_x.c: includes bk.h (layer 3 > 2)
lay_x.c:5: calls bk_y (layer 3 > 2)"
out=$(sh "$TOP/tools/layers.sh")
t_eq "src/ goes one way: sections, engine, display list, emitter" "$out" ""
t_done
