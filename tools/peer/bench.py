#!/usr/bin/env python3
"""The timing half of bin/ts4kit-peer-bench (that script installs S4TK, builds ts4kit, finds the package).

Runs each command once as a warm-up (page cache warm, outputs kept), compares ts4kit's and S4TK's outputs,
then runs every command --runs times, interleaved (ts4kit, S4TK, ts4kit, S4TK, ...), each a whole process
timed wall-clock with time.perf_counter around subprocess.run, and prints median/min and the S4TK/ts4kit
ratios. Exit 1 when a command fails or the outputs differ.
"""
import argparse
import hashlib
import json
import os
import resource
import statistics
import subprocess
import sys
import time

KEYS = ("type", "group", "instance", "sha256")


def parse_args():
    p = argparse.ArgumentParser()
    p.add_argument("--root", required=True)
    p.add_argument("--package", required=True)
    p.add_argument("--runs", type=int, required=True)
    p.add_argument("--node-path", required=True)
    p.add_argument("--cores", default="")
    p.add_argument("--threads", action="store_true", help="ts4kit ls has --threads: also time --threads 1")
    return p.parse_args()


def load():
    with open("/proc/loadavg") as f:
        return " ".join(f.read().split()[:3])


def busy_seconds():
    """CPU seconds all cores spent busy since boot (/proc/stat: everything but idle and iowait)."""
    with open("/proc/stat") as f:
        fields = [int(x) for x in f.readline().split()[1:]]
    return (sum(fields) - fields[3] - fields[4]) / os.sysconf("SC_CLK_TCK")


def children_seconds():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def main():
    a = parse_args()
    ts4kit = [os.path.join(a.root, "bin", "ts4kit")]
    node = ["node", os.path.join(a.root, "tools", "peer", "s4tk-read.js")]
    prefix = ["taskset", "-c", a.cores] if a.cores else []
    env = dict(os.environ, NODE_PATH=a.node_path)
    pkg = a.package
    # (label, kind, argv): kind says whose output it is and what it holds
    cmds = [("ts4kit ls --json --hash", "ts4kit-full", ts4kit + ["ls", pkg, "--json", "--hash"]),
            ("S4TK full read", "s4tk-full", node + [pkg])]
    if a.threads:
        cmds.append(("ts4kit ls --json --hash --threads 1", "ts4kit-full",
                     ts4kit + ["ls", pkg, "--json", "--hash", "--threads", "1"]))
    cmds += [("ts4kit ls --json (index only)", "ts4kit-index", ts4kit + ["ls", pkg, "--json"]),
             ("S4TK index only", "s4tk-index", node + [pkg, "--index-only"])]

    def run(label, argv):
        t0 = time.perf_counter()
        r = subprocess.run(prefix + argv, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        dt = time.perf_counter() - t0
        if r.returncode != 0:
            who = "S4TK" if label.startswith("S4TK") else "ts4kit"
            err = r.stderr.decode("utf-8", "replace").strip()
            print(f"error: {who} failed ({label}, exit {r.returncode}) on {pkg}:\n  "
                  + (err.replace("\n", "\n  ") if err else "(no message)"), file=sys.stderr)
            print("  command: " + " ".join(prefix + argv), file=sys.stderr)
            sys.exit(1)
        return dt, r.stdout

    print(f"load before: {load()}", flush=True)
    # warm-up: one run of each, outputs kept for the comparison and as the reference of every timed run
    ref = {}
    for label, kind, argv in cmds:
        _, out = run(label, argv)
        ref[label] = hashlib.sha256(out).digest()
        if kind not in ref:
            ref[kind] = out
    ok = compare(ref["ts4kit-full"], ref["s4tk-full"], KEYS, "outputs equal")
    ok = compare(ref["ts4kit-index"], ref["s4tk-index"], KEYS[:3], "index keys equal") and ok
    if not ok:
        sys.exit(1)

    times = {label: [] for label, _, _ in cmds}
    # how busy the machine was with other work while we timed: all busy CPU time minus our processes'
    wall0, busy0, ours0 = time.perf_counter(), busy_seconds(), children_seconds()
    for i in range(a.runs):
        for label, _, argv in cmds:
            dt, out = run(label, argv)
            if hashlib.sha256(out).digest() != ref[label]:
                print(f"error: {label}: run {i + 1} printed something else than the warm-up run", file=sys.stderr)
                sys.exit(1)
            times[label].append(dt)
    others = (busy_seconds() - busy0) - (children_seconds() - ours0)
    print(f"load after:  {load()}; other processes used {max(others, 0) / (time.perf_counter() - wall0):.2f} "
          f"cores on average during the timed runs (of {os.cpu_count()})")
    print()
    width = max(len(label) for label in times)
    print(f"| {'command':<{width}} | median s | min s |")
    print(f"|{'-' * (width + 2)}|---------:|------:|")
    for label, ts in times.items():
        print(f"| {label:<{width}} | {statistics.median(ts):8.3f} | {min(ts):5.3f} |")
    print()
    med = {label: statistics.median(ts) for label, ts in times.items()}
    print(f"full read:  S4TK / ts4kit = {med['S4TK full read'] / med['ts4kit ls --json --hash']:.2f}x (medians)")
    if a.threads:
        print(f"full read:  S4TK / ts4kit --threads 1 = "
              f"{med['S4TK full read'] / med['ts4kit ls --json --hash --threads 1']:.2f}x (medians)")
    print(f"index only: S4TK / ts4kit = {med['S4TK index only'] / med['ts4kit ls --json (index only)']:.2f}x (medians)")


def compare(ts4kit_out, s4tk_out, keys, title):
    """ts4kit's JSON lines (deleted records dropped: S4TK skips them) against S4TK's, on the given keys."""
    ours = [json.loads(line) for line in ts4kit_out.decode().splitlines()]
    deleted = sum(1 for o in ours if o.get("compression") == "deleted")
    ours = [{k: o.get(k) for k in keys} for o in ours if o.get("compression") != "deleted"]
    theirs = [{k: o.get(k) for k in keys} for o in (json.loads(line) for line in s4tk_out.decode().splitlines())]
    note = f"; {deleted} deleted records left out, S4TK skips them" if deleted else ""
    if ours == theirs:
        print(f"{title}: yes ({len(ours)} resources; {', '.join(keys)}{note})")
        return True
    for i, (x, y) in enumerate(zip(ours, theirs)):
        if x != y:
            print(f"{title}: NO: first difference at entry {i}:\n"
                  f"  ts4kit: {json.dumps(x)}\n  S4TK:   {json.dumps(y)}")
            break
    else:
        print(f"{title}: NO: ts4kit has {len(ours)} entries, S4TK {len(theirs)} "
              f"(the first {min(len(ours), len(theirs))} agree){note}")
    return False


if __name__ == "__main__":
    main()
