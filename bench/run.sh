#!/bin/sh
# make bench: how long annuaire takes, and how much memory, on synthetic
# editions of N partners (bench/gen.sh), beside Hugo building the same
# pages (bench/hugo/) and `cat *.md | cmark`, the floor of any Markdown
# site.  Per N: the full build (site + livret.pdf + livret-impression.pdf),
# the site alone (--no-pdf), the phases of `annuaire build --timings`,
# the booklet's pages and pages per second; medians of BENCH_RUNS runs;
# then `annuaire campaign` asking every partner (one run: its time and
# the total size of out/campagne/, forms and e-mail drafts); and the
# example edition (content/) built in full, BENCH_RUNS times.  The
# table "Issue 23" gathers the figures the issue sets targets for.
# Measures; asserts nothing.  Writes bench/RESULTS.md (generated: never
# edit it by hand) and keeps the raw figures in build/bench/.
#   BENCH_SIZES="1000 10000"   (100000 works: the no-cap target, minutes);
#                              make bench SIZES="..." sets it
#   BENCH_RUNS=3               runs per measure (the median is reported);
#                              a size written N:R is run R times
#   BENCH_OUT=bench/RESULTS.md where the results go
#   BENCH_WORK=build/bench     generated editions, outputs, raw figures
#   ANNUAIRE=./annuaire        the program measured
#   BENCH_CAMPAIGN_MAX=10000   no campaign above this many partners (its
#                              forms and drafts take ~240 KB a partner:
#                              24 GB at 100 000)
# Hugo and cmark are optional: skipped with a message when absent.
# Peak memory comes from /usr/bin/time (GNU time) when installed, else
# from python3's getrusage of the child, else it is not reported.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
bin=${ANNUAIRE:-$top/annuaire}
runs=${BENCH_RUNS:-3}
sizes=${BENCH_SIZES:-"1000 10000"}
camp_max=${BENCH_CAMPAIGN_MAX:-10000}
results=${BENCH_OUT:-$top/bench/RESULTS.md}
work=${BENCH_WORK:-$top/build/bench}
export SOURCE_DATE_EPOCH=1514764800 LC_ALL=C.UTF-8
mkdir -p "$work"

say() { echo "bench: $*" >&2; }

[ -x "$bin" ] || { say "$bin is not built (run make)"; exit 2; }
have_hugo=0 have_cmark=0
if command -v hugo >/dev/null 2>&1; then have_hugo=1; else
	say "hugo not installed: its column is skipped (Debian: apt-get install hugo)"
fi
if command -v cmark >/dev/null 2>&1; then have_cmark=1; else
	say "cmark not installed: the floor is skipped (Debian: apt-get install cmark)"
fi
command -v pdfinfo >/dev/null 2>&1 ||
	say "pdfinfo not installed: booklet pages are not counted (poppler-utils)"
if [ -x /usr/bin/time ] && /usr/bin/time -f '%e' true >/dev/null 2>&1; then
	meter='time'
elif command -v python3 >/dev/null 2>&1; then
	meter=python
else
	meter='date'
	say "neither GNU time nor python3: peak memory is not reported"
fi

# measure FILE CMD...: runs CMD (its stdout and stderr to FILE.out and
# FILE.err) and appends "seconds peak_kb user_s sys_s" to FILE.  Fails
# if CMD fails.
measure() {
	f=$1; shift
	case $meter in
	time)
		/usr/bin/time -o "$f.t" -f '%e %M %U %S' "$@" >"$f.out" 2>"$f.err" ||
		    return 1
		cat "$f.t" >>"$f" ;;
	python)
		python3 -c '
import resource, subprocess, sys, time
t = time.monotonic()
with open(sys.argv[2], "wb") as o, open(sys.argv[3], "wb") as e:
    r = subprocess.call(sys.argv[4:], stdout=o, stderr=e)
