// swift-tools-version:6.0
import PackageDescription

// Everything of Mizzen that uses URLSession, as a shared library that MizzenCore loads
// with dlopen the first time a request is sent. FoundationNetworking brings libcurl, TLS,
// Kerberos and LDAP with it (about 8 ms of every start on Linux); commands that never send
// (`--version`, `validate`, `history`, `schema`, the console until it sends) no longer
// load any of it. A package of its own because a target may not depend on a product of
// its own package, and only a product dependency makes SwiftPM build the library for
// `swift build --product mizzen` and `swift run`. It imports nothing of Mizzen: what
// crosses to MizzenCore is standard-library types only (NetworkEntry.swift).
let package = Package(
  name: "MizzenNetwork",
  platforms: [.macOS(.v13)],
  products: [
    .library(name: "MizzenNetwork", type: .dynamic, targets: ["MizzenNetwork"])
  ],
  targets: [
    .target(name: "MizzenNetwork")
  ],
  swiftLanguageModes: [.v6]
)
