// swift-tools-version:6.0
import PackageDescription

// A separate package so that the product's own build stays lean. Run from this folder:
//   swift run -c release bench-store     (likewise bench-braze, bench-sandbox, bench-console,
//   bench-paste, bench-reconcile)
let package = Package(
  name: "MizzenBenchmarks",
  dependencies: [.package(name: "Mizzen", path: "..")],
  targets: [
    .target(name: "BenchSupport", dependencies: [.product(name: "MizzenCore", package: "Mizzen")]),
    .executableTarget(
      name: "bench-store",
      dependencies: ["BenchSupport", .product(name: "MizzenCore", package: "Mizzen")]),
    .executableTarget(
      name: "bench-braze",
      dependencies: ["BenchSupport", .product(name: "MizzenCore", package: "Mizzen")]),
    .executableTarget(
      name: "bench-sandbox",
      dependencies: [
        "BenchSupport", .product(name: "MizzenCore", package: "Mizzen"),
        .product(name: "BrazeSandbox", package: "Mizzen"),
      ]),
    .executableTarget(
      name: "bench-reconcile",
      dependencies: [
        .product(name: "MizzenCore", package: "Mizzen"),
        .product(name: "BrazeSandbox", package: "Mizzen"),
      ]),
    .executableTarget(
      name: "bench-console",
      dependencies: [
        "BenchSupport", .product(name: "MizzenCore", package: "Mizzen"),
        .product(name: "MizzenConsole", package: "Mizzen"),
      ]),
    .executableTarget(
      name: "bench-paste",
      dependencies: [
        "BenchSupport", .product(name: "MizzenCore", package: "Mizzen"),
        .product(name: "MizzenConsole", package: "Mizzen"),
        .product(name: "MizzenTerminal", package: "Mizzen"),
      ]),
  ],
  swiftLanguageModes: [.v6]
)
