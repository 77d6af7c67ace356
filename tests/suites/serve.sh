#!/usr/bin/env bash
# `annuaire serve` (issue 20): a live preview started by the test on a
# copy of the example content.  A real Chromium (tests/browser/serve.mjs)
# sees an edit without a manual reload, the overlay of an error at its
# position, the overlay go once fixed, with inotify then with --poll;
# axe on the overlay and the coordinator's home.  curl: the rebuilt
# booklet, traversal (/../, %2e%2e, symbolic links in the build folder),
# a foreign Host, POST/PUT, a huge header, many connections, each refused
# while the server keeps serving.  Ctrl-C, SIGTERM and SIGKILL leave
# nothing behind; a taken port is said; out/ and the content untouched.
# san: yes
. "$TOP/tests/lib.sh"
A=$ANNUAIRE
export SOURCE_DATE_EPOCH=1521072000

if ! "$A" --version >/dev/null 2>&1; then
	t_skip "serve suite" "the command line is not built yet"; t_done; exit
fi
for c in curl pdftotext python3; do
	command -v $c >/dev/null 2>&1 || { t_skip "serve suite" "$c is missing"; t_done; exit; }
done

W=$T_TMP/work
mkdir -p "$W/out/campagne" "$T_TMP/tmp"
cp -R "$TOP/content" "$W/content"
cp -R "$TOP/content" "$T_TMP/content.orig"
# out/ holds what the user has there: it must stay as it is.
echo '<!DOCTYPE html><title>Formulaire AEJF</title>' >"$W/out/campagne/aejf.html"
echo précieux >"$W/out/notes.txt"
sum_out() { (cd "$W/out" && find . -printf '%p %s %T@\n' | LC_ALL=C sort | md5sum); }
out0=$(sum_out)
export TMPDIR=$T_TMP/tmp

PID= U=
# start LOG ARGS...: serve in the background; sets PID and U (its URL).
start() {
	local log=$1 i; shift
	(cd "$W" && exec "$A" serve -C content "$@") >"$log" 2>&1 &
	PID=$!
	U=
	for i in $(seq 1 600); do
		U=$(grep -o 'http://[^ ]*/' "$log" | head -1)
		[ -n "$U" ] && grep -q 'built in\|errors in the content' "$log" && return 0
		kill -0 $PID 2>/dev/null || return 1
		sleep 0.1
	done
	return 1
}
code() { curl -s -o /dev/null -w '%{http_code}' "$@"; }
# stop SIG: the signal, then the exit status.
stop() { kill -"$1" $PID; wait $PID; }
leftovers() { ls -A "$T_TMP/tmp"; pgrep -f -- "-o $T_TMP/tmp" || true; }

if ! start "$T_TMP/log1"; then
	t_fail "serve starts" "$(cat "$T_TMP/log1")"; t_done; exit
fi
t_ok "serve starts and prints its URL ($U)"
case $U in http://127.0.0.1:*/) t_ok "bound to the loopback by default" ;;
*) t_fail "bound to the loopback by default" "$U" ;; esac

# --- HTTP ------------------------------------------------------------------
t_eq "GET / (200)" "$(code "$U")" 200
t_check "the home page gets the live script" sh -c "curl -s '$U' | grep -q '<script src=\"/_annuaire/live.js\" data-gen='"
t_eq "HEAD / (200)" "$(code -I "$U")" 200
t_eq "a folder without its / is redirected (301)" "$(code "${U}partenaires")" 301
t_eq "a folder without index.html is not listed (404)" "$(code "${U}partenaires/")" 404
t_check "/livret.pdf is the booklet (pdfinfo)" sh -c "curl -s '${U}livret.pdf' >'$T_TMP/l.pdf' && pdfinfo '$T_TMP/l.pdf' >/dev/null"
hdr=$(curl -s -D - -o "$T_TMP/p.pdf" "${U}_annuaire/prive/livret-partenaires.pdf")
t_check "the partners' edition at its private path" pdfinfo "$T_TMP/p.pdf"
case $hdr in *"Cache-Control: no-store"*"X-Robots-Tag: noindex"*|*"X-Robots-Tag: noindex"*"Cache-Control: no-store"*) t_ok "… marked private (no-store, noindex)" ;;
*) t_fail "… marked private (no-store, noindex)" "$hdr" ;; esac
t_eq "the partners' edition is not in the site" "$(code "${U}livret-partenaires.pdf")" 404
t_eq "/suivi.html (the follow-up) is served" "$(code "${U}suivi.html")" 200
t_eq "/campagne/ serves out/campagne's forms" "$(curl -s "${U}campagne/aejf.html")" "$(cat "$W/out/campagne/aejf.html")"
t_eq "… without injecting anything in them" "$(curl -s "${U}campagne/aejf.html" | grep -c annuaire/live)" 0
t_check "the coordinator's home at /_annuaire/" sh -c "curl -s '${U}_annuaire/' | grep -q 'Campagne'"
t_check "… with a page link per partner" sh -c "[ \$(curl -s '${U}_annuaire/' | grep -o 'href=\"/partenaires/[a-z0-9-]*.html\"' | wc -l) = 29 ]"
t_check "… and the form of a partner who has one" sh -c "curl -s '${U}_annuaire/' | grep -q 'href=\"/campagne/aejf.html\"'"
t_check "… in English for an English browser" sh -c "curl -s -H 'Accept-Language: en-GB,en;q=0.8,fr;q=0.5' '${U}_annuaire/' | grep -q 'Campaign: where every partner stands'"