t = time.monotonic() - t
u = resource.getrusage(resource.RUSAGE_CHILDREN)
open(sys.argv[1], "a").write("%.2f %d %.2f %.2f\n" % (t, u.ru_maxrss,
    u.ru_utime, u.ru_stime))
sys.exit(r)' "$f" "$f.out" "$f.err" "$@" || return 1 ;;
	*)
		t0=$(date +%s%N)
		"$@" >"$f.out" 2>"$f.err" || return 1
		t1=$(date +%s%N)
		awk -v d=$((t1 - t0)) 'BEGIN { printf "%.2f - 0 0\n", d / 1e9 }' >>"$f" ;;
	esac
}

# median FILE COLUMN: the median of a column of numbers; column "cpu"
# is user + system time.
median() {
	awk -v c="$2" '{ print c == "cpu" ? $3 + $4 : $c }' "$1" | sort -n |
	    awk '{ v[NR] = $1 } END { if (NR) print v[int((NR + 1) / 2)]; else print 0 }'
}

# phase_medians TIMINGS OUT: per phase of the runs' --timings lines, in
# the order of the first run, the medians "phase wall-ms peak-MB cpu-ms"
# into OUT.
phase_medians() {
	: >"$2"
	awk '{ print $2 }' "$1" | awk '!seen[$0]++' |
	while read -r ph; do
		awk -v p="$ph" '$2 == p { print $3, $11, $5 }' "$1" >"$work/ph.tmp"
		printf '%s %s %s %s\n' "$ph" "$(median "$work/ph.tmp" 1)" \
		    "$(median "$work/ph.tmp" 2)" "$(median "$work/ph.tmp" 3)" \
		    >>"$2"
	done
}

# Keeps the "timing:" lines of each run of NAME, then their medians.
timings_add() { grep '^timing: ' "$work/$1.err" >>"$work/$1.timings" || true; }

