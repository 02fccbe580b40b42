#!/usr/bin/env python3
"""Interleaved A/B timing of whole commands (cold starts).

usage: tools/startup/ab.py [--runs N] 'NAME=COMMAND' 'NAME=COMMAND' ...
Each COMMAND is split with shlex and run N times, round robin with the others (load on the machine hits every
variant alike), after one untimed warm-up run each. Prints wall median/min and the child's CPU (user+sys) median,
and the load average before and after. Exit codes 0 and 1 count as success (1: some input was broken).
"""
import argparse, os, resource, shlex, statistics, subprocess, sys, time


def run(argv):
    r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    p = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = (time.perf_counter() - t0) * 1000
    r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    if p.returncode not in (0, 1):
        sys.exit(f"exit {p.returncode}: {shlex.join(argv)}")
    return wall, (r1.ru_utime + r1.ru_stime - r0.ru_utime - r0.ru_stime) * 1000


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=21)
    ap.add_argument("variants", nargs="+", help="NAME=COMMAND")
    a = ap.parse_args()
    variants = []
    for v in a.variants:
        name, _, cmd = v.partition("=")
        variants.append((name, shlex.split(cmd)))
    wall = {n: [] for n, _ in variants}
    cpu = {n: [] for n, _ in variants}
    load0 = os.getloadavg()[0]
    for _, argv in variants:
        run(argv)
    for i in range(a.runs):
        for name, argv in variants:
            w, c = run(argv)
            wall[name].append(w)
            cpu[name].append(c)
        print(f"\r  {i + 1}/{a.runs}", end="", file=sys.stderr, flush=True)
    print(file=sys.stderr)
    width = max(len(n) for n in wall)
    print(f"{a.runs} runs each, interleaved; load {load0:.1f} before, {os.getloadavg()[0]:.1f} after, {os.cpu_count()} CPUs")
    print(f"{'variant':<{width}}  median ms  min ms  cpu median ms")
    for name in wall:
        print(f"{name:<{width}}  {statistics.median(wall[name]):9.0f}  {min(wall[name]):6.0f}  {statistics.median(cpu[name]):13.0f}")


if __name__ == "__main__":
    main()