# Traversal: never anything outside the site.
# Deep enough to reach / from the build folder, wherever TMPDIR is.
up=$(printf '../%.0s' $(seq 1 24)) enc=$(printf '%%2e%%2e/%.0s' $(seq 1 24))
for p in "/${up}etc/passwd" "/${enc}etc/passwd" "/partenaires/${enc}etc/passwd" \
    "/${up//\//%2f}etc/passwd" "/${enc//e/E}etc/passwd" '/assets/..' \
    "/assets/${enc}" '/.annuaire'; do
	c=$(curl -s --path-as-is -o "$T_TMP/body" -w '%{http_code}' "$U${p#/}")
	if [ "$c" != 200 ] && ! grep -q 'root:' "$T_TMP/body"; then t_ok "traversal refused: ${p:0:40} ($c)"
	else t_fail "traversal refused: ${p:0:40} ($c)" "$(head -3 "$T_TMP/body")"; fi
done
site=$(realpath "$T_TMP"/tmp/annuaire-serve-*/full/edition/site)
if [ -d "$site" ]; then
	ln -s /etc/passwd "$site/lien.txt"
	ln -s / "$site/racine"
	ln -s "$site/index.html" "$site/interne.html"
	t_eq "a symbolic link in the build folder is refused (file)" "$(code "${U}lien.txt")" 404
	t_eq "… (a folder)" "$(code "${U}racine/etc/passwd")" 404
	t_eq "… (even one pointing inside)" "$(code "${U}interne.html")" 404
	rm -f "$site/lien.txt" "$site/racine" "$site/interne.html"
else
	t_fail "the build folder is under TMPDIR" "$(ls -R "$T_TMP/tmp" | head)"
