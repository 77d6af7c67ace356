#!/bin/sh
# make bench: time `annuaire build` on the example content and on
# synthetic editions of 300 and 1000 partners (copies of the example
# pages under new slugs).  Prints a table and writes it to
# build/bench/results.txt.  Measures; asserts nothing.
#   BENCH_RUNS=5 (runs per size)   BENCH_SIZES="30 300 1000"
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
bin=$top/annuaire
runs=${BENCH_RUNS:-5}
sizes=${BENCH_SIZES:-"30 300 1000"}
work=$top/build/bench
rm -rf "$work"; mkdir -p "$work"
export SOURCE_DATE_EPOCH=1514764800 LC_ALL=C.UTF-8

# gen N DIR: an edition of about N partners made from the example pages.
gen() { sh "$top/bench/gen.sh" "$1" "$2"; }

now() { date +%s%N; }

printf '%-10s %-6s %12s %12s %12s\n' partners runs "min ms" "median ms" "max ms" | tee "$work/results.txt"
for n in $sizes; do
	if [ "$n" -le 30 ]; then dir=$top/content; else dir=$work/content-$n; gen "$n" "$dir"; fi
	count=$(ls "$dir/partenaires" | wc -l)
	"$bin" build -q -C "$dir" -o "$work/out-$n" >/dev/null 2>&1 || {
		echo "bench: build of $count partners failed:" >&2
		"$bin" build -q -C "$dir" -o "$work/out-$n" 2>&1 | tail -5 >&2
		exit 1
	}
	: >"$work/times-$n"
	r=0
	while [ $r -lt "$runs" ]; do
		t0=$(now); "$bin" build -q -C "$dir" -o "$work/out-$n" >/dev/null 2>&1; t1=$(now)
		echo $(( (t1 - t0) / 1000000 )) >>"$work/times-$n"
		r=$((r + 1))
	done
	sort -n "$work/times-$n" | awk -v n="$count" -v r="$runs" '
		{ v[NR] = $1 }
		END { printf "%-10s %-6s %12d %12d %12d\n", n, r, v[1], v[int((NR + 1) / 2)], v[NR] }' |
	    tee -a "$work/results.txt"
done
if command -v valgrind >/dev/null 2>&1; then
	ir=$(valgrind --tool=callgrind --callgrind-out-file=/dev/null "$bin" build -q \
	    -C "$top/content" -o "$work/out-cg" 2>&1 | sed -n 's/.*Collected : *//p')
	echo "instructions (callgrind, example content): $ir" | tee -a "$work/results.txt"
fi
