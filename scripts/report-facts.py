#!/usr/bin/env python3
"""Reads a report folder as a browser and a spreadsheet would, with Python's own parsers (an
oracle outside nnviz), and prints what they saw as JSON for the tests to check:

    scripts/report-facts.py REPORT_FOLDER

- "elements": every start tag of index.html as [tag, {attribute: value}] (html.parser:
  entities decoded, attributes split as a browser splits them);
- "text": the page's text content (entities decoded, inline style left out);
- "csv": for each data/*.csv, its rows as the csv module reads them (RFC 4180 quoting)."""
import csv
import glob
import html.parser
import json
import os
import sys


class Page(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements, self.text, self.skip = [], [], 0

    def handle_starttag(self, tag, attrs):
        self.elements.append([tag, {k: (v if v is not None else "") for k, v in attrs}])
        self.skip += tag == "style"

    def handle_endtag(self, tag):
        self.skip -= tag == "style" and self.skip > 0

    def handle_data(self, data):
        if not self.skip:
            self.text.append(data)


folder = sys.argv[1]
page = Page()
with open(os.path.join(folder, "index.html"), encoding="utf-8") as f:
    page.feed(f.read())
page.close()
tables = {}
for path in sorted(glob.glob(os.path.join(folder, "data", "*.csv"))):
    with open(path, newline="", encoding="utf-8") as f:
        tables[os.path.relpath(path, folder)] = list(csv.reader(f, strict=True))
json.dump({"elements": page.elements, "text": " ".join(page.text), "csv": tables}, sys.stdout)
