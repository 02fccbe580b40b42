#!/usr/bin/env python3
"""Cold start of `ts4kit inspect FILE`, with and without the start-up archive, on Java 17 and Java 25.

usage: tools/startup/bench.py [--runs N] [--jdk17 DIR] [--jdk25 DIR] [--scan]
Each variant runs N times, interleaved round robin (so that load on the machine hits every variant alike),
after one untimed warm-up run; wall time around the whole process (perf_counter), CPU = user+sys of the child.
'bin/ts4kit' rows go through the launcher (what a user gets); 'java ...' rows isolate one JVM option each.
--scan also times a longer scan (conflicts over a 300-package corpus) with C2 and with C1 only (-XX:TieredStopAtLevel=1).
"""
import argparse, os, resource, shutil, statistics, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TS4KIT = os.path.join(ROOT, "bin", "ts4kit")
JAR = os.path.join(ROOT, "cli", "target", "ts4kit.jar")


def default_jdk():
    """The JDK home of the `java` on the PATH (symlinks resolved), or None."""
    java = shutil.which("java")
    return os.path.dirname(os.path.dirname(os.path.realpath(java))) if java else None


def newest_jdk(feature):
    """An installed JDK of at least this feature version (tools/find-jdk.sh), or None."""
    p = subprocess.run([os.path.join(ROOT, "tools", "find-jdk.sh"), str(feature)], capture_output=True, text=True)
    return p.stdout.strip() or None


def run(argv, env=None):
    r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    p = subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = (time.perf_counter() - t0) * 1000
    r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    if p.returncode not in (0, 1):  # 1: some input was broken (the generated corpora hold broken files)
        sys.exit(f"exit {p.returncode}: {' '.join(argv)}")
    return wall, (r1.ru_utime + r1.ru_stime - r0.ru_utime - r0.ru_stime) * 1000


