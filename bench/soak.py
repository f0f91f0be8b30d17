#!/usr/bin/env python3
"""Holds a running pamir at a steady rate of mixed requests and reports
latency and memory over time. Called by bench/soak.sh, which starts the
server; usable on its own against any pamir:

    bench/soak.py --base http://127.0.0.1:18080 --token TOKEN --pid PID \
        --rate 200 --seconds 600

Open loop: request n is due at start + n / rate whatever happened before,
and its latency counts from when it was due, so a server that falls behind
shows it in the figures instead of slowing the load down. Meanwhile an
editor saves an item through the API every few seconds, so the page cache
is dropped and pages are rendered afresh as on a working day.
"""

import argparse
import http.client
import json
import random
import statistics
import threading
import time
import urllib.parse

SEARCH_WORDS = {
    "en": ["migration", "water", "Khujand", "remittances", "jobs fair", "border", "health", "climate"],
    "ru": ["миграция", "вода", "Худжанд", "денежные переводы", "граница"],
    "tg": ["муҳоҷират", "об", "Хуҷанд", "сарҳад"],
}


def get_json(base, path):
    url = urllib.parse.urlsplit(base)
    connection = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
    connection.request("GET", path)
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return json.loads(body)


def discover(base):
    """The addresses a reader would visit, found through the API and the front pages."""
    paths = {"item": [], "front": [], "category": [], "tag": [], "search": [], "feed": [], "media": [], "api": []}
    for lang in ("en", "ru", "tg"):
        paths["front"].append(f"/{lang}/")
        paths["feed"] += [f"/{lang}/feed.atom", f"/{lang}/feed.rss", f"/{lang}/events.ics"]
        cursor, pages = None, 0
        while pages < 5:
            query = f"/api/v1/items?lang={lang}" + (f"&cursor={urllib.parse.quote(cursor)}" if cursor else "")
            listing = get_json(base, query)
            paths["item"] += [item["url"] for item in listing["items"]]
            paths["api"] += [f"/api/v1/items/{item['id']}" for item in listing["items"][:5]]
            cursor, pages = listing.get("next_cursor"), pages + 1
            if not cursor:
                break
        paths["api"].append(f"/api/v1/items?lang={lang}")
        for category in get_json(base, f"/api/v1/categories?lang={lang}"):
            paths["category"] += [category["url"], category["url"] + "?page=2"]
        for tag in get_json(base, f"/api/v1/tags?lang={lang}"):
            paths["tag"].append(f"/{lang}/tags/{tag['slug']}")
        for word in SEARCH_WORDS[lang]:
            paths["search"].append(f"/{lang}/search?q={urllib.parse.quote(word)}")
            paths["api"].append(f"/api/v1/search?lang={lang}&q={urllib.parse.quote(word)}")
    url = urllib.parse.urlsplit(base)
    connection = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
    for front in paths["front"]:
        connection.request("GET", front)
        page = connection.getresponse().read().decode("utf-8", "replace")
        for part in page.split('src="/media/')[1:]:
            paths["media"].append("/media/" + part.split('"', 1)[0])
    connection.close()
    paths["media"] = sorted(set(paths["media"])) or ["/robots.txt"]
    return {kind: found for kind, found in paths.items() if found}


# Share of each kind in the mix: mostly pages, as a country office's site sees.
MIX = {"item": 34, "front": 14, "category": 14, "tag": 5, "search": 8, "feed": 5, "media": 8, "api": 8, "busting": 4}


def pick(paths, rng):
    kind = rng.choices(list(MIX), weights=list(MIX.values()))[0]
    if kind == "busting":
        # A client trying to get round the page cache with made-up parameters.
        return kind, f"/en/?utm_source={rng.randrange(10**9)}&x={rng.randrange(10**9)}"
    if kind not in paths:
        kind = "item"
    return kind, rng.choice(paths[kind])


class Results:
    def __init__(self):
        self.lock = threading.Lock()
        self.rows = []  # (second since start, kind, status, latency in ms)

    def add(self, row):
        with self.lock:
            self.rows.append(row)


def reader(base, paths, start, rate, total, counter, results, seed):
    rng = random.Random(seed)
    url = urllib.parse.urlsplit(base)
    connection = None
    while True:
        with counter["lock"]:
            n = counter["next"]
            counter["next"] += 1
        if n >= total:
            break
        due = start + n / rate
        wait = due - time.monotonic()
        if wait > 0:
            time.sleep(wait)
        kind, path = pick(paths, rng)
        status = 0
        try:
            if connection is None:
                connection = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
            connection.request("GET", path, headers={"Accept-Encoding": "br, gzip"})
            response = connection.getresponse()
            response.read()
            status = response.status
            if response.getheader("connection", "").lower() == "close":
                connection.close()
                connection = None
        except (OSError, http.client.HTTPException):
            if connection is not None:
                connection.close()
            connection = None
        results.add((due - start, kind, status, (time.monotonic() - due) * 1000))


