#!/usr/bin/env bash
# tools/deps.sh off Debian: without dpkg-query, or as a user who cannot
# install, it checks with pkg-config and lets the build go on; `make`
# then builds as that user on a copy of the sources.
. "$TOP/tests/lib.sh"

# A PATH holding every command of this system but dpkg's.
nb=$T_TMP/nodpkg
mkdir -p "$nb"
for f in /usr/local/bin/* /usr/bin/* /bin/* /usr/sbin/* /sbin/*; do
	b=${f##*/}
	case $b in dpkg*) continue ;; esac
	[ -e "$nb/$b" ] || ln -s "$f" "$nb/$b" 2>/dev/null || true
done

if PATH=$nb sh "$TOP/tools/deps.sh" build >"$T_TMP/d1.out" 2>&1; then
	t_ok "deps.sh build without dpkg-query goes on (every library found)"
else
	t_fail "deps.sh build without dpkg-query goes on (every library found)" "$(cat "$T_TMP/d1.out")"
fi
! grep -q "Debian packages" "$T_TMP/d1.out" && ! grep -q "not found" "$T_TMP/d1.out" &&
    t_ok "deps.sh without dpkg-query says nothing when pkg-config finds everything" ||
    t_fail "deps.sh without dpkg-query says nothing when pkg-config finds everything" "$(cat "$T_TMP/d1.out")"

# pkg-config finds nothing: named, and still status 0 (the compiler decides).
if PATH=$nb PKG_CONFIG_LIBDIR=/nonexistent PKG_CONFIG_PATH= sh "$TOP/tools/deps.sh" build \
    >"$T_TMP/d2.out" 2>&1 && grep -q "yaml-0.1" "$T_TMP/d2.out" && grep -q "libcmark" "$T_TMP/d2.out"; then
	t_ok "deps.sh without dpkg-query names the libraries pkg-config lacks and goes on"
else
	t_fail "deps.sh without dpkg-query names the libraries pkg-config lacks and goes on" "$(cat "$T_TMP/d2.out")"
fi

# The browser tests' npm packages must run on Debian 12's own Node.js
# (the machines CI runs on may carry a newer one that no file installs).
# The oldest major version the Debian repositories offer (the installed
# one may come from elsewhere); Debian 12 ships 18 if no list is there.
deb_node=$(apt-cache madison nodejs 2>/dev/null |
    awk -F' *[|] *' '{ split($2, v, "."); print v[1] }' | sort -n | head -1)
case ${deb_node:-}:$(cat /etc/debian_version 2>/dev/null) in
:12*) deb_node=18 ;;
esac
lock_node=$(sed -n 's/.*"node": *">= *\([0-9][0-9]*\).*/\1/p' \
    "$TOP/tests/browser/package-lock.json" | sort -n | tail -1)
if [ -n "$deb_node" ] && [ -n "$lock_node" ] && [ "$lock_node" -le "$deb_node" ]; then
	t_ok "the lock file's npm packages accept Debian's Node.js $deb_node (they need >= $lock_node)"
else
	t_fail "the lock file's npm packages accept Debian's Node.js" \
	    "Debian's nodejs: '$deb_node'; the lock file needs >= '$lock_node'"
fi
# A Node.js older than the lock file's engines: deps.sh test says so and
# stops, before npm and before a dozen suites fail at start-up.
g=$T_TMP/guard
mkdir -p "$g/tools" "$g/tests/browser/node_modules" "$g/bin"
cp "$TOP/tools/deps.sh" "$g/tools/"
printf '{"packages":{"node_modules/x":{"engines":{"node":">=20"}}}}\n' \
    >"$g/tests/browser/package-lock.json"
cp "$g/tests/browser/package-lock.json" "$g/tests/browser/node_modules/.annuaire-lock.json"
printf '#!/bin/sh\necho %s\n' 18 >"$g/bin/node"
chmod +x "$g/bin/node"
(cd "$g" && PATH=$g/bin:$PATH sh tools/deps.sh test) >"$g.out" 2>&1; rc=$?
t_eq "deps.sh test stops on a Node.js older than the lock file's engines" "$rc" 1
t_check "... and says which versions" grep -q 'Node.js 18 is installed.*need Node.js >= 20' "$g.out"
printf '#!/bin/sh\necho %s\n' 20 >"$g/bin/node"
(cd "$g" && PATH=$g/bin:$PATH sh tools/deps.sh test) >"$g.out" 2>&1
t_eq "deps.sh test goes on with a Node.js the engines accept" "$?" 0

# As a user who is not root: `make` on a copy builds, with and without dpkg.
if [ "$(id -u)" -ne 0 ] || ! command -v setpriv >/dev/null 2>&1; then
	t_skip "make as a non-root user" "needs root and setpriv to switch to nobody"
	t_done
	exit
fi
cp_tree() {
	mkdir -p "$1"
	(cd "$TOP" && git ls-files -z 2>/dev/null | xargs -0 cp --parents -t "$1") ||
	    (cd "$TOP" && cp -R Makefile src po themes tools content "$1")
	chmod -R a+rX "$1"
	chown -R nobody "$1"
}
chmod a+rx "$T_TMP" "$nb"
for variant in nodpkg dpkg; do
	d=$T_TMP/copy-$variant
	cp_tree "$d"
	p=/usr/local/bin:/usr/bin:/bin
	[ $variant = nodpkg ] && p=$nb
	if (cd "$d" && setpriv --reuid=nobody --regid=nogroup --clear-groups \
	    env HOME="$d" PATH="$p" make -s >"$d.log" 2>&1) &&
	    [ -s "$d/out/edition/site/index.html" ] && [ -s "$d/out/edition/livret.pdf" ]; then
		t_ok "make as nobody ($variant) builds the program, the site and the booklet"
	else
		t_fail "make as nobody ($variant) builds the program, the site and the booklet" "$(tail -20 "$d.log")"
	fi
done
t_done