# Figures per size, one line each, for the tables: see the printf below.
: >"$work/summary"
for n in $sizes; do
	case $n in
	*:*) runs=${n#*:}; n=${n%%:*} ;;
	*) runs=${BENCH_RUNS:-3} ;;
	esac
	dir=$work/content-$n
	t0=$(date +%s%N)
	sh "$top/bench/gen.sh" "$n" "$dir"
	t1=$(date +%s%N)
	gen_ms=$(( (t1 - t0) / 1000000 ))
	say "$n partners generated in $gen_ms ms; building..."
	out=$work/out-$n

	# Full build: site + reading order + imposed.  --timings each time.
	: >"$work/full-$n.timings"
	: >"$work/full-$n"
	r=0
	while [ $r -lt "$runs" ]; do
		measure "$work/full-$n" "$bin" build -q --timings -C "$dir" \
		    -o "$out" || { say "full build of $n partners failed:";
		    grep -v '^timing: ' "$work/full-$n.err" | tail -5 >&2; exit 1; }
		timings_add "full-$n"
		r=$((r + 1))
	done
	problems=$(grep -vc '^timing: ' "$work/full-$n.err" || true)
	pages=$(pdfinfo "$out/edition/livret.pdf" 2>/dev/null | sed -n 's/^Pages: *//p')
	pages=${pages:-0}
	sheets=$(pdfinfo "$out/edition/livret-impression.pdf" 2>/dev/null | sed -n 's/^Pages: *//p')
	bytes=$(wc -c <"$out/edition/livret.pdf" | tr -d ' ')

	# Site only.
	: >"$work/site-$n.timings"
	: >"$work/site-$n"
	r=0
	while [ $r -lt "$runs" ]; do
		measure "$work/site-$n" "$bin" build -q --no-pdf --timings \
		    -C "$dir" -o "$out-site" || { say "site build failed"; exit 1; }
		timings_add "site-$n"
		r=$((r + 1))
	done

	hugo_s=- hugo_kb=- hugo_cpu=-
	if [ $have_hugo = 1 ]; then
		: >"$work/hugo-$n"
		r=0
		while [ $r -lt "$runs" ]; do
			rm -rf "$work/hugo-out-$n"
			HUGO_RESOURCEDIR=$work/hugo-resources measure "$work/hugo-$n" \
			    hugo -s "$top/bench/hugo" --contentDir "$dir/partenaires" \
			    -d "$work/hugo-out-$n" --cacheDir "$work/hugo-cache" \
			    --quiet --noBuildLock ||
			    { say "hugo failed:"; tail -5 "$work/hugo-$n.err" >&2; break; }
			r=$((r + 1))
		done
		if [ -s "$work/hugo-$n" ]; then
			hugo_s=$(median "$work/hugo-$n" 1)
			hugo_kb=$(median "$work/hugo-$n" 2)
			hugo_cpu=$(median "$work/hugo-$n" cpu)
		fi
	fi
	cmark_s=- cmark_kb=- cmark_cpu=-
	if [ $have_cmark = 1 ]; then
		: >"$work/cmark-$n"
		r=0
		while [ $r -lt "$runs" ]; do
			# shellcheck disable=SC2016 # $1 is the inner shell's
			measure "$work/cmark-$n" sh -c 'find "$1" -name "*.md" |
			    sort | xargs cat | cmark >/dev/null' sh "$dir/partenaires" ||
			    { say "cmark failed"; break; }
			r=$((r + 1))
		done
		cmark_s=$(median "$work/cmark-$n" 1)
		cmark_kb=$(median "$work/cmark-$n" 2)
		cmark_cpu=$(median "$work/cmark-$n" cpu)
	fi

	# Phases: the median of each over the runs, in the order of the first.
	phase_medians "$work/full-$n.timings" "$work/phase-med-$n"
	phase_medians "$work/site-$n.timings" "$work/phase-site-med-$n"
	# The booklet's time, wall and CPU: its layout and its two files.
	book_ms=$(awk '$1 ~ /^(layout|write):/ { s += $2 } END { printf "%.1f", s }' \
	    "$work/phase-med-$n")
	book_cpu=$(awk '$1 ~ /^(layout|write):/ { s += $4 } END { printf "%.1f", s }' \
	    "$work/phase-med-$n")

	printf '%s %s %s %s %s %s %s %s %s %s %s %s %s %s %s %s %s %s %s\n' "$n" \
	    "$(median "$work/full-$n" 1)" "$(median "$work/full-$n" 2)" \
	    "$(median "$work/site-$n" 1)" "$(median "$work/site-$n" 2)" \
	    "$hugo_s" "$hugo_kb" "$cmark_s" "$cmark_kb" "$pages" \
	    "${sheets:-0}" "$book_ms" "$bytes" "$problems" \
	    "$(median "$work/full-$n" cpu)" "$(median "$work/site-$n" cpu)" \
	    "$hugo_cpu" "$cmark_cpu" "$book_cpu" >>"$work/summary"
	# The campaign: every partner asked, on a copy (it writes
	# campagne.yaml into the content folder); once, it is slow.
	rm -rf "$dir-camp" "$out-camp" "$work/camp-$n" "$work/camp-size-$n"
	if [ "$n" -le "$camp_max" ]; then
		say "$n partners: the campaign..."
		cp -r "$dir" "$dir-camp"
		: >"$work/camp-$n"
		measure "$work/camp-$n" "$bin" campaign -C "$dir-camp" \
		    -o "$out-camp" --echeance 2018-01-31 ||
		    { say "campaign of $n partners failed:";
		    tail -5 "$work/camp-$n.err" >&2; exit 1; }
		echo "$(du -sb "$out-camp/campagne" | cut -f1) $(ls "$out-camp/campagne" | wc -l)" \
		    >"$work/camp-size-$n"
		rm -rf "$dir-camp" "$out-camp"
	else
		say "$n partners: no campaign (BENCH_CAMPAIGN_MAX=$camp_max)"
	fi
	echo "$gen_ms" >"$work/gen-$n"
	echo "$runs" >"$work/runs-$n"
	say "$n partners: $(tail -1 "$work/summary")"
done