def bench(variants, runs):
    wall = {v[0]: [] for v in variants}; cpu = {v[0]: [] for v in variants}
    for _, argv, env in variants:
        run(argv, env)
    for i in range(runs):
        for name, argv, env in variants:
            w, c = run(argv, env); wall[name].append(w); cpu[name].append(c)
        print(f"\r  {i + 1}/{runs}", end="", file=sys.stderr, flush=True)
    print(file=sys.stderr)
    width = max(len(n) for n in wall)
    print(f"{'variant':<{width}}  median ms  min ms  cpu median ms")
    for name in wall:
        print(f"{name:<{width}}  {statistics.median(wall[name]):9.0f}  {min(wall[name]):6.0f}  {statistics.median(cpu[name]):13.0f}")
    sys.stdout.flush()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=15)
    ap.add_argument("--jdk17", default=default_jdk(), help="default: the JDK of `java` on the PATH")
    ap.add_argument("--jdk25", default=newest_jdk(25), help="default: tools/find-jdk.sh 25")
    ap.add_argument("--scan", action="store_true")
    a = ap.parse_args()
    tmp = tempfile.mkdtemp(prefix="ts4kit-bench.")
    try:
        env0 = {k: v for k, v in os.environ.items() if k not in ("TS4KIT_CDS", "TS4KIT_JAVA_OPTS")}
        corpus = os.path.join(tmp, "corpus")
        # builds the jar when needed, and records the archives for both JDKs (first run after a build)
        subprocess.run([TS4KIT, "gen", corpus, "--packages", "12", "--seed", "1"], env=env0, check=True, stdout=subprocess.DEVNULL)
        pkg = next(os.path.join(d, f) for d, _, fs in sorted(os.walk(corpus)) if "Broken" not in d for f in sorted(fs) if f.endswith(".package"))
        variants = []
        for feature, home in ((17, a.jdk17), (25, a.jdk25)):
            if not os.path.exists(os.path.join(home, "bin", "java")):
                print(f"skipping Java {feature}: no {home}", file=sys.stderr); continue
            env = dict(env0, JAVA_HOME=home)
            subprocess.run([TS4KIT, "-V"], env=env, check=True, stdout=subprocess.DEVNULL)
            java = os.path.join(home, "bin", "java")
            base = [java, "-XX:+UseParallelGC"]
            if feature >= 25:
                archive = ["-XX:AOTCache=" + os.path.join(ROOT, "core", "target", f"ts4kit-{feature}.aot"), "-Xlog:aot=off", "-Xlog:cds=off"]
            else:
                archive = ["-XX:SharedArchiveFile=" + os.path.join(ROOT, "core", "target", f"ts4kit-{feature}.jsa"), "-Xlog:cds=off"]
            cmd = ["-jar", JAR, "inspect", pkg]
            # Java 25+: the AOT cache belongs to the jar it was trained on (picocli's class files rewritten, see
            # record-archive.sh); with another jar the JVM ignores the cache
            runjar = os.path.join(ROOT, "core", "target", f"ts4kit-{feature}.jar")
            acmd = ["-jar", runjar, "inspect", pkg] if feature >= 25 and os.path.exists(runjar) else cmd
            variants += [
                (f"{feature} bin/ts4kit, TS4KIT_CDS=0", [TS4KIT, "inspect", pkg], dict(env, TS4KIT_CDS="0")),
                (f"{feature} bin/ts4kit (archive + C1)", [TS4KIT, "inspect", pkg], env),
                (f"{feature} java (as before: JDK's CDS only)", base + cmd, env0),
                (f"{feature} java -Xshare:off", base + ["-Xshare:off"] + cmd, env0),
                (f"{feature} java + archive", base + archive + acmd, env0),
                (f"{feature} java + C1 only", base + ["-XX:TieredStopAtLevel=1"] + cmd, env0),
                (f"{feature} java + archive + C1 only", base + archive + ["-XX:TieredStopAtLevel=1"] + acmd, env0),
                (f"{feature} java + archive + C1 + native reflection accessors", base + archive + ["-XX:TieredStopAtLevel=1", "-Djdk.reflect.useNativeAccessorOnly=true"] + acmd, env0),
                (f"{feature} java + archive + C1 + SerialGC", [java, "-XX:+UseSerialGC"] + archive + ["-XX:TieredStopAtLevel=1"] + acmd, env0),
            ]
            if feature < 25:  # the dynamic archive the roadmap named, for comparison
                dyn = os.path.join(tmp, f"dyn-{feature}.jsa")
                subprocess.run(base + ["-XX:ArchiveClassesAtExit=" + dyn] + cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
                variants.append((f"{feature} java + dynamic archive (ArchiveClassesAtExit)", base + ["-XX:SharedArchiveFile=" + dyn, "-Xlog:cds=off"] + cmd, env0))
        print(f"ts4kit inspect {os.path.basename(pkg)}: {a.runs} runs each, {os.cpu_count()} CPUs, load {os.getloadavg()[0]:.1f}")
        bench(variants, a.runs)
        if a.scan:
            big = os.path.join(tmp, "big")
            subprocess.run([TS4KIT, "gen", big, "--packages", "300", "--seed", "2"], env=env0, check=True, stdout=subprocess.DEVNULL)
            print(f"\nts4kit conflicts over 300 generated packages (longer scan): {max(3, a.runs // 3)} runs each")
            sv = []
            for feature, home in ((17, a.jdk17), (25, a.jdk25)):
                java = os.path.join(home, "bin", "java")
                if os.path.exists(java):
                    sv += [(f"{feature} C2 (tiered)", [java, "-XX:+UseParallelGC", "-jar", JAR, "conflicts", big], env0),
                           (f"{feature} C1 only", [java, "-XX:+UseParallelGC", "-XX:TieredStopAtLevel=1", "-jar", JAR, "conflicts", big], env0),
                           (f"{feature} ls --json --hash, C2", [java, "-XX:+UseParallelGC", "-jar", JAR, "ls", "--json", "--hash", pkg], env0),
                           (f"{feature} ls --json --hash, C1 only", [java, "-XX:+UseParallelGC", "-XX:TieredStopAtLevel=1", "-jar", JAR, "ls", "--json", "--hash", pkg], env0)]
            bench(sv, max(3, a.runs // 3))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
