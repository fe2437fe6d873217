#!/usr/bin/env python3
"""Turns the raw outputs of bench/run.sh into the results table, the target check and the
accounting check; prints them and writes them, with the machine description, to a Markdown file.
Usage: report.py RAW_DIR OUT_MD"""
import statistics
import sys
from pathlib import Path

TARGETS = ("direct", "hop", "gateway")


def fields(line):
    return dict(part.split("=", 1) for part in line.split() if "=" in part)


def load_runs(raw):
    runs = {}
    for line in (raw / "runs.txt").read_text().splitlines():
        f = fields(line)
        secs = int(f["duration_us"]) / 1e6
        reqs = int(f["requests"])
        cpu_s = int(f["cpu_ticks"]) / int(f["clk_tck"])
        runs[(f["target"], f["kind"], int(f["conns"]))] = {
            "rps": reqs / secs,
            "p50": int(f["p50"]) / 1000, "p90": int(f["p90"]) / 1000, "p99": int(f["p99"]) / 1000,
            "errors": sum(int(f[k]) for k in ("connect", "read", "write", "status", "timeout")),
            "cpu_us": cpu_s * 1e6 / reqs if reqs else float("nan"),
            "rss_mib": int(f["rss_kib"]) / 1024,
            "cpu_pct": 100 * cpu_s / secs,
            "core_pct": f.get("core_busy_pct", "–"),
            "sys_pct": f"{100 * int(f['sys_ticks']) / max(1, int(f['cpu_ticks'])):.0f}" if "sys_ticks" in f else "–",
        }
    return runs


def load_ttfb(raw):
    times = {}
    for line in (raw / "ttfb.txt").read_text().splitlines():
        f = fields(line)
        times.setdefault(f["target"], []).append(float(f["s"]) * 1000)
    return {t: {"median": statistics.median(v), "p90": sorted(v)[int(len(v) * 0.9) - 1], "min": min(v), "n": len(v)}
            for t, v in times.items()}


