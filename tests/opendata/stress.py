#!/usr/bin/env python3
"""Write a content folder of partner pages that push the data·inclusion
export to its edges (tests/suites/opendata.sh builds it and checks every
record against the schema and against these pages).

usage: stress.py SITE_YAML OUTDIR [SEED]

SITE_YAML is a site.yaml with a data_inclusion mapping (the example's);
OUTDIR/content/ is created.  Deterministic for a given SEED.
"""
import os
import random
import sys

DAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi",
        "dimanche"]
MODS = ["sans rendez-vous", "sur rendez-vous", "sur orientation",
        "par téléphone", "en ligne", "à domicile"]

# Values a spreadsheet or an HTML page could take for code, names at the
# schema's limits (3 to 150 characters), JavaScript line breaks (a tab:
# in public below, one-line fields refuse it).
NAMES = [
    "A", "Ab", "Abc", "x" * 149 + "é", "Très " * 40 + "long",
    "</script><script>alert(1)</script>", "<!-- commentaire -->",
    '"Guillemets", virgules; et retour', "=HYPERLINK(\"http://x\")",
    "+cmd|' /C calc'!A0", "-2+3", "@SUM(1+1)",
    "Ligne\u2028séparée\u2029ici", "Café 🍲 solidaire", "Association A.B.C.",
]
TITLES = ["Permanence", "Permanence", "!!!", "Ab", "Atelier « cuisine »",
          "=1+1", "t" * 200, "Accueil</script>"]
PHONES = ["01 99 00 12 34", "115", "3919", "+32 2 123 45 67",
          "0033 1 99 00 12 35", "01.99.00.12.36", "+33 (0)1 99 00 12 37"]
RANGES = ["08:30-12:00", "13:00-16:30", "09:00-17:00", "14:00-24:00",
          "07:00-08:00", "18:00-22:30"]


def yq(s):
    """A YAML double-quoted scalar."""
    out = ['"']
    for ch in s:
        o = ord(ch)
        if ch in '"\\':
            out.append("\\" + ch)
        elif ch == "\t":
            out.append("\\t")
        elif o < 0x20 or o in (0x2028, 0x2029, 0x85):
            out.append("\\u%04x" % o)
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def main():
    site_yaml, outdir = sys.argv[1], sys.argv[2]
    rnd = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 9)
    content = os.path.join(outdir, "content")
    os.makedirs(os.path.join(content, "partenaires"), exist_ok=True)
    with open(site_yaml, encoding="utf-8") as f:
        site = f.read()
    with open(os.path.join(content, "site.yaml"), "w",
              encoding="utf-8") as f:
        f.write(site)
    import yaml
    sy = yaml.safe_load(site)
    cats = [c["cle"] for c in sy["categories"]]
    thems = [t["cle"] for t in sy["thematiques"]]

    for i in range(60):
        name = NAMES[i] if i < len(NAMES) else "Partenaire %d" % i
        L = []
        L.append("nom: " + yq(name))
        if rnd.random() < 0.4:
            L.append("sigle: " + yq(rnd.choice(["AB", "X", "S<b>", "=S"])))
        L.append("categorie: " + rnd.choice(cats))
        L.append("thematiques: [%s]" % ", ".join(
            rnd.sample(thems, rnd.randint(1, 5))))
        L.append("resume: " + yq(rnd.choice(
            ["Ok", "Aide.", "Un résumé « ordinaire », avec virgule.",
             "r" * 160, "Résumé\u2028avec saut"])))
        L.append("missions:\n  - " + yq("Mission %d." % i))
        na = rnd.choice([0, 0, 1, 2, 3])
        if na:
            L.append("actions:")
            for k in range(na):
                t = rnd.choice(TITLES)
                if rnd.random() < 0.5:
                    L.append("  - titre: " + yq(t))
                    L.append("    description: " + yq(rnd.choice(
                        ["Ab", "Une description plus longue.", "d" * 300])))
                else:
                    L.append("  - " + yq(t))
        if rnd.random() < 0.6:
            # A tab: one-line fields refuse it, texts of several lines not.
            L.append("public: " + yq("Tout public,\tn° %d" % i))
        if rnd.random() < 0.9:
            L.append("acces:")
            ms = rnd.sample(MODS, rnd.randint(0, 4))
            if ms:
                L.append("  modalites: [%s]" % ", ".join(ms))
            if rnd.random() < 0.8:
                L.append("  cout: " + rnd.choice(
                    ["gratuit", "participation", "payant"]))
            if rnd.random() < 0.5:
                L.append("  precisions: " + yq("Précisions, \"citées\"."))
            if len(L[-1]) == len("acces:") and L[-1] == "acces:":
                L.append("  cout: gratuit")
        L.append("adresse:")
        L.append("  rue: " + yq("%d rue des Essais" % (i + 1)))
        if rnd.random() < 0.3:
            L.append("  complement: " + yq("Bâtiment %d, 2e étage" % i))
        L.append('  code_postal: "78000"')
        L.append("  ville: Versailles")
        shape = rnd.choice(["none", "week", "same", "odd", "weekend",
                            "precisions"])
        if shape != "none":
            L.append("horaires:")
            if shape == "precisions":
                L.append("  precisions: " + yq("Sur rendez-vous seulement"))
            for d, day in enumerate(DAYS):
                if shape == "week" and d < 5:
                    rr = sorted(rnd.sample(RANGES[:2], rnd.randint(1, 2)))
                elif shape == "same":
                    rr = ["09:00-17:00"]
                elif shape == "odd" and d % 2 == 0:
                    rr = ["10:00-12:00", "14:00-24:00"]
                elif shape == "weekend" and d >= 5:
                    rr = ["07:00-08:00"]
                else:
                    continue
                L.append("  %s: [%s]" % (day, ", ".join(yq(r) for r in rr)))
        if i % 7 != 3:
            L.append("telephone: " + yq(PHONES[i % len(PHONES)]))
        if i % 7 == 3 or rnd.random() < 0.6:
            L.append("courriel: " + yq("p%d@example.org" % i))
        if rnd.random() < 0.5:
            L.append("site: " + yq("https://example.org/p%d?a=1&b=<2>" % i))
        if rnd.random() < 0.4:
            L.append("contacts:")
            L.append("  - nom: " + yq("Secret Référent%d" % i))
            L.append("    telephone: " + yq("01 99 00 77 %02d" % (i % 100)))
            L.append("    courriel: " + yq("secret%d@example.org" % i))
        L.append("mise_a_jour: 2018-%02d-%02d" % (1 + i % 12, 1 + i % 28))
        if rnd.random() < 0.3:
            L.append("suivi: relancer")
            L.append("note_suivi: " + yq("Note privée numéro %d" % i))
        with open(os.path.join(content, "partenaires", "p%02d.md" % i), "w",
                  encoding="utf-8") as f:
            f.write("---\n" + "\n".join(L) + "\n---\nPrésentation.\n")


main()