fi
port=${U#http://127.0.0.1:}; port=${port%/}
t_eq "a foreign Host is refused (DNS rebinding: 421)" "$(code -H 'Host: attacker.example' "$U")" 421
t_eq "… with our port too" "$(code -H "Host: attacker.example:$port" "$U")" 421
t_eq "… and localhost on another port" "$(code -H 'Host: localhost:1' "$U")" 421
t_eq "Host: localhost:PORT is ours" "$(code -H "Host: localhost:$port" "$U")" 200
t_eq "POST is refused (405)" "$(code -X POST -d x=1 "$U")" 405
t_eq "PUT is refused (405)" "$(code -X PUT -d x=1 "${U}index.html")" 405
t_eq "DELETE is refused (405)" "$(code -X DELETE "${U}index.html")" 405
t_check "405 says Allow: GET, HEAD" sh -c "curl -s -D - -o /dev/null -X POST '$U' | grep -qi '^Allow: GET, HEAD'"
# SERVE_MAX_REQUEST (32 kB, libmicrohttpd's default stated): a header
# of 8 kB is served, one of 40 kB refused with 431 and the server
# serves on (a larger limit, or none, would let the 40 kB through).
big() { { printf 'X-Big: '; head -c "$1" /dev/zero | tr '\0' a; echo; } >"$T_TMP/big"
	curl -s -o /dev/null -w '%{http_code}' -H @"$T_TMP/big" "$U"; }
t_eq "a header of 8 kB is served" "$(big 8000)" 200
t_eq "a header of 40 kB is refused (431)" "$(big 40000)" 431
t_eq "… and of 200 kB" "$(big 200000)" 431
t_eq "the server serves on" "$(code "$U")" 200
many=$(python3 - "$port" <<'PY'
import socket, sys, time
held, refused = [], 0
for i in range(300):
    try:
        s = socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=2)
        held.append(s)
    except OSError:
        refused += 1
time.sleep(0.5)
# The server closed what it did not take: a read ends at once.
closed = 0
for s in held:
    s.setblocking(False)
    try:
        if s.recv(1) == b"":
            closed += 1
    except BlockingIOError:
        pass
    except OSError:
        closed += 1
for s in held:
    s.close()
print(len(held) - closed, closed + refused)
PY
)
set -- $many
if [ "${1:-999}" -le 64 ] && [ "${2:-0}" -ge 200 ]; then t_ok "300 connections: $1 kept open at most, $2 closed"
else t_fail "300 connections: 64 kept open at most" "$many"; fi
# The threads of the closed connections end, then it serves again.
for i in $(seq 1 100); do [ "$(code -m 2 "$U")" = 200 ] && break; sleep 0.1; done
t_eq "the server keeps serving after all that" "$(code "$U")" 200
stop INT; rc=$?
t_eq "Ctrl-C ends serve (exit 0)" "$rc" 0
t_eq "nothing left behind after Ctrl-C" "$(leftovers)" ""

# --- the browser, with inotify then --poll ---------------------------------
run_browser() {
	local mode=$1 log=$2 axe=$3; shift 3
	if ! start "$log" "$@"; then t_fail "$mode: serve starts" "$(cat "$log")"; return; fi
	t_check "$mode: serve says it watches by $mode" grep -q "($mode)" "$log"
	t_node serve.mjs --url "$U" --content "$W/content" --mode "$mode" --axe "$axe"
	# The booklet follows the site: the new phone in the PDF.
	local i ok=0
	for i in $(seq 1 300); do
		curl -s "${U}livret.pdf" -o "$T_TMP/l.pdf"
		pdftotext "$T_TMP/l.pdf" - 2>/dev/null | grep -q '01 99 00 10 43' && { ok=1; break; }
		sleep 0.2
	done
	[ $ok = 1 ] && t_ok "$mode: /livret.pdf is the rebuilt booklet (pdftotext reads the new phone)" ||
	    t_fail "$mode: /livret.pdf is the rebuilt booklet"
	cp "$T_TMP/content.orig/partenaires/aejf.md" "$W/content/partenaires/aejf.md"
}
if t_have_browser; then
	run_browser inotify "$T_TMP/log2" 1
	if stop TERM; then t_ok "SIGTERM ends serve (exit 0)"; else t_fail "SIGTERM ends serve (exit 0)"; fi
	t_eq "nothing left behind after SIGTERM" "$(leftovers)" ""
	run_browser polling "$T_TMP/log3" 0 --poll
	stop INT
	t_eq "nothing left behind (--poll)" "$(leftovers)" ""
else
	t_skip "the browser tests" "$t_why"
fi

# --- SIGKILL, a taken port ---------------------------------------------------
if start "$T_TMP/log4"; then
	port=${U#http://127.0.0.1:}; port=${port%/}
	(cd "$W" && timeout 60 "$A" serve -C content --port "$port") 2>"$T_TMP/taken"
	t_eq "a second serve on the port taken stops (exit 2)" "$?" 2
	t_check "… and says the port is taken" grep -q "port $port is taken" "$T_TMP/taken"
	kill -KILL $PID; wait $PID 2>/dev/null
	sleep 0.5
	t_eq "after SIGKILL no build process is left" "$(pgrep -f -- "-o $T_TMP/tmp" || true)" ""
	start "$T_TMP/log5" && stop INT
	t_eq "… and the next serve removes its folder" "$(leftovers)" ""
else
	t_fail "serve starts again" "$(cat "$T_TMP/log4")"
fi
t_eq "out/ untouched throughout" "$(sum_out)" "$out0"
t_check "content/ as it was (serve writes nothing there)" diff -r "$T_TMP/content.orig" "$W/content"
t_check "no out/ was created in the content's folder" test ! -e "$W/content/out"
t_done
