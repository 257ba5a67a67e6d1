#!/usr/bin/env python3
"""Deterministic corpus generator for the sales-insights blog benchmarks.

Writes N Markdown posts with YAML front matter (title, date, author, tags,
summary) and a body of roughly 800-1500 words that exercises headings,
paragraphs, bullet and numbered lists, a GFM pipe table, a fenced code block,
a block quote, inline code, emphasis and links to other posts by slug.

The same --seed and --n always give byte-identical files, whatever the
--layout; only the file paths differ:

  hugo      OUT/content/posts/<slug>.md
  eleventy  OUT/posts/<slug>.md
  jekyll    OUT/_posts/<YYYY-MM-DD>-<slug>.md
  plain     OUT/<slug>.md
  salesinsights  OUT/input/posts/<slug>.md, plus OUT/input/site.yml

Chart blocks (--charts K) and a generated dataset (--rows R) exist only for
the salesinsights layout: K ```chart blocks are appended to posts 0, 1, ...
(round robin when K > N) and query OUT/input/data/bench_deals.csv, which has
R rows. They come from their own random generator, so every post's text
before its charts is the same with or without them.

Links between posts always point to /posts/<slug>/, so every peer is set up to
publish posts under that URL. The text contains no '{' or '}' so that Liquid
(Jekyll, Eleventy) never sees a tag or an output block in a post.

Standard library only. Usage:
  python3 gen_corpus.py --n 1000 --out /tmp/corpus --seed 42 --layout hugo
  python3 gen_corpus.py --n 1000 --out /tmp/si --layout salesinsights --charts 200 --rows 1000000
"""

import argparse
import datetime as dt
import os
import random
import sys

TAGS = [
    "pipeline", "forecasting", "churn", "retention", "pricing", "discounting",
    "renewals", "upsell", "cross-sell", "lead-scoring", "win-rate",
    "deal-velocity", "territory-planning", "quota", "commission", "crm",
    "revenue-ops", "marketing-ops", "outbound", "inbound", "partner-channel",
    "account-based", "enterprise", "smb", "emea", "apac", "north-america",
    "cohort-analysis", "dashboards", "benchmarks",
]

AUTHORS = [
    "Maya Lindqvist", "Tomás Herrera", "Priya Raman", "Jonas Becker",
    "Aisha Okafor", "Wei Zhang", "Claire Dubois", "Marcus Reed",
    "Sofia Rossi", "Kenji Watanabe", "Hannah Cole", "Diego Alvarez",
]

NOUNS = [
    "pipeline", "forecast", "quota", "deal", "account", "prospect", "lead",
    "opportunity", "renewal", "contract", "territory", "segment", "cohort",
    "funnel", "conversion", "margin", "discount", "price point", "win rate",
    "churn", "retention", "expansion", "upsell", "bookings", "revenue",
    "backlog", "playbook", "cadence", "quarter", "region", "rep", "manager",
    "champion", "buyer", "stakeholder", "procurement team", "budget",
    "proposal", "demo", "trial", "handoff", "dashboard", "metric", "target",
    "commission plan", "sales cycle", "close date", "stage", "velocity",
    "order value", "customer base", "market", "channel", "partner",
]

PLURALS = {
    "pipeline": "pipelines", "forecast": "forecasts", "quota": "quotas",
    "deal": "deals", "account": "accounts", "prospect": "prospects",
    "lead": "leads", "opportunity": "opportunities", "renewal": "renewals",
    "contract": "contracts", "territory": "territories",
    "segment": "segments", "cohort": "cohorts", "rep": "reps",
    "manager": "managers", "buyer": "buyers", "partner": "partners",
    "champion": "champions", "stakeholder": "stakeholders",
    "proposal": "proposals", "demo": "demos", "metric": "metrics",
    "target": "targets", "channel": "channels", "market": "markets",
    "bookings": "bookings", "revenue": "revenue", "churn": "churn",
    "retention": "retention", "backlog": "backlogs", "velocity": "velocity",
}

