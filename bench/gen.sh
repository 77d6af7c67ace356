#!/bin/sh
# bench/gen.sh N DIR: write a synthetic edition of about N partners in DIR
# (DIR/site.yaml, DIR/partenaires/, DIR/logos/), made from the example
# pages under new slugs and numbered names.  Used by bench/run.sh and by
# the search suite (typing-to-result at 1 000 partners).
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
n=$1 dir=$2
mkdir -p "$dir/partenaires"
cp "$top/content/site.yaml" "$dir/"
[ -f "$top/content/synonymes.yaml" ] && cp "$top/content/synonymes.yaml" "$dir/"
[ -d "$top/content/logos" ] && cp -R "$top/content/logos" "$dir/"
cp "$top"/content/partenaires/*.md "$dir/partenaires/"
have=$(ls "$dir/partenaires" | wc -l)
i=1
while [ "$have" -lt "$n" ]; do
	for f in "$top"/content/partenaires/*.md; do
		[ "$have" -ge "$n" ] && break
		s=$(basename "$f" .md)
		sed -e "s/^nom: *\"\{0,1\}\(.*[^\"]\)\"\{0,1\} *\$/nom: \"\1 $i\"/" \
		    -e '/^liens:/d' "$f" >"$dir/partenaires/$s-copie-$i.md"
		have=$((have + 1))
	done
	i=$((i + 1))
done