# The example edition (content/), full build: the issue's small-edition
# target (a few partners: start-up and fixed costs).
say "the example edition, full build..."
: >"$work/example"
r=0
while [ $r -lt "${BENCH_RUNS:-3}" ]; do
	measure "$work/example" "$bin" build -q -C "$top/content" \
	    -o "$work/out-example" || { say "example build failed:";
	    tail -5 "$work/example.err" >&2; exit 1; }
	r=$((r + 1))
done

# ---- bench/RESULTS.md ---------------------------------------------------
commit=$(git -C "$top" rev-parse --short HEAD 2>/dev/null || echo unknown)
git -C "$top" diff --quiet HEAD -- src 2>/dev/null || commit="$commit (src/ modified)"
cpu=$(sed -n 's/^model name[[:space:]]*: *//p' /proc/cpuinfo 2>/dev/null | head -1)
{
	echo "# annuaire benchmark"
	echo
	echo "Generated by \`make bench\` (bench/run.sh); do not edit by hand."
	echo
	echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC')"
	echo "- commit: $commit"
	echo "- cores: $(nproc 2>/dev/null || echo '?'); CPU: ${cpu:-unknown}"
	echo "- load average at the end: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')"
	echo "- runs per figure: the median of the runs given per size below; memory: peak RSS ($meter)"
	echo "- content: bench/gen.sh N (about 3 KB per partner, every field, five categories)"
	[ $have_hugo = 1 ] && echo "- $(hugo version 2>/dev/null | cut -d' ' -f1-2), site of bench/hugo/ (one list, one page per partner)"
	[ $have_cmark = 1 ] && echo "- cmark $(cmark --version 2>/dev/null | head -1 | awk '{ print $2 }'): \`cat partenaires/*.md | cmark\`, the floor"
	echo
	echo "## Summary"
	echo
	echo "Full build: site + livret.pdf + livret-impression.pdf.  Each cell: wall time, CPU time"
	echo "(user + system; on a shared machine the wall time includes waiting for a core, the CPU"
	echo "time does not), peak memory.  Ratios: annuaire's wall time over the other's (below 1:"
	echo "annuaire is faster), then the same with CPU times.  Pages/s: booklet pages over the"
	echo "wall (CPU) time of the booklet's phases (its layout and both PDFs)."
	echo
	echo "| partners | full build | ms/partner (CPU) | site only | Hugo (site) | cat \| cmark | full ÷ Hugo | site ÷ Hugo | site ÷ cmark | booklet pages | pages/s |"
	echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
	awk '
	function mb(k) { return (k == "-" || k + 0 == 0) ? "" : sprintf(", %.0f MB", k / 1024) }
	function sec(s) { return s == "-" ? "—" : sprintf("%.2f s", s) }
	function cell(w, c, k) { return w == "-" ? "—" : sec(w) " (" sec(c) ")" mb(k) }
	function ratio(a, b) { return (b == "-" || b + 0 == 0) ? "—" : sprintf("%.2f", a / b) }
	function pps(p, ms) { return ms > 0 ? sprintf("%.0f", p / (ms / 1000)) : "—" }
	{
		printf "| %d | %s | %.2f (%.2f) | %s | %s | %s | %s (%s) | %s (%s) | %s (%s) | %d | %s (%s) |\n",
		    $1, cell($2, $15, $3), $2 * 1000 / $1, $15 * 1000 / $1,
		    cell($4, $16, $5), cell($6, $17, $7), cell($8, $18, $9),
		    ratio($2, $6), ratio($15, $17), ratio($4, $6), ratio($16, $17),
		    ratio($4, $8), ratio($16, $18), $10, pps($10, $12), pps($10, $19)
	}' "$work/summary"
	echo
	echo "## Issue 23"
	echo
	echo "The measures issue 23 sets targets for (targets at 10 000 partners: peak < 200 MB"
	echo "(< 2 GB at 100 000), full ÷ Hugo < 1.5, site ÷ Hugo < 0.5, booklet ≥ 3 000 pages/s"
	echo "wall, example full build < 0.1 s).  Ratios of wall times, Hugo building the same"
	echo "pages in the same run; the campaign asks every partner (one run)."
	echo
	echo "| partners | peak memory, full build | full ÷ Hugo | site ÷ Hugo | booklet pages/s (wall) | campaign |"
	echo "|---:|---:|---:|---:|---:|---:|"
	for n in $sizes; do
		n=${n%%:*}
		camp=—
		if [ -s "$work/camp-$n" ]; then
			camp=$(awk '{ printf "%.1f s (%.1f s CPU), %.0f MB", $1, $3 + $4, $2 / 1024 }' \
			    "$work/camp-$n")
		fi
		awk -v n="$n" -v camp="$camp" '
		function ratio(a, b) { return (b == "-" || b + 0 == 0) ? "—" : sprintf("%.2f", a / b) }
		$1 == n { printf "| %d | %.0f MB | %s | %s | %s | %s |\n", $1, $3 / 1024,
		    ratio($2, $6), ratio($4, $6),
		    ($12 > 0 ? sprintf("%.0f", $10 / ($12 / 1000)) : "—"), camp }' \
		    "$work/summary"
	done
	echo
	echo "Example edition (content/), full build: $(median "$work/example" 1) s wall" \
	    "($(median "$work/example" cpu) s CPU), peak $(( $(median "$work/example" 2) / 1024 )) MB;" \
	    "median of ${BENCH_RUNS:-3} runs."
	echo
	for n in $sizes; do
		n=${n%%:*}
		# shellcheck disable=SC2046 # one word per figure
		set -- $(awk -v n="$n" '$1 == n' "$work/summary")
		echo "## $n partners"
		echo
		echo "Runs: $(cat "$work/runs-$n").  Generated in $(cat "$work/gen-$n") ms.  Booklet: ${10} A5 pages" \
		    "($(( ${13} / 1024 )) KB), imposed on ${11} A4 sides." \
		    "Diagnostics printed by the build: ${14}."
		echo
		echo "Phases of the full build (\`annuaire build --timings\`, median of each):"
		echo
		echo "| phase | wall | CPU | share of CPU | peak memory so far |"
		echo "|---|---:|---:|---:|---:|"
		awk '$1 != "total" { t += $4 } { v[NR] = $0 }
		    END { for (i = 1; i <= NR; i++) { split(v[i], f, " ");
		        printf "| %s | %.0f ms | %.0f ms | %s | %.0f MB |\n", f[1], f[2], f[4],
		        f[1] == "total" ? "" : sprintf("%.0f %%", t ? 100 * f[4] / t : 0), f[3] } }' \
		    "$work/phase-med-$n"
		echo
		if [ -s "$work/camp-$n" ]; then
			# shellcheck disable=SC2046 # one word per figure
			set -- $(cat "$work/camp-$n") $(cat "$work/camp-size-$n")
			echo "Campaign (\`annuaire campaign\`, every partner asked, one run): $1 s wall" \
			    "($(awk -v u="$3" -v s="$4" 'BEGIN { printf "%.2f", u + s }') s CPU), peak" \
			    "$(( $2 / 1024 )) MB; out/campagne/: $6 files, $(( $5 / 1048576 )) MB" \
			    "($(( $5 / n / 1024 )) KB per partner)."
		else
			echo "Campaign: not run at this size (BENCH_CAMPAIGN_MAX=$camp_max)."
		fi
		echo
		echo "Site only (\`--no-pdf --timings\`):"
		echo
		echo "| phase | wall | CPU | peak memory so far |"
		echo "|---|---:|---:|---:|"
		awk '{ printf "| %s | %.0f ms | %.0f ms | %.0f MB |\n", $1, $2, $4, $3 }' \
		    "$work/phase-site-med-$n"
		echo
	done
} >"$results.tmp"
mv "$results.tmp" "$results"
cp "$results" "$work/RESULTS.md"
cat "$results"