def table(runs):
    out = ["| target | kind | conns | req/s | p50 ms | p90 ms | p99 ms | errors | × direct | × nginx hop "
           "| CPU µs/req | kernel % | CPU % | core % | RSS MiB |",
           "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for kind in ("json", "sse"):
        for (target, k, conns), r in sorted(runs.items(), key=lambda i: (i[0][2], TARGETS.index(i[0][0]))):
            if k != kind:
                continue
            direct = runs.get(("direct", kind, conns), {}).get("rps")
            hop = runs.get(("hop", kind, conns), {}).get("rps")
            out.append(f"| {target} | {kind} | {conns} | {r['rps']:,.0f} | {r['p50']:.2f} | {r['p90']:.2f} "
                       f"| {r['p99']:.2f} | {r['errors']} | {r['rps'] / direct:.2f} | {r['rps'] / hop:.2f} "
                       f"| {r['cpu_us']:.1f} | {r['sys_pct']} | {r['cpu_pct']:.0f} | {r['core_pct']} | {r['rss_mib']:.0f} |")
    return out


def targets(runs, ttfb):
    checks = []
    for kind in ("json", "sse"):
        if ("gateway", kind, 32) not in runs:
            continue  # a run without 32 connections (CONNECTIONS="256") checks the rest
        gw, hop = runs[("gateway", kind, 32)], runs[("hop", kind, 32)]
        checks.append((f"{kind} throughput @32 ≥ 0.5× nginx hop", gw["rps"] >= 0.5 * hop["rps"],
                       f"{gw['rps'] / hop['rps']:.2f}×"))
        checks.append((f"{kind} p99 @32 ≤ nginx hop p99 + 1 ms", gw["p99"] <= hop["p99"] + 1,
                       f"{gw['p99']:.2f} ms vs {hop['p99']:.2f} + 1 ms"))
    for (target, kind, conns), gw in sorted(runs.items()):
        if target == "gateway":
            hop = runs[("hop", kind, conns)]
            checks.append((f"{kind} @{conns} CPU/request ≤ 3× nginx hop", gw["cpu_us"] <= 3 * hop["cpu_us"],
                           f"{gw['cpu_us']:.1f} µs vs {hop['cpu_us']:.1f} µs ({gw['cpu_us'] / hop['cpu_us']:.2f}×)"))
    gw_t, hop_t = ttfb["gateway"]["median"], ttfb["hop"]["median"]
    checks.append(("streamed TTFB ≤ nginx hop + 0.5 ms", gw_t <= hop_t + 0.5, f"{gw_t:.3f} ms vs {hop_t:.3f} ms"))
    big = max(c for (t, _, c) in runs if t == "gateway")
    rss = runs[("gateway", "sse", big)]["rss_mib"]
    checks.append((f"RSS after the {big}-connection runs ≤ 300 MiB", rss <= 300, f"{rss:.0f} MiB"))
    errors = sum(r["errors"] for (t, _, c), r in runs.items() if t == "gateway" and c == big)
    checks.append((f"no errors at {big} connections", errors == 0, f"{errors} errors"))
    return checks


def accounting(raw):
    f = {}
    for line in (raw / "accounting.txt").read_text().splitlines():
        f.update(fields(line))
    logs, answered = int(f["logs"]), int(f["gateway_answered"]) + int(f["gateway_resets"])
    received, cut = int(f["client_received"]), int(f["client_cut_off_max"])
    amounts = {f[k] for k in ("logs_amount", "ledger_amount", "token_spend", "group_spend")}
    checks = [
        ("log rows = requests the gateway handled (its own counter)", logs == answered, f"{logs} vs {answered}"),
        ("no duplicated log rows", int(f["distinct_ids"]) == logs, f"{f['distinct_ids']} distinct ids"),
        ("client-side bound: received ≤ rows ≤ received + cut off at wrk's stops",
         received <= logs <= received + cut, f"{received} ≤ {logs} ≤ {received + cut}"),
        ("ledger rows = log rows", int(f["ledger"]) == logs, f"{f['ledger']}"),
        ("token and group request counts = log rows",
         int(f["token_requests"]) == logs == int(f["group_requests"]), f"{f['token_requests']}, {f['group_requests']}"),
        ("spend = sum of logged amounts (ledger, token, group)", len({float(a) for a in amounts}) == 1
         and len({a.rstrip("0") for a in amounts}) == 1, ", ".join(sorted(amounts))),
    ]
    return checks


def render(title, checks):
    lines = [f"| {title} | result | measured |", "|---|---|---|"]
    lines += [f"| {name} | {'PASS' if ok else 'FAIL'} | {detail} |" for name, ok, detail in checks]
    return lines


def main():
    raw, out_md = Path(sys.argv[1]), Path(sys.argv[2])
    runs, ttfb = load_runs(raw), load_ttfb(raw)
    lines = ["## Throughput, latency, CPU and memory", ""] + table(runs)
    lines += ["", "## Time to first byte, single streamed requests (one kept-alive connection)", "",
              "| target | n | median ms | p90 ms | min ms |", "|---|---:|---:|---:|---:|"]
    lines += [f"| {t} | {v['n']} | {v['median']:.3f} | {v['p90']:.3f} | {v['min']:.3f} |"
              for t, v in sorted(ttfb.items(), key=lambda i: TARGETS.index(i[0]))]
    lines += ["", "## Targets", ""] + render("target", targets(runs, ttfb))
    acc = accounting(raw)
    lines += ["", "## Nothing lost under load", ""] + render("check", acc)
    lines += ["", f"ACCOUNTING: {'PASS' if all(ok for _, ok, _ in acc) else 'FAIL'}"]
    text = "\n".join(lines)
    print(text)
    machine = (raw / "machine.txt").read_text()
    profile = raw / "profile.txt"
    doc = [f"# Benchmark run {raw.name}", "", "Raw outputs: `bench/results/raw/" + raw.name + "/`.", "",
           text, "", "## Machine", "", "```", machine.strip(), "```"]
    if profile.exists():
        doc += ["", "## Gateway profile (JFR execution samples during the measured runs)", "", "```",
                profile.read_text().strip(), "```"]
    out_md.write_text("\n".join(doc) + "\n")
    print(f"\nwritten to {out_md}")


if __name__ == "__main__":
    main()
