// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "Mizzen",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "mizzen", targets: ["mizzen"]),
    .library(name: "MizzenCore", targets: ["MizzenCore"]),
    .library(name: "BrazeSandbox", targets: ["BrazeSandbox"]),
    .library(name: "MizzenConsole", targets: ["MizzenConsole"]),
    .library(name: "MizzenTerminal", targets: ["MizzenTerminal"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    // The URLSession code, loaded with dlopen by the first request (Network/Package.swift).
    .package(path: "Network"),
  ],
  targets: [
    .systemLibrary(
      name: "CNcursesw",
      pkgConfig: "ncursesw",
      providers: [.apt(["libncurses-dev"])]
    ),
    // MizzenCore never imports MizzenNetwork: it loads the library when it first sends
    // (Braze/NetworkLibrary.swift). The dependency makes SwiftPM build the library beside
    // every program that links MizzenCore, `swift run` included.
    .target(
      name: "MizzenCore", dependencies: [.product(name: "MizzenNetwork", package: "Network")]),
    .target(name: "BrazeSandbox", dependencies: ["MizzenCore"]),
    .target(name: "MizzenConsole", dependencies: ["MizzenCore"]),
    .target(name: "MizzenTerminal", dependencies: ["MizzenConsole", "CNcursesw"]),
    .target(name: "MizzenRuntime", dependencies: ["MizzenCore", "MizzenConsole"]),
    .executableTarget(
      name: "mizzen",
      dependencies: [
        "MizzenCore", "BrazeSandbox", "MizzenConsole", "MizzenTerminal", "MizzenRuntime",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      // Linked with --as-needed, so that libMizzenNetwork.so (and FoundationNetworking,
      // libcurl and the rest behind it) is not loaded at start (scripts/ld-as-needed).
      linkerSettings: [
        .unsafeFlags(
          ["-use-ld=\(Context.packageDirectory)/scripts/ld-as-needed"], .when(platforms: [.linux]))
      ]
    ),
    // Saves and edits a workspace in a separate process for the store's crash and
    // concurrency tests, which run it from the build folder.
    .executableTarget(name: "mizzen-store-probe", dependencies: ["MizzenCore"]),
    // Test helpers shared by several test targets (a raw-socket HTTP server).
    .target(name: "MizzenTestSupport", path: "Tests/MizzenTestSupport"),
    .testTarget(
      name: "MizzenCoreTests", dependencies: ["MizzenCore", "BrazeSandbox", "MizzenTestSupport"]),
    .testTarget(
      name: "BrazeSandboxTests", dependencies: ["BrazeSandbox", "MizzenCore", "MizzenTestSupport"]),
    .testTarget(
      name: "MizzenConsoleTests",
      dependencies: [
        "MizzenConsole", "MizzenCore", "MizzenRuntime", "BrazeSandbox", "MizzenTestSupport",
      ],
      exclude: ["Snapshots"]),
    .testTarget(
      name: "MizzenTerminalTests",
      dependencies: ["MizzenTerminal", "MizzenConsole", "MizzenCore", "MizzenTestSupport"]),
    .testTarget(
      name: "MizzenCLITests", dependencies: ["MizzenCore", "BrazeSandbox", "MizzenTestSupport"]),
  ],
  swiftLanguageModes: [.v6]
)
