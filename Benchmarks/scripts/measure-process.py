#!/usr/bin/env python3
"""Runs a command N times and prints its best wall time, best CPU time (user + sys of the
child alone, from wait4) and the peak RSS of one more run under /usr/bin/time (a small
parent, so the figure is the command's own), in milliseconds and MB, as one line:

    best_wall_ms best_cpu_ms max_rss_mb

Best-of-N, because on a machine shared with other work the slower runs mostly measure
waiting for a core. Exits non-zero when a run fails. Usage:
    measure-process.py RUNS command [args...]
"""
import os
import subprocess
import sys
import tempfile
import time


def main():
    runs = int(sys.argv[1])
    command = sys.argv[2:]
    best_wall = best_cpu = float("inf")
    for _ in range(runs):
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
        best_wall = min(best_wall, wall)
        best_cpu = min(best_cpu, (usage.ru_utime + usage.ru_stime) * 1000)
    with tempfile.NamedTemporaryFile("r") as report:
        subprocess.run(
            ["/usr/bin/time", "-f", "%M", "-o", report.name, *command],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            check=True)
        max_rss = int(report.read().split()[-1]) / 1024
    print(f"{best_wall:.2f} {best_cpu:.2f} {max_rss:.1f}")


if __name__ == "__main__":
    main()
