#!/usr/bin/env python3
"""Check a data·inclusion export of annuaire, printing TAP lines.

usage: check.py --schema DIR --export DIR [--content DIR] [--label TEXT]

--schema  the data·inclusion schema (structure.json, service.json, extra/)
--export  the four files written by annuaire (structures.json, …)
--content the content folder they were made from: every record is then
          compared with the partner page it comes from (round trip)

Checks: every record valid against the JSON Schema (Draft 2020-12, with
formats: date, email, and http(s) URIs), every key of the schema
present, every list value in the vocabulary files of extra/, ids unique
and services attached to a structure, each partner one structure and at
least one service, the CSV files holding the same records as the JSON
ones; with --content: names, dates, phones (E.164), e-mails, addresses,
hours (opening_hours parsed back), sub-themes, modes and costs as the
page and site.yaml's mapping say, and no private field (contacts,
note_suivi) anywhere.
"""
import argparse
import csv
import io
import json
import os
import re
import sys
import unicodedata
import urllib.parse

import jsonschema
import yaml

n = 0
failed = 0


def ok(cond, desc, why=None):
    global n, failed
    n += 1
    if cond:
        print("ok %d - %s" % (n, desc))
    else:
        failed += 1
        print("not ok %d - %s" % (n, desc))
        if why:
            for line in str(why).splitlines()[:30]:
                print("# " + line)
    return cond


def load_json(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def front_matter(path):
    with open(path, encoding="utf-8-sig") as f:
        text = f.read().replace("\r\n", "\n")
    m = re.match(r"---\n(.*?)\n---", text, re.S)
    return yaml.safe_load(m.group(1)) if m else None


def fold(s):
    s = unicodedata.normalize("NFD", s.lower())
    s = "".join(c for c in s if not unicodedata.combining(c))
    return re.sub(r"[\s_\-']+", " ", s).strip()


DAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi",
        "dimanche"]
OSM_DAYS = ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"]


def minutes(t):
    m = re.fullmatch(r"\s*(\d{1,2})\s*(?:[:hH]\s*(\d{2})?)?\s*", t)
    if not m:
        raise ValueError("bad time %r" % t)
    return int(m.group(1)) * 60 + int(m.group(2) or 0)


def page_hours(h):
    """{day index: [(start, end)]} from a page's horaires."""
    out = {}
    if not isinstance(h, dict):
        return out
    for i, d in enumerate(DAYS):
        v = h.get(d)
        if v is None or v == "ferme" or v == "fermé":
            continue
        ranges = v if isinstance(v, list) else [v]
        rr = []
        for r in ranges:
            if fold(str(r)) in ("ferme", "closed"):
                continue
            a, b = re.split(r"\s*(?:-|\u2013|\u2014| a | à )\s*", str(r),
                            maxsplit=1)
            rr.append((minutes(a), minutes(b)))
        if rr:
            out[i] = sorted(rr)
    return out


def osm_hours(s):
    """{day index: [(start, end)]} from our opening_hours subset."""
    out = {}
    if s is None:
        return out
    for rule in s.split("; "):
        m = re.fullmatch(r"((?:Mo|Tu|We|Th|Fr|Sa|Su)(?:[-,](?:Mo|Tu|We|Th|"
                         r"Fr|Sa|Su))*) (\d\d:\d\d-\d\d:\d\d(?:,\d\d:\d\d-"
                         r"\d\d:\d\d)*)", rule)
        if not m:
            raise ValueError("not opening_hours: %r" % rule)
        days = []
        for part in m.group(1).split(","):
            if "-" in part:
                a, b = part.split("-")
                days += range(OSM_DAYS.index(a), OSM_DAYS.index(b) + 1)
            else:
                days.append(OSM_DAYS.index(part))
        rr = []
        for r in m.group(2).split(","):
            a, b = r.split("-")
            rr.append((minutes(a), minutes(b)))
        for d in days:
            if d in out:
                raise ValueError("day %s twice in %r" % (OSM_DAYS[d], s))
            out[d] = rr
    return out


def e164(tel):
    d = re.sub(r"\D", "", tel.replace("(0)", ""))
    if tel.strip().startswith("+"):
        return "+" + d
    if d.startswith("0033"):
        d = "0" + d[4:]
    if len(d) == 10 and d.startswith("0"):
        return "+33" + d[1:]
    return d


