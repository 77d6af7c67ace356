#!/bin/sh
# Install the Debian packages annuaire needs, when they are missing.
#   tools/deps.sh build   compiler and libraries (for `make`)
#   tools/deps.sh test    readers and browsers used by `make check`
#   tools/deps.sh bench   the anchors of `make bench` (Hugo, cmark)
# With dpkg (Debian and derivatives), as root: installs what is missing
# (apt-get), quietly and idempotently.  Anywhere else (no dpkg-query, or
# not root, or libraries installed outside Debian's packages): checks
# the libraries with pkg-config and the compiler, names what seems to be
# missing and goes on: a packager runs `make` as a user, and the
# compiler has the last word.
set -eu

build_pkgs="gcc make pkg-config libyaml-dev libcmark-dev libhpdf-dev
 libfontconfig-dev libfreetype-dev libpng-dev libqrencode-dev libhyphen-dev
 zlib1g-dev hyphen-fr fonts-open-sans fonts-fork-awesome libstemmer-dev
 libutf8proc-dev libjpeg-dev libdeflate-dev fonts-dejavu-core gettext locales libc-l10n
 libmicrohttpd-dev libgraphviz-dev"
test_pkgs="libcmocka-dev python3 poppler-utils qpdf libqpdf-dev chromium mandoc nodejs
 npm default-jre-headless imagemagick snowball-data python3-jsonschema python3-yaml
 strace dosfstools curl libreoffice-calc-nogui"
bench_pkgs="hugo cmark"

case "${1:-build}" in
build) pkgs=$build_pkgs ;;
test) pkgs=$test_pkgs ;;
bench) pkgs=$bench_pkgs ;;
*) echo "usage: tools/deps.sh build|test|bench" >&2; exit 2 ;;
esac

# Without dpkg: what pkg-config and the compiler find.
# Libraries with a .pc file (the Makefile's PKGS), then headers of those
# without one (libhpdf, libhyphen, libstemmer), then the test tools.
check_build() {
	lacking=
	command -v pkg-config >/dev/null 2>&1 || lacking="$lacking pkg-config"
	for m in yaml-0.1 libcmark fontconfig freetype2 libpng libqrencode \
	    libutf8proc libjpeg libdeflate libmicrohttpd libcgraph libgvc zlib; do
		pkg-config --exists "$m" 2>/dev/null || lacking="$lacking $m"
	done
	for h in hpdf.h hyphen.h libstemmer.h; do
		printf '#include <%s>\n' "$h" |
		    ${CC:-cc} $(pkg-config --cflags-only-I libstemmer 2>/dev/null) \
		    -E -o /dev/null - >/dev/null 2>&1 || lacking="$lacking $h"
	done
	command -v msgfmt >/dev/null 2>&1 || lacking="$lacking msgfmt"
	[ -z "$lacking" ] ||
	    echo "annuaire: not found (pkg-config, headers):$lacking;" \
	    "the build may fail" >&2
}
check_test() {
	lacking=
	for c in pdftotext pdfinfo qpdf mandoc node npm python3 convert soffice; do
		command -v "$c" >/dev/null 2>&1 || lacking="$lacking $c"
	done
	pkg-config --exists cmocka 2>/dev/null || lacking="$lacking cmocka"
	# fuzz_emit checks its PDFs with qpdf's library when it is there.
	pkg-config --exists libqpdf 2>/dev/null || lacking="$lacking libqpdf"
	[ -z "$lacking" ] ||
	    echo "annuaire: not found:$lacking; the tests that need" \
	    "them fail or are skipped" >&2
}
check_bench() {
	for t in hugo cmark; do
		command -v "$t" >/dev/null 2>&1 ||
		    echo "annuaire: $t not found: make bench skips its column" >&2
	done
}
# Off Debian (no dpkg-query): check and go on.
if ! command -v dpkg-query >/dev/null 2>&1; then
	check_${1:-build}
	nodpkg=1
fi

missing=
for p in $pkgs; do
	[ -n "${nodpkg:-}" ] && break
	# node and java may come from elsewhere than Debian's packages.
	case $p in
	nodejs) command -v node >/dev/null 2>&1 && continue ;;
	npm) command -v npm >/dev/null 2>&1 && continue ;;
	default-jre-headless) command -v java >/dev/null 2>&1 && continue ;;
	esac
	st=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
	case $st in *" installed") ;; *) missing="$missing $p" ;; esac
