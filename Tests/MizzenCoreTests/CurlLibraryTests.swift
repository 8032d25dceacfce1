import Testing

@testable import MizzenCore

/// libcurl is loaded by its soname when the first request is sent; a machine without it
/// gets a message that says what is missing and how to install it.
@Suite("libcurl, loaded by the first request")
struct CurlLibraryTests {
  @Test("the system's libcurl loads")
  func systemLibraryLoads() {
    guard case .success = CurlLibrary.shared else {
      Issue.record("libcurl did not load: \(CurlLibrary.shared)")
      return
    }
  }

  @Test("a missing libcurl is named, with how to install it")
  func missingLibraryIsExplained() {
    guard case .failure(let problem) = CurlLibrary.load("libcurl-absent-for-a-test.so.4") else {
      Issue.record("a library that does not exist loaded")
      return
    }
    #expect(problem.text.contains("libcurl-absent-for-a-test.so.4"), "\(problem.text)")
    #expect(problem.text.contains("apt-get install libcurl4"), "\(problem.text)")
  }
}