VERBS = [
    "grew", "slipped", "stalled", "accelerated", "recovered", "doubled",
    "shrank", "outpaced", "trailed", "converted", "closed", "expanded",
    "contracted", "stabilised", "rebounded", "lagged", "improved",
    "deteriorated", "flattened", "spiked",
]

ACTIONS = [
    "qualify", "forecast", "segment", "prioritise", "renegotiate", "review",
    "coach", "inspect", "benchmark", "re-score", "consolidate", "audit",
    "rebalance", "automate", "track", "escalate", "model", "pilot",
]

ADJS = [
    "late-stage", "early-stage", "qualified", "stalled", "strategic",
    "mid-market", "enterprise", "inbound", "outbound", "net-new",
    "recurring", "seasonal", "regional", "weighted", "committed",
    "best-case", "at-risk", "high-intent", "low-touch", "multi-year",
    "discounted", "healthy", "lagging", "leading", "blended",
]

ADVERBS = [
    "sharply", "steadily", "quietly", "unexpectedly", "consistently",
    "modestly", "dramatically", "gradually", "noticeably", "predictably",
]

REGIONS = [
    "EMEA", "APAC", "North America", "LATAM", "the DACH region", "the Nordics",
    "the UK", "Southeast Asia", "the Midwest", "the West Coast",
]

PERIODS = [
    "Q1", "Q2", "Q3", "Q4", "the first half", "the second half",
    "the last two quarters", "the fiscal year", "the holiday season",
    "the trailing twelve months",
]

TOOLS = [
    "the CRM", "the forecasting sheet", "the BI dashboard", "the call recorder",
    "the quoting tool", "the data warehouse", "the enrichment feed",
    "the territory map", "the commission calculator",
]

CONNECTORS = [
    "Meanwhile", "In contrast", "As a result", "At the same time",
    "On the other hand", "Taken together", "More importantly", "In practice",
    "Interestingly", "Not surprisingly", "For comparison", "Over time",
]

TITLE_PATTERNS = [
    "Why {adj} {noun_p} {verb} in {region}",
    "What {period} taught us about {noun}",
    "How to {action} your {noun} before {period}",
    "{n} lessons from {adj} {noun_p}",
    "The hidden cost of {adj} {noun_p}",
    "Reading the {noun} signal in {region}",
    "A field guide to {adj} {noun_p}",
    "When {noun_p} {verb}: a {period} post-mortem",
    "{noun_cap} benchmarks for {region}",
    "Stop guessing: {action} the {noun} with data",
]

HEADINGS = [
    "Context", "What the numbers say", "Where the {noun} broke down",
    "A closer look at {region}", "The {adj} {noun} problem",
    "What we changed", "Results after {period}", "Caveats",
    "How to {action} the {noun}", "Open questions", "Methodology",
    "Segment by segment", "The {noun} in practice", "Takeaways",
]

SQL_SNIPPETS = [
    ("sql", [
        "SELECT region,",
        "       stage,",
        "       COUNT(*)            AS deals,",
        "       SUM(amount)         AS pipeline,",
        "       AVG(days_in_stage)  AS avg_days",
        "FROM opportunities",
        "WHERE close_date >= DATE '{year}-01-01'",
        "  AND stage NOT IN ('Closed Lost')",
        "GROUP BY region, stage",
        "ORDER BY pipeline DESC;",
    ]),
    ("python", [
        "import pandas as pd",
        "",
        "deals = pd.read_csv('opportunities_{year}.csv', parse_dates=['close_date'])",
        "won = deals[deals.stage == 'Closed Won']",
        "win_rate = len(won) / len(deals)",
        "by_region = won.groupby('region').amount.sum().sort_values()",
        "print(f'win rate: ' + format(win_rate, '.1%'))",
        "print(by_region.tail(5))",
    ]),
    ("csv", [
        "month,region,bookings,pipeline,win_rate",
        "{year}-01,EMEA,412000,1840000,0.22",
        "{year}-02,EMEA,389000,1790000,0.21",
        "{year}-03,EMEA,455000,1910000,0.24",
        "{year}-01,APAC,198000,960000,0.19",
        "{year}-02,APAC,221000,1010000,0.20",
    ]),
    ("yaml", [
        "forecast:",
        "  method: weighted",
        "  stages:",
        "    discovery: 0.10",
        "    evaluation: 0.30",
        "    proposal: 0.55",
        "    negotiation: 0.80",
        "  horizon_quarters: 2",
    ]),
]


