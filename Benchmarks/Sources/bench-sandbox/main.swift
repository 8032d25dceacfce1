import BenchSupport

print("bench-sandbox: not written yet")