def private_values(pages):
    out = set()
    for fm in pages.values():
        for c in fm.get("contacts") or []:
            if not isinstance(c, dict):
                continue
            for k in ("nom", "courriel"):
                if c.get(k) and len(str(c[k])) > 3:
                    out.add(str(c[k]))
            if c.get("telephone"):
                out.add(str(c["telephone"]))
                out.add(e164(str(c["telephone"])))
        if fm.get("note_suivi"):
            out.add(str(fm["note_suivi"]).strip())
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--schema", required=True)
    ap.add_argument("--export", required=True)
    ap.add_argument("--content")
    ap.add_argument("--label", default="")
    a = ap.parse_args()
    L = a.label + ": " if a.label else ""

    files = {}
    for name in ("structures.json", "services.json", "structures.csv",
                 "services.csv"):
        p = os.path.join(a.export, name)
        if not ok(os.path.isfile(p), L + "%s written" % name):
            continue
        with open(p, encoding="utf-8", newline="") as f:
            files[name] = f.read()
    if len(files) < 4:
        return
    structures = json.loads(files["structures.json"])
    services = json.loads(files["services.json"])
    ok(isinstance(structures, list) and isinstance(services, list),
       L + "both JSON files are arrays")

    # --- JSON Schema ------------------------------------------------------
    fc = jsonschema.FormatChecker()

    @fc.checks("uri")
    def _uri(v):
        if not isinstance(v, str):
            return True
        u = urllib.parse.urlsplit(v)
        return u.scheme in ("http", "https") and bool(u.netloc) and \
            " " not in v

    kinds = (("structure", structures), ("service", services))
    schemas = {}
    for kind, recs in kinds:
        schema = load_json(os.path.join(a.schema, kind + ".json"))
        schemas[kind] = schema
        cls = jsonschema.validators.validator_for(schema)
        cls.check_schema(schema)
        v = cls(schema, format_checker=fc)
        errs = []
        for r in recs:
            for e in v.iter_errors(r):
                errs.append("%s: %s: %s" % (r.get("id"), "/".join(
                    str(x) for x in e.path), e.message))
        ok(not errs, L + "%d %ss valid against %s.json (%s)" %
           (len(recs), kind, kind, cls.__name__), "\n".join(errs))
        props = list(schema["properties"])
        bad = [r.get("id") for r in recs if set(r) != set(props)]
        ok(not bad, L + "every %s has every key of the schema, and no "
           "other" % kind, " ".join(map(str, bad[:10])))

    # --- vocabularies -----------------------------------------------------
    def vocab(fname):
        return {t["value"] for t in load_json(os.path.join(
            a.schema, "extra", fname))}
    vocabs = {"thematiques": vocab("thematiques.json"),
              "modes_accueil": vocab("modes-accueil.json"),
              "modes_mobilisation": vocab("modes-mobilisation.json"),
              "mobilisable_par": vocab("personnes-mobilisatrices.json"),
              "frais": vocab("frais.json")}
    bad = []
    used = 0
    for r in services:
        for k, voc in vocabs.items():
            vals = r.get(k)
            vals = [vals] if isinstance(vals, str) else vals or []
            for x in vals:
                used += 1
                if x not in voc:
                    bad.append("%s: %s %r" % (r["id"], k, x))
    ok(not bad and used > 0, L + "%d values of closed lists, all in the "
       "vocabularies of extra/" % used, "\n".join(bad))

    # --- ids and links ----------------------------------------------------
    sid = [r["id"] for r in structures]
    vid = [r["id"] for r in services]
    ok(len(set(sid)) == len(sid) and len(set(vid)) == len(vid),
       L + "ids unique (%d structures, %d services)" % (len(sid), len(vid)))
    lone = [r["id"] for r in services if r["structure_id"] not in set(sid)]
    ok(not lone, L + "every service belongs to a structure", " ".join(lone))
    empty = [s for s in sid if not any(r["structure_id"] == s
                                       for r in services)]
    ok(not empty, L + "every structure has at least one service",
       " ".join(empty))

    # --- CSV = JSON ---------------------------------------------------------
    for name, recs, kind in (("structures.csv", structures, "structure"),
                             ("services.csv", services, "service")):
        text = files[name]
        ok(not text.startswith("\ufeff") and "\r\n" in text,
           L + "%s: UTF-8 without BOM, CRLF" % name)
        rows = list(csv.reader(io.StringIO(text, newline="")))
        header, rows = rows[0], rows[1:]
        ok(recs and header == list(recs[0]), L + "%s: header = JSON keys"
           % name, "%s\n%s" % (header, list(recs[0]) if recs else ""))
        diffs = []
        for r, row in zip(recs, rows):
            want = []
            for k in header:
                x = r.get(k)
                if x is None:
                    x = ""
                elif isinstance(x, list):
                    x = "|".join(x)
                got = row[header.index(k)]
                if got != x and not (got == "'" + x and re.match(
                        r"[=@\t\r+-]", x)):
                    diffs.append("%s %s: %r != %r" % (r["id"], k, got, x))
        ok(len(rows) == len(recs) and not diffs, L + "%s: %d rows, the same "
           "values as the JSON" % (name, len(rows)), "\n".join(diffs[:20]))
        risky = ["%r" % c for row in rows for c in row
                 if re.match(r"[=@\t\r-]|\+(?![0-9]+$)", c)]
        ok(not risky, L + "%s: no cell a spreadsheet would run as a formula "
           "(E.164 numbers kept)" % name, "\n".join(risky[:10]))

    if not a.content:
        print("1..%d" % n)
        return

    # --- round trip with the content -------------------------------------
    site = yaml.safe_load(open(os.path.join(a.content, "site.yaml"),
                               encoding="utf-8-sig"))
    m = site.get("data_inclusion") or {}
    prefix = m.get("prefixe_id") or m["source"] + "--"
    pages = {}
    pdir = os.path.join(a.content, "partenaires")
    for f in sorted(os.listdir(pdir)):
        if f.endswith(".md"):
            pages[f[:-3]] = front_matter(os.path.join(pdir, f))
    bystruct = {r["id"]: r for r in structures}
    ok(set(bystruct) == {prefix + s for s in pages}, L + "one structure per "
       "partner page (%d), id = prefix + slug" % len(pages),
       " ".join(sorted(set(bystruct) ^ {prefix + s for s in pages})))

    mods = {fold(k): v for k, v in (m.get("modalites") or {}).items()}
    couts = m.get("couts") or {}
    diffs = []
    for slug, fm in pages.items():
        st = bystruct.get(prefix + slug)
        if st is None:
            continue
        sv = [r for r in services if r["structure_id"] == st["id"]]
        nact = len(fm.get("actions") or [])
        if len(sv) != max(nact, 1):
            diffs.append("%s: %d services for %d actions" % (slug, len(sv),
                                                              nact))
        adr = fm.get("adresse") or {}
        tel = fm.get("telephone")
        want = {
            "date_maj": str(fm["mise_a_jour"]),
            "courriel": fm.get("courriel"),
            "telephone": e164(str(tel)) if tel else None,
            "adresse": adr.get("rue"),
            "complement_adresse": adr.get("complement"),
            "code_postal": str(adr["code_postal"]) if adr.get("code_postal")
            else None,
            "commune": adr.get("ville"),
        }
        for r in [st] + sv:
            for k, x in want.items():
                if r[k] != x:
                    diffs.append("%s %s: %r != %r" % (r["id"], k, r[k], x))
            try:
                if osm_hours(r["horaires_accueil"]) != page_hours(
                        fm.get("horaires")):
                    diffs.append("%s hours: %r != %r" % (
                        r["id"], r["horaires_accueil"], fm.get("horaires")))
            except ValueError as e:
                diffs.append("%s: %s" % (r["id"], e))
        if len(st["nom"]) > 150 or (len(fm["nom"]) >= 3 and
                                    len(fm["nom"]) <= 150 and
                                    st["nom"] != fm["nom"]):
            diffs.append("%s nom: %r" % (slug, st["nom"]))
        # Sub-themes, modes and costs as the mapping says.
        themes = set()
        for t in fm.get("thematiques") or []:
            themes |= set((m.get("thematiques") or {}).get(t) or [])
        acc = fm.get("acces") or {}
        ml = acc.get("modalites") or []
        ml = [ml] if isinstance(ml, str) else ml
        want_modes = {"modes_accueil": set(), "modes_mobilisation": set(),
                      "mobilisable_par": set()}
        for x in ml:
            f = fold(x)
            if f.startswith("sur orientation"):
                f = "sur orientation"
            for k in want_modes:
                want_modes[k] |= set((mods.get(f) or {}).get(k) or [])
        if "utiliser-lien-mobilisation" in want_modes["modes_mobilisation"] \
                and not fm.get("site"):
            want_modes["modes_mobilisation"].discard(
                "utiliser-lien-mobilisation")
        frais = couts.get(acc.get("cout")) if acc.get("cout") else None
        for r in sv:
            if set(r["thematiques"] or []) != themes:
                diffs.append("%s thematiques: %s != %s" % (
                    r["id"], r["thematiques"], sorted(themes)))
            for k, x in want_modes.items():
                if set(r[k] or []) != x:
                    diffs.append("%s %s: %s != %s" % (r["id"], k, r[k],
                                                      sorted(x)))
            if r["frais"] != frais:
                diffs.append("%s frais: %r != %r" % (r["id"], r["frais"],
                                                     frais))
            if r["contact_nom_prenom"] is not None:
                diffs.append("%s: contact_nom_prenom published" % r["id"])
    ok(not diffs, L + "every record says what its page and the mapping say "
       "(names, dates, E.164 phones, e-mails, addresses, hours, sub-themes, "
       "modes, costs)", "\n".join(diffs[:30]))

    secrets = private_values(pages)
    hits = [(name, s) for name, t in files.items() for s in secrets
            if s in t]
    ok(secrets and not hits, L + "no private value (%d from contacts and "
       "note_suivi) in the four files" % len(secrets),
       "\n".join("%s: %s" % h for h in hits[:10]))
    print("1..%d" % n)


try:
    main()
except Exception as e:  # a crash is a failure, not a silent pass
    ok(False, "check.py ran", repr(e))
    print("1..%d" % n)
sys.exit(1 if failed else 0)
