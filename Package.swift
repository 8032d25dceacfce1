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
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0")
  ],
  targets: [
    // Opens a system library by absolute path, for the two below.
    .target(name: "CSystemLibrary"),
    // The system's ncursesw, loaded with dlopen when the console starts, so that headless
    // commands start without it and libtinfo (ncurses.h from libncurses-dev): CNcursesw.h.
    .target(name: "CNcursesw", dependencies: ["CSystemLibrary"]),
    // The system's libcurl, loaded with dlopen by the first request (no link-time
    // dependency, no development package): CCurlShim.h.
    .target(name: "CCurlShim", dependencies: ["CSystemLibrary"]),
    .target(name: "MizzenCore", dependencies: ["CCurlShim"]),
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
      // The Swift runtime and Foundation linked in, so that starting loads a handful of the
      // system's shared libraries instead of twenty (issue 15: `--version` in under 10 ms).
      // Linked by the toolchain's own lld.
      linkerSettings: [
        .unsafeFlags(
          [
            "-static-stdlib", "-use-ld=lld",
            // Relative relocations packed (glibc 2.36+): the loader reads a few kilobytes
            // instead of 2 MB of them at every start.
            "-Xlinker", "-z", "-Xlinker", "pack-relative-relocs",
            // What the static Foundation needs beyond the libraries its module names.
            "-lFoundationEssentials", "-lFoundationInternationalization", "-lCoreFoundation",
            "-l_FoundationICU", "-l_FoundationCollections", "-l_FoundationCShims",
            "-lswiftSynchronization",
          ], .when(platforms: [.linux]))
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
      name: "MizzenCLITests",
      dependencies: ["MizzenCore", "MizzenRuntime", "BrazeSandbox", "MizzenTestSupport"]),
  ],
  swiftLanguageModes: [.v6]
)