def editor(base, token, every, stop, saves):
    """An editor at work: one item saved again and again, each time a little changed."""
    url = urllib.parse.urlsplit(base)
    headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
    categories = get_json(base, "/api/v1/categories?lang=en")
    item = {
        "lang": "en", "kind": "article", "category_id": categories[0]["id"], "state": "published",
        "title": "Office hours during the soak test", "body_markdown": "Saved 0 times.",
    }
    connection = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
    connection.request("POST", "/api/v1/items", body=json.dumps(item), headers=headers)
    created = json.loads(connection.getresponse().read())
    item_id, version = created["id"], created["version"]
    del item["lang"], item["state"]
    n = 0
    while not stop.wait(every):
        n += 1
        item["body_markdown"] = f"Saved {n} times, at {time.strftime('%H:%M:%S')}."
        item["version"] = version
        try:
            connection.request("PUT", f"/api/v1/items/{item_id}", body=json.dumps(item), headers=headers)
            response = connection.getresponse()
            body = response.read()
            if response.status == 200:
                version = json.loads(body)["version"]
                saves["ok"] += 1
            else:
                saves["failed"] += 1
        except (OSError, http.client.HTTPException):
            saves["failed"] += 1
            connection = http.client.HTTPConnection(url.hostname, url.port, timeout=30)


def resident_kib(pid):
    """(resident, of it anonymous) in KiB. The rest is files mapped into
    memory (SQLite maps its database once per connection, and each mapping
    counts again in the resident figure though the pages are shared), which
    the kernel can drop whenever memory is short."""
    found = {}
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                key, _, value = line.partition(":")
                if key in ("VmRSS", "RssAnon"):
                    found[key] = int(value.split()[0])
    except OSError:
        pass
    return found.get("VmRSS", 0), found.get("RssAnon", 0)


def percentile(values, p):
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base", required=True)
    parser.add_argument("--token", required=True)
    parser.add_argument("--pid", type=int, required=True, help="the server's process, for its memory")
    parser.add_argument("--rate", type=float, default=200)
    parser.add_argument("--seconds", type=int, default=600)
    parser.add_argument("--save-every", type=float, default=3, help="seconds between the editor's saves")
    parser.add_argument("--readers", type=int, default=48, help="concurrent connections")
    args = parser.parse_args()

    paths = discover(args.base)
    print("addresses: " + ", ".join(f"{kind} {len(found)}" for kind, found in paths.items()))
    results, counter = Results(), {"next": 0, "lock": threading.Lock()}
    total = int(args.rate * args.seconds)
    start = time.monotonic() + 0.5
    stop, saves = threading.Event(), {"ok": 0, "failed": 0}
    memory = []
    threads = [
        threading.Thread(target=reader, args=(args.base, paths, start, args.rate, total, counter, results, seed))
        for seed in range(args.readers)
    ]
    threads.append(threading.Thread(target=editor, args=(args.base, args.token, args.save_every, stop, saves)))
    for thread in threads:
        thread.start()
    memory.append((0, resident_kib(args.pid)))
    while any(thread.is_alive() for thread in threads[:-1]):
        time.sleep(10)
        memory.append((round(time.monotonic() - start), resident_kib(args.pid)))
    stop.set()
    for thread in threads:
        thread.join()

    rows = results.rows
    errors = [row for row in rows if not 200 <= row[2] < 400]
    elapsed = max(row[0] for row in rows) if rows else 1
    print(f"\n{len(rows)} requests in {elapsed:.0f} s ({len(rows) / max(elapsed, 1):.0f}/s), "
          f"{len(errors)} errors; editor saves: {saves['ok']} saved, {saves['failed']} failed")
    print(f"\n{'kind':10} {'requests':>9} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8} {'errors':>7}")
    for kind in list(MIX):
        latencies = [row[3] for row in rows if row[1] == kind]
        if latencies:
            failed = sum(1 for row in errors if row[1] == kind)
            print(f"{kind:10} {len(latencies):9} {percentile(latencies, 50):8.1f} {percentile(latencies, 99):8.1f} "
                  f"{max(latencies):8.1f} {failed:7}")
    latencies = [row[3] for row in rows]
    print(f"{'all':10} {len(rows):9} {percentile(latencies, 50):8.1f} {percentile(latencies, 99):8.1f} "
          f"{max(latencies) if latencies else 0:8.1f} {len(errors):7}")
    print(f"\n{'minute':>6} {'req/s':>6} {'p50 ms':>8} {'p99 ms':>8} {'RSS MiB':>8} {'anon MiB':>9}")
    for minute in range(int(elapsed // 60) + 1):
        window = [row[3] for row in rows if minute * 60 <= row[0] < (minute + 1) * 60]
        rss = [kib for at, kib in memory if minute * 60 <= at < (minute + 1) * 60]
        if window:
            seconds = max(1.0, min(60.0, elapsed - minute * 60))
            print(f"{minute + 1:6} {len(window) / seconds:6.0f} {percentile(window, 50):8.1f} "
                  f"{percentile(window, 99):8.1f} {max((r for r, _ in rss), default=0) / 1024:8.1f} "
                  f"{max((a for _, a in rss), default=0) / 1024:9.1f}")
    print()
    if errors:
        print("first errors: " + "; ".join(f"{row[1]} status {row[2]}" for row in errors[:5]))
    for name, values in (("resident", [r for _, (r, _) in memory if r]), ("anonymous", [a for _, (_, a) in memory if a])):
        if values:
            print(f"{name} memory: {values[0] / 1024:.1f} MiB at the start, {statistics.median(values) / 1024:.1f} "
                  f"median, {max(values) / 1024:.1f} highest, {values[-1] / 1024:.1f} at the end")


if __name__ == "__main__":
    main()
