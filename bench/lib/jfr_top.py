#!/usr/bin/env python3
"""Summarises a JFR recording: where the sampled Java threads were (top frames, inclusive methods,
code areas by package) and which native methods they sat in. Usage: jfr_top.py FILE.jfr"""
import collections
import re
import subprocess
import sys

AREAS = [
    ("relay (org.aigateway.relay)", "org.aigateway.relay"), ("log/billing services", "org.aigateway.log"),
    ("log/billing services", "org.aigateway.billing"), ("other gateway code", "org.aigateway"),
    ("vertx micrometer metrics", "io.vertx.micrometer"), ("micrometer", "io.micrometer"),
    ("vertx web (router)", "io.vertx.ext.web"), ("vertx pg/sql client", "io.vertx.pgclient"),
    ("vertx pg/sql client", "io.vertx.sqlclient"), ("vertx core", "io.vertx.core"),
    ("netty", "io.netty"), ("jackson", "com.fasterxml.jackson"), ("jdk nio", "sun.nio"),
    ("jdk", "java."), ("jdk", "jdk."), ("jdk", "sun."),
]
FRAME = re.compile(r"^\s+([\w$.<>]+)\(.*\)\s+line:")


def samples(path, event):
    text = subprocess.run(["jfr", "print", "--stack-depth", "64", "--events", event, path],
                          capture_output=True, text=True, check=True).stdout
    for block in text.split(event + " {")[1:]:
        thread = re.search(r'sampledThread = "([^"]*)"', block)
        frames = [m.group(1) for m in map(FRAME.match, block.splitlines()) if m]
        if frames:
            yield (thread.group(1) if thread else "?"), frames


def area(frame):
    return next((name for name, prefix in AREAS if frame.startswith(prefix)), "other")


def report(path, event, top=25):
    self_count, incl, areas, threads, ours = (collections.Counter() for _ in range(5))
    owners, paths = collections.Counter(), collections.Counter()
    total = 0
    for thread, frames in samples(path, event):
        total += 1
        self_count[frames[0]] += 1
        areas[area(frames[0])] += 1
        threads[thread] += 1
        for f in set(frames):
            incl[f] += 1
            if f.startswith("org.aigateway"):
                ours[f] += 1
        path = [f.replace("org.aigateway.", "") for f in frames if f.startswith("org.aigateway")][:2]
        paths[" <- ".join(path) if path else "(no gateway frame)"] += 1
        owner = next((f for f in frames if f.startswith("org.aigateway")), None)
        owners[owner.rsplit(".", 1)[0] if owner else "(no gateway frame: server/client plumbing, I/O)"] += 1
    print(f"== {event}: {total} samples")
    if not total:
        return
    print("-- threads");
    for name, n in threads.most_common(8):
        print(f"{100 * n / total:5.1f}%  {name}")
    print("-- self time by code area (top frame)")
    for name, n in areas.most_common():
        print(f"{100 * n / total:5.1f}%  {name}")
    print("-- by innermost gateway class on the stack (what the time was spent for)")
    for name, n in owners.most_common(top):
        print(f"{100 * n / total:5.1f}%  {name}")
    print("-- by the two innermost gateway frames")
    for name, n in paths.most_common(top):
        print(f"{100 * n / total:5.1f}%  {name}")
    print(f"-- top {top} frames (self)")
    for name, n in self_count.most_common(top):
        print(f"{100 * n / total:5.1f}%  {name}")
    print(f"-- top {top} methods (inclusive)")
    for name, n in incl.most_common(top + 15):
        print(f"{100 * n / total:5.1f}%  {name}")
    print(f"-- gateway methods (inclusive)")
    for name, n in ours.most_common(top + 15):
        print(f"{100 * n / total:5.1f}%  {name}")


def main():
    report(sys.argv[1], "jdk.ExecutionSample")
    print()
    report(sys.argv[1], "jdk.NativeMethodSample", top=10)


if __name__ == "__main__":
    main()
