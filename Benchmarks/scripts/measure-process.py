#!/usr/bin/env python3
"""Runs a command N times and prints its best wall time, best CPU time (user + sys of the
child alone, from wait4) and the peak RSS of one more run under /usr/bin/time (a small
parent, so the figure is the command's own), in milliseconds and MB, as one line:

    best_wall_ms best_cpu_ms max_rss_mb

Best-of-N, because on a machine shared with other work the slower runs mostly measure
waiting for a core. Exits non-zero when a run fails. Usage:
    measure-process.py RUNS command [args...] [--and command [args...]]...
Commands joined by --and run in turns, one run of each per round, so that a slower spell
of the machine falls on all of them alike; one line is printed per command, in order.
"""
import os
import subprocess
import sys
import tempfile
import time


def run_once(command):
    """One run: wall and CPU milliseconds."""
    start = time.perf_counter()
    # Popen spawns with vfork/posix_spawn, so the child's CPU time is the command's own.
    child = subprocess.Popen(
        command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL, close_fds=False)
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = 0
    wall = (time.perf_counter() - start) * 1000
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"{' '.join(command)} exited {os.waitstatus_to_exitcode(status)}")
    return wall, (usage.ru_utime + usage.ru_stime) * 1000


def peak_rss_mb(command):
    with tempfile.NamedTemporaryFile("r") as report:
        subprocess.run(
            ["/usr/bin/time", "-f", "%M", "-o", report.name, *command],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            check=True)
        return int(report.read().split()[-1]) / 1024


def main():
    runs = int(sys.argv[1])
    commands = [[]]
    for word in sys.argv[2:]:
        if word == "--and":
            commands.append([])
        else:
            commands[-1].append(word)
    best = [[float("inf"), float("inf")] for _ in commands]
    for _ in range(runs):
        for index, command in enumerate(commands):
            wall, cpu = run_once(command)
            best[index][0] = min(best[index][0], wall)
            best[index][1] = min(best[index][1], cpu)
    for (wall, cpu), command in zip(best, commands):
        print(f"{wall:.2f} {cpu:.2f} {peak_rss_mb(command):.1f}")


if __name__ == "__main__":
    main()