def plural(noun):
    if noun in PLURALS:
        return PLURALS[noun]
    if noun.endswith("y") and noun[-2] not in "aeiou":
        return noun[:-1] + "ies"
    if noun.endswith(("s", "x", "ch", "sh")):
        return noun + "es"
    return noun + "s"


def slugify(text):
    out = []
    prev_dash = False
    for ch in text.lower():
        if ch.isascii() and ch.isalnum():
            out.append(ch)
            prev_dash = False
        elif not prev_dash:
            out.append("-")
            prev_dash = True
    return "".join(out).strip("-")


def yaml_quote(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


class PostWriter:
    def __init__(self, rng, slugs, titles, year, index=0):
        self.r = rng
        self.slugs = slugs
        self.titles = titles
        self.year = year
        self.index = index
        self.words = 0

    # -- small pieces -------------------------------------------------------
    def fill(self, pattern):
        r = self.r
        noun = r.choice(NOUNS)
        return pattern.format(
            adj=r.choice(ADJS), noun=noun, noun_p=plural(r.choice(NOUNS)),
            noun_cap=noun[0].upper() + noun[1:], verb=r.choice(VERBS),
            region=r.choice(REGIONS), period=r.choice(PERIODS),
            action=r.choice(ACTIONS), n=r.randint(3, 12),
        )

    def link(self):
        # only posts generated before this one are linked (post 0 links to
        # itself), so that post i does not depend on N
        i = self.r.randrange(max(self.index, 1))
        text = self.titles[i]
        if len(text) > 48:
            text = " ".join(text.split()[:5])
        return "[{}](/posts/{}/)".format(text.lower(), self.slugs[i])

    def emph(self, word):
        k = self.r.random()
        if k < 0.5:
            return "*" + word + "*"
        if k < 0.85:
            return "**" + word + "**"
        return "`" + word.replace(" ", "_") + "`"

    def sentence(self):
        r = self.r
        t = r.randrange(9)
        pct = r.randint(2, 68)
        if t == 0:
            s = "{} {} {} {} in {} during {}".format(
                "The", r.choice(ADJS), r.choice(NOUNS), r.choice(VERBS),
                r.choice(REGIONS), r.choice(PERIODS))
        elif t == 1:
            s = "{} {} {} by {}% compared with {}".format(
                plural(r.choice(NOUNS)).capitalize(), r.choice(ADVERBS),
                r.choice(VERBS), pct, r.choice(PERIODS))
        elif t == 2:
            s = "{}, teams that {} the {} every week saw {} {} {}".format(
                r.choice(CONNECTORS), r.choice(ACTIONS), r.choice(NOUNS),
                r.choice(ADJS), plural(r.choice(NOUNS)), r.choice(VERBS))
        elif t == 3:
            s = "We pulled the data from {} and compared {} {} across {} {}".format(
                r.choice(TOOLS), r.choice(ADJS), plural(r.choice(NOUNS)),
                r.randint(3, 40), plural(r.choice(["segment", "region", "rep", "cohort"])))
        elif t == 4:
            s = "A {} {} is only as good as the {} behind it".format(
                r.choice(ADJS), r.choice(NOUNS), r.choice(NOUNS))
        elif t == 5:
            s = "Roughly {}% of {} {} never reached the {} stage".format(
                pct, r.choice(ADJS), plural(r.choice(NOUNS)), r.choice(
                    ["proposal", "negotiation", "evaluation", "contract"]))
        elif t == 6:
            s = "{}, the {} in {} {} while the {} {} {}".format(
                r.choice(CONNECTORS), r.choice(NOUNS), r.choice(REGIONS),
                r.choice(VERBS), r.choice(NOUNS), r.choice(ADVERBS),
                r.choice(VERBS))
        elif t == 7:
            s = "Ask every {} to {} the {} before committing a {}".format(
                r.choice(["rep", "manager", "team lead", "analyst"]),
                r.choice(ACTIONS), r.choice(NOUNS), r.choice(NOUNS))
        else:
            s = "Average {} moved from ${},{:03d} to ${},{:03d} over {}".format(
                r.choice(["order value", "deal size", "contract value"]),
                r.randint(4, 90), r.randint(0, 999), r.randint(4, 90),
                r.randint(0, 999), r.choice(PERIODS))
        words = s.split(" ")
        if r.random() < 0.35:
            j = r.randrange(1, len(words))
            words[j] = self.emph(words[j])
        s = " ".join(words)
        if r.random() < 0.12:
            s += ", as we argued in " + self.link()
        self.words += len(s.split())
        return s + "."

    def paragraph(self, lo=3, hi=7):
        return " ".join(self.sentence() for _ in range(self.r.randint(lo, hi)))

    def bullet_list(self, ordered=False):
        r = self.r
        items = []
        for k in range(r.randint(3, 6)):
            item = "{} the {} {} for {}".format(
                r.choice(ACTIONS).capitalize(), r.choice(ADJS),
                r.choice(NOUNS), r.choice(REGIONS))
            if r.random() < 0.3:
                item = "**" + item + "**"
            if r.random() < 0.25:
                item += " (see " + self.link() + ")"
            elif r.random() < 0.5:
                item += ": " + self.sentence()
            self.words += len(item.split())
            items.append(("{}. ".format(k + 1) if ordered else "- ") + item)
        return "\n".join(items)

    def table(self):
        r = self.r
        dims = r.sample(REGIONS, r.randint(4, 7))
        head = "| Region | Pipeline ($k) | Bookings ($k) | Win rate | Cycle (days) |"
        sep = "|:-------|--------------:|--------------:|---------:|-------------:|"
        rows = [head, sep]
        for d in dims:
            pipe = r.randint(300, 9000)
            rows.append("| {} | {:,} | {:,} | {:.1f}% | {} |".format(
                d, pipe, int(pipe * r.uniform(0.1, 0.4)),
                r.uniform(12, 41), r.randint(21, 180)))
        self.words += 6 * len(rows)
        return "\n".join(rows)

    def code(self):
        lang, lines = self.r.choice(SQL_SNIPPETS)
        body = "\n".join(line.replace("{year}", str(self.year)) for line in lines)
        self.words += len(body.split())
        return "```" + lang + "\n" + body + "\n```"

    def quote(self):
        s = self.sentence()
        return "> " + s + "\n> -- " + self.r.choice(AUTHORS)

    # -- whole body ---------------------------------------------------------
    def body(self, target_words):
        r = self.r
        blocks = [self.paragraph(3, 5)]
        # one table, one code block and one list are guaranteed per post; they
        # are placed in random sections, the rest is filled with paragraphs.
        must = ["table", "code", "list"]
        r.shuffle(must)
        section = 0
        while self.words < target_words or must:
            section += 1
            level = "##" if section == 1 or r.random() < 0.7 else "###"
            blocks.append(level + " " + self.fill(r.choice(HEADINGS)))
            blocks.append(self.paragraph())
            if must and (r.random() < 0.6 or self.words > target_words * 0.7):
                kind = must.pop()
                if kind == "table":
                    blocks.append(self.table())
                    blocks.append(self.paragraph(1, 2))
                elif kind == "code":
                    blocks.append(self.code())
                else:
                    blocks.append(self.bullet_list(ordered=r.random() < 0.4))
            elif r.random() < 0.3:
                blocks.append(self.bullet_list(ordered=r.random() < 0.3))
            elif r.random() < 0.15:
                blocks.append(self.quote())
            if r.random() < 0.5:
                blocks.append(self.paragraph(2, 5))
        blocks.append("Related reading: " + ", ".join(
            self.link() for _ in range(r.randint(2, 4))) + ".")
        return "\n\n".join(blocks) + "\n"


def make_titles(rng, n):
    titles, slugs, seen = [], [], set()
    for i in range(n):
        w = PostWriter(rng, [], [], 2020)
        t = w.fill(rng.choice(TITLE_PATTERNS))
        t = t[0].upper() + t[1:]
        base = slugify(t)
        slug = base
        k = 2
        while slug in seen:
            slug = "{}-{}".format(base, k)
            k += 1
        seen.add(slug)
        titles.append(t)
        slugs.append(slug)
    return titles, slugs


SEGMENTS = ["SMB", "Mid-market", "Enterprise", "Strategic"]
STAGES = ["Discovery", "Evaluation", "Proposal", "Negotiation", "Closed Won", "Closed Lost"]
CHART_GROUPS = [("region", "region"), ("segment", "segment"), ("stage", "stage"),
                ("rep", "rep"), ("year(close_date)", "close_year")]
CHART_MEASURES = [("SUM(amount)", "bookings"), ("COUNT(*)", "deals"),
                  ("AVG(amount)", "average_deal"), ("AVG(cycle_days)", "average_cycle")]


def write_site_settings(folder):
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "site.yml"), "w", encoding="utf-8") as f:
        f.write("title: Sales Insights\n"
                "description: Benchmark corpus for SalesInsights.\n"
                "base_url: https://example.org\n"
                "author: Sales Insights\n"
                "language: en\n"
                "posts_per_page: 20\n")


