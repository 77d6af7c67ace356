#!/bin/sh
# The booklet's one-way shape: each file includes only headers of its
# own layer or below, and no header includes itself through others.
#   4  booklet.c (and main.c)        the booklet end to end
#   3  bk.h bk_*.c                   the sections (cover, contents, partner…)
#   2  lay*.h lay_*.c pdf_qr.[ch]    the layout engine: boxes, pages, text
#                                    (knows no section)
#   1  pdf.h pdf_page.c pdf_emit*    the display list and the emitter
#   0  everything else               libraries (util, model, typo, booklet.h…)
# Calls follow the same rule: a function of the sections (bk_*) is
# called from layer 3 and up only, one of the engine (lay_*, para_*,
# md_*, vbox_*, vlist_*) from layer 2 and up.
# Across all of src/, the files call each other one way too: no call
# cycle among the .c files (a function defined, not static, in column 0
# of one file and called from another is an edge; the loader's files,
# load.c over load_partner.c over load_diag.c, read top-down).
# Prints one line per breach ("file: includes header (layer N > M)",
# "file:line: calls name (layer N > M)"), per include cycle of headers
# and per call cycle of files; nothing when all is well.
#   tools/layers.sh [DIR]      (default: src/ of this checkout)
cd "${1:-$(dirname "$0")/../src}" || exit 1
awk '
function layer(f) {
	if (f == "booklet.c" || f == "main.c") return 4
	if (f == "bk.h" || f ~ /^bk_.*\.c$/) return 3
	if (f ~ /^lay(_.*)?\.[ch]$/ || f ~ /^pdf_qr\.[ch]$/)
		return 2
	if (f == "pdf.h" || f == "pdf_page.c" || f ~ /^pdf_emit.*\.[ch]$/)
		return 1
	return 0
}
FNR == 1 { file = FILENAME; incomment = 0; prev = "" }
{
	# The code of the line, comments left out.
	code = ""; rest = $0
	while (rest != "") {
		if (incomment) {
			if (!(i = index(rest, "*/")))
				break
			rest = substr(rest, i + 2); incomment = 0
		} else {
			if (!(i = index(rest, "/*"))) {
				code = code rest
				break
			}
			code = code substr(rest, 1, i - 1)
			rest = substr(rest, i + 2); incomment = 1
		}
	}
}
/^#include "/ {
	h = $2; gsub(/"/, "", h)
	if (layer(h) > layer(file))
		printf "%s: includes %s (layer %d > %d)\n", file, h,
		    layer(h), layer(file)
	if (file ~ /\.h$/)
		edge[file] = edge[file] " " h
}
{
	line = code
	while (match(line, /(^|[^A-Za-z0-9_])(bk|lay|para|md|vbox|vlist)_[a-z0-9_]*\(/)) {
		name = substr(line, RSTART, RLENGTH - 1)
		sub(/^[^A-Za-z]/, "", name)
		line = substr(line, RSTART + RLENGTH)
		need = name ~ /^bk_/ ? 3 : 2
		if (need > layer(file))
			printf "%s:%d: calls %s (layer %d > %d)\n", file, FNR,
			    name, need, layer(file)
	}
}
# Calls between files: definitions (not static) and every name( called.
file ~ /\.c$/ && match($0, /^[a-z_][a-z0-9_]*\(/) && prev !~ /^static/ {
	def[substr($0, 1, RLENGTH - 1)] = file
}
file ~ /\.c$/ {
	line = code
	while (match(line, /(^|[^A-Za-z0-9_.>])[a-z][a-z0-9_]*\(/)) {
		name = substr(line, RSTART, RLENGTH - 1)
		sub(/^[^a-z]/, "", name)
		line = substr(line, RSTART + RLENGTH)
		called[file, name] = 1
	}
}
{ prev = $0 }
function cvisit(f, path,    n, i, m, v, c) {
	if (f in cdone) return
	if (f in conpath) {
		# Only the cycle: from the first place of f on the path.
		c = substr(path " ", index(path " ", " " f " ")) f
		# Told once, from its first file in the order of names.
		n = split(c, v, " ")
		for (m = i = 1; i < n; i++)
			if (v[i] < v[m])
				m = i
		c = ""
		for (i = 0; i < n - 1; i++)
			c = c " " v[(m - 1 + i) % (n - 1) + 1]
		c = c " " v[m]
		if (!(c in cseen)) {
			cseen[c] = 1
			printf "call cycle:%s\n", c
		}
		return
	}
	conpath[f] = 1
	n = split(cedge[f], v, " ")
	for (i = 1; i <= n; i++)
		cvisit(v[i], path " " f)
	delete conpath[f]
	cdone[f] = 1
}
function visit(h, path,    n, i, v, k) {
	if (h in done) return
	if (h in onpath) {
		if (!((path " " h) in seen)) {
			seen[path " " h] = 1
			printf "include cycle:%s %s\n", path, h
		}
		return
	}
	onpath[h] = 1
	n = split(edge[h], v, " ")
	for (i = 1; i <= n; i++)
		visit(v[i], path " " h)
	delete onpath[h]
	done[h] = 1
}
END {
	for (k in edge) visit(k, "")
	for (k in called) {
		split(k, a, SUBSEP)
		if ((a[2] in def) && def[a[2]] != a[1] &&
		    !((a[1], def[a[2]]) in ce)) {
			ce[a[1], def[a[2]]] = 1
			cedge[a[1]] = cedge[a[1]] " " def[a[2]]
		}
	}
	for (k in cedge) cvisit(k, "")
}
' *.c *.h | sort
