import BenchSupport

print("bench-braze: not written yet")