def write_dataset(folder, rows, seed):
    """A deals table: one row per opportunity over ten years."""
    os.makedirs(folder, exist_ok=True)
    r = random.Random(seed * 7919 + rows)
    reps = ["rep-{:03d}".format(k) for k in range(120)]
    start = dt.date(2016, 1, 1)
    with open(os.path.join(folder, "bench_deals.csv"), "w", encoding="utf-8") as f:
        f.write("id,region,segment,rep,stage,created_date,close_date,cycle_days,amount\n")
        for k in range(rows):
            created = start + dt.timedelta(days=r.randrange(3650))
            cycle = r.randint(7, 240)
            closed = created + dt.timedelta(days=cycle)
            f.write("{},{},{},{},{},{},{},{},{:.2f}\n".format(
                k + 1, r.choice(REGIONS), r.choice(SEGMENTS), r.choice(reps),
                r.choice(STAGES), created.isoformat(), closed.isoformat(), cycle,
                r.lognormvariate(9.5, 1.1)))


def chart_blocks(k, n, seed):
    """K chart blocks over bench_deals, each a different aggregate, keyed by the post they go into."""
    r = random.Random(seed * 104729 + k)
    blocks = {}
    for j in range(k):
        expr, name = CHART_GROUPS[j % len(CHART_GROUPS)]
        measure, label = CHART_MEASURES[(j // len(CHART_GROUPS)) % len(CHART_MEASURES)]
        segment = SEGMENTS[j % len(SEGMENTS)]
        year = 2016 + (j // 20) % 10
        # every query differs (the minimum cycle), so each one is run: the catalog runs identical queries once
        sql = ("SELECT {expr} AS {name}, {measure} AS {label} FROM bench_deals "
               "WHERE segment = '{segment}' AND year(created_date) >= {year} AND cycle_days >= {cycle} "
               "GROUP BY 1 ORDER BY 2 DESC LIMIT {limit}").format(
            expr=expr, name=name, measure=measure, label=label, segment=segment,
            year=year, cycle=j % 97, limit=r.randint(5, 12))
        block = ("```chart\ntitle: \"{} by {} ({} deals since {}, chart {})\"\ntype: bar\nsql: {}\n```\n").format(
            label.replace("_", " ").capitalize(), name.replace("_", " "), segment, year, j + 1, sql)
        blocks.setdefault(j % max(n, 1), []).append(block)
    return blocks


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=1000, help="number of posts")
    ap.add_argument("--out", required=True, help="target folder (site root)")
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--layout", choices=["hugo", "eleventy", "jekyll", "plain", "salesinsights"],
                    default="plain")
    ap.add_argument("--charts", type=int, default=0,
                    help="chart blocks to add (salesinsights layout only)")
    ap.add_argument("--rows", type=int, default=0,
                    help="rows of the generated bench_deals.csv dataset (salesinsights layout only)")
    a = ap.parse_args(argv)
    if (a.charts or a.rows) and a.layout != "salesinsights":
        ap.error("--charts and --rows need --layout salesinsights")
    if a.charts and not a.rows:
        ap.error("--charts needs a dataset: give --rows")

    rng = random.Random(a.seed)
    titles, slugs = make_titles(rng, a.n)
    start = dt.datetime(2016, 1, 4, 8, 0, 0)
    span_minutes = 10 * 365 * 24 * 60

    if a.layout == "hugo":
        folder = os.path.join(a.out, "content", "posts")
    elif a.layout == "eleventy":
        folder = os.path.join(a.out, "posts")
    elif a.layout == "jekyll":
        folder = os.path.join(a.out, "_posts")
    elif a.layout == "salesinsights":
        folder = os.path.join(a.out, "input", "posts")
        write_site_settings(os.path.join(a.out, "input"))
        if a.rows:
            write_dataset(os.path.join(a.out, "input", "data"), a.rows, a.seed)
    else:
        folder = a.out
    os.makedirs(folder, exist_ok=True)
    charts = chart_blocks(a.charts, a.n, a.seed)

    total_bytes = 0
    total_words = 0
    for i in range(a.n):
        # each post has its own generator derived from the seed and its index,
        # so post i is the same whatever N is (N=1000 is a prefix of N=10000).
        r = random.Random(a.seed * 1_000_003 + i)
        when = start + dt.timedelta(minutes=r.randrange(span_minutes))
        when = when.replace(second=0)
        tags = r.sample(TAGS, r.randint(1, 4))
        author = r.choice(AUTHORS)
        w = PostWriter(r, slugs, titles, when.year, i)
        summary = w.sentence().replace("*", "").replace("`", "")
        # links in the summary would be noise in feeds and listings
        if "](" in summary:
            summary = summary.split(", as we argued in")[0] + "."
        w.words = 0
        body = w.body(r.randint(800, 1500))
        total_words += w.words
        fm = [
            "---",
            "title: " + yaml_quote(titles[i]),
            "date: " + when.strftime("%Y-%m-%dT%H:%M:%S+00:00"),
            "author: " + yaml_quote(author),
            "tags: [" + ", ".join(tags) + "]",
            "summary: " + yaml_quote(summary),
            "---",
            "",
        ]
        text = "\n".join(fm) + body
        for block in charts.get(i, []):
            text += "\n" + block
        if a.layout == "jekyll":
            name = when.strftime("%Y-%m-%d-") + slugs[i] + ".md"
        else:
            name = slugs[i] + ".md"
        data = text.encode("utf-8")
        total_bytes += len(data)
        with open(os.path.join(folder, name), "wb") as f:
            f.write(data)

    print("wrote {} posts to {} ({:.1f} MB, ~{} words/post)".format(
        a.n, folder, total_bytes / 1e6, total_words // max(a.n, 1)),
        file=sys.stderr)


if __name__ == "__main__":
    main()
