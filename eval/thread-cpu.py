#!/usr/bin/env python3
"""CPU time per pipeline component, from the threads of running JVMs.

  thread-cpu.py snapshot ROLE=PID... > FILE   per-thread CPU ticks (the run JVM's named by jstack)
  thread-cpu.py report BEFORE AFTER RATE      CPU seconds per component between two snapshots, and
                                              microseconds per packet at RATE packets per second

A thread is put in a component by its Java name: the services' own threads, each Kafka client by
its client id, the broker's threads by their names; the JVM's compiler and GC threads are listed on
their own. Threads of a process whose ROLE is not "run" all count for that ROLE (e.g. simulate).
The report ends with the eight busiest threads, in cores.
"""
import json
import os
import re
import subprocess
import sys
import time

TICKS = os.sysconf("SC_CLK_TCK")
RULES = [  # (component, pattern on the Java thread name), first match wins
    ("ingest", r"^tonewatch-(udp|ingest|publish)|tonewatch-ingest|^(qtp|Jetty|Javalin)"),
    ("process", r"^tonewatch-(engine|process)|tonewatch-process|^kafka-coordinator-heartbeat"),
    ("alerting", r"^alerting-|tonewatch-alerting"),
    ("jvm", r"^(C[12] CompilerThread|GC Thread|G1 |VM |Common-Cleaner|Signal|Finalizer|Reference|Service Thread|Sweeper|Notification|Attach)"),
    ("broker", r"."),
]


def ticks(pid, tid):
    with open(f"/proc/{pid}/task/{tid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])  # utime + stime


def names(pid):
    out = subprocess.run(["jstack", str(pid)], capture_output=True, text=True).stdout
    return {int(m.group(2), 16): m.group(1) for m in re.finditer(r'^"(.*?)".*? nid=0x([0-9a-f]+)', out, re.M)}


def snapshot(args):
    result = {"_time": time.time()}
    for arg in args:
        role, pid = arg.split("=")
        named = names(pid) if role == "run" else {}
        threads = {}
        try:
            tids = os.listdir(f"/proc/{pid}/task")
        except OSError:
            continue  # the process has ended
        for tid in tids:
            try:
                threads[tid] = [named.get(int(tid), role), ticks(pid, tid)]
            except OSError:
                pass
        result[role + "=" + pid] = threads
    result["_time"] = (result["_time"] + time.time()) / 2
    json.dump(result, sys.stdout)


def component(role, name):
    if role != "run":
        return role
    for comp, pattern in RULES:
        if re.search(pattern, name):
            return comp
    return "broker"


def report(before_file, after_file, rate):
    before = json.load(open(before_file))
    after = json.load(open(after_file))
    window = after.pop("_time") - before.pop("_time")
    packets = rate * window
    print(f"  cpu       over {window:.0f} s with all calls live ({rate:.0f} packets/s):")
    totals = {}
    busiest = []
    for proc, threads in after.items():
        role = proc.split("=")[0]
        old = before.get(proc, {})
        for tid, (name, t) in threads.items():
            if name == "?" and tid in old:
                name = old[tid][0]
            delta = t - old.get(tid, [name, 0])[1]
            comp = component(role, name)
            totals[comp] = totals.get(comp, 0) + delta
            busiest.append((delta, f"{role}:{name}"))
    for comp in sorted(totals):
        seconds = totals[comp] / TICKS
        print(f"  cpu       {comp:9s} {seconds:8.1f} s   {seconds * 1e6 / packets:6.1f} us/packet"
              f"   {seconds / window:4.2f} cores")
    # One thread near a whole core is a serial stage that cannot keep up, whatever the total.
    busiest.sort(reverse=True)
    print("  cpu       busiest threads: " + ", ".join(
        f"{name} {t / TICKS / window:.2f}" for t, name in busiest[:8]))


if __name__ == "__main__":
    if sys.argv[1] == "snapshot":
        snapshot(sys.argv[2:])
    else:
        report(sys.argv[2], sys.argv[3], float(sys.argv[4]))