done
# The Node.js the lock file's packages accept ("engines": {"node": ">=N"}),
# against the one installed: a mismatch is said plainly, here, rather than
# as a dozen browser suites failing at start-up.
node_check() {
	command -v node >/dev/null 2>&1 || return 0
	have=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null) ||
	    return 0
	need=$(sed -n 's/.*"node": *">= *\([0-9][0-9]*\).*/\1/p' \
	    tests/browser/package-lock.json | sort -n | tail -1)
	[ -n "$need" ] || return 0
	[ "$have" -ge "$need" ] && return 0
	echo "annuaire: Node.js $have is installed; the browser tests'" \
	    "packages (tests/browser/package-lock.json) need Node.js >= $need:" \
	    "pin versions whose \"engines\" accept Debian's Node.js" >&2
	return 1
}

npm_deps() {
	# The browser tests' npm packages (playwright-core, axe-core, vnu-jar),
	# pinned by tests/browser/package-lock.json; installed again when the
	# lock file changes (a copy of it is kept in node_modules).
	[ "${1:-build}" = test ] || return 0
	[ -f tests/browser/package-lock.json ] || return 0
	command -v npm >/dev/null 2>&1 || return 0
	node_check || exit 1
	cmp -s tests/browser/package-lock.json \
	    tests/browser/node_modules/.annuaire-lock.json && return 0
	echo "annuaire: npm ci in tests/browser" >&2
	(cd tests/browser && npm ci --no-audit --no-fund --loglevel=error &&
	    cp package-lock.json node_modules/.annuaire-lock.json) >&2
}

fr_locale() {
	# French messages (LANG=fr_FR.UTF-8) and the tests of them need the
	# locale generated; as root, enable it in /etc/locale.gen once.
	locale -a 2>/dev/null | grep -qix 'fr_FR.utf-\{0,1\}8' && return 0
	if [ "$(id -u)" -ne 0 ] || ! command -v locale-gen >/dev/null 2>&1 ||
	    [ ! -f /etc/locale.gen ]; then
		# Said once per `make check`, not at every `make`.
		[ "${1:-build}" = test ] && echo "annuaire: locale fr_FR.UTF-8" \
		    "is not generated: the French tests are skipped (as root:" \
		    "make, or locale-gen)" >&2
		return 0
	fi
	if grep -q '^# *fr_FR.UTF-8 UTF-8' /etc/locale.gen; then
		sed -i 's/^# *\(fr_FR.UTF-8 UTF-8\)/\1/' /etc/locale.gen
	elif ! grep -q '^fr_FR.UTF-8 UTF-8' /etc/locale.gen; then
		echo 'fr_FR.UTF-8 UTF-8' >>/etc/locale.gen
	fi
	echo "annuaire: generating the locale fr_FR.UTF-8" >&2
	locale-gen >/tmp/annuaire-locale.log 2>&1 ||
	    echo "annuaire: locale-gen failed (log: /tmp/annuaire-locale.log)" >&2
}

if [ -z "$missing" ]; then
	fr_locale "${1:-build}"
	npm_deps "${1:-build}"
	exit 0
fi

# Not root: the libraries may be installed another way; say which
# packages dpkg lacks, check what the build needs and go on.
if [ "$(id -u)" -ne 0 ]; then
	echo "annuaire: Debian packages not installed:$missing" \
	    "(as root: make, or apt-get install$missing)" >&2
	check_${1:-build}
	fr_locale "${1:-build}"
	npm_deps "${1:-build}"
	exit 0
fi
echo "annuaire: installing$missing" >&2
export DEBIAN_FRONTEND=noninteractive
# Another apt-get running (an upgrade, a second `make`): wait for its lock
# rather than fail at once.
apt="apt-get -o DPkg::Lock::Timeout=600"
if ! $apt install -y -q --no-install-recommends $missing >/tmp/annuaire-apt.log 2>&1; then
	$apt update -q >/tmp/annuaire-apt.log 2>&1 || true
	$apt install -y -q --no-install-recommends $missing >>/tmp/annuaire-apt.log 2>&1 || {
		tail -20 /tmp/annuaire-apt.log >&2
		echo "annuaire: apt-get install failed (log: /tmp/annuaire-apt.log)" >&2
		exit 1
	}
fi
fr_locale "${1:-build}"
npm_deps "${1:-build}"
