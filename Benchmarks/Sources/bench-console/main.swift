import BenchSupport

print("bench-console: not written yet")
