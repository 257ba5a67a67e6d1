#!/usr/bin/env python3
"""Edit-to-reload latency of the preview: save an article, poll its page until the new text is served.

Talks to a preview that is already running (see preview-edit.sh). Each round appends a unique marker to the
body of one article, takes the time right after the file is written and closed, then polls the article's URL
over one keep-alive connection until the marker appears. Rounds are spaced so that each save is its own rebuild.
Standard library only.
"""

import argparse
import http.client
import os
import statistics
import sys
import time


def fetch(conn, path):
    conn.request("GET", path)
    response = conn.getresponse()
    return response.status, response.read()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--posts", required=True, help="folder of the articles")
    ap.add_argument("--rounds", type=int, default=20)
    ap.add_argument("--timeout", type=float, default=10.0)
    a = ap.parse_args()

    conn = http.client.HTTPConnection("127.0.0.1", a.port, timeout=a.timeout)
    names = sorted(n for n in os.listdir(a.posts) if n.endswith(".md"))
    samples = []
    for i in range(a.rounds):
        name = names[(i * 37) % len(names)]
        slug = name[:-3]
        path = os.path.join(a.posts, name)
        with open(path, encoding="utf-8") as f:
            text = f.read()
        marker = "benchmark-marker-%d-%d" % (os.getpid(), i)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text.rstrip("\n") + "\n\nEdited: " + marker + "\n")
        saved = time.perf_counter()
        url = "/posts/%s/" % slug
        while True:
            status, body = fetch(conn, url)
            if marker.encode() in body:
                break
            if time.perf_counter() - saved > a.timeout:
                sys.exit("timed out waiting for %s (last status %d)" % (url, status))
            time.sleep(0.001)
        samples.append((time.perf_counter() - saved) * 1000)
        time.sleep(0.3)

    samples.sort()
    p90 = samples[min(len(samples) - 1, int(round(0.9 * len(samples))) - 1)]
    print("rounds=%d median=%.1fms p90=%.1fms min=%.1fms max=%.1fms" % (
        len(samples), statistics.median(samples), p90, samples[0], samples[-1]))
    print("samples_ms=" + " ".join("%.1f" % s for s in samples))


if __name__ == "__main__":
    main()
