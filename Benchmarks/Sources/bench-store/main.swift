import BenchSupport

print("bench-store: not written yet")
