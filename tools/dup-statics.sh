#!/bin/sh
# List the names of static functions defined in more than one src/*.c,
# with their files: each should have one name, so that grep '^name('
# finds one definition.  Prints nothing when every name is unique.
#   tools/dup-statics.sh [DIR]      (default: src/ of this checkout)
cd "${1:-$(dirname "$0")/../src}" || exit 1
awk 'FNR == 1 { prev = "" }
    prev ~ /^static/ && match($0, /^S_[A-Za-z0-9_]+\(/) && $0 !~ /;[ \t]*$/ {
	print substr($0, 1, RLENGTH - 1), FILENAME
    }
    { prev = $0 }' *.c | sort -u |
    awk '{ n[$1]++; f[$1] = f[$1] " " $2 }
	END { for (k in n) if (n[k] > 1) print k ":" f[k] }' | sort
