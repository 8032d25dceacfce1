import MizzenCore
import Testing

/// Text read back from a C function's character buffer.
@Suite struct CharacterBufferTests {
  static func buffer(_ bytes: [UInt8]) -> [CChar] { bytes.map { CChar(bitPattern: $0) } }

  @Test func readsUpToTheFirstNul() {
    let written = Array("no libncursesw.so.6 in /lib/x86_64-linux-gnu".utf8)
    #expect(
      String(nulTerminated: Self.buffer(written + [0] + Array("stale".utf8) + [0, 0]))
        == "no libncursesw.so.6 in /lib/x86_64-linux-gnu")
  }

  @Test func readsUTF8AndRepairsWhatIsNot() {
    #expect(String(nulTerminated: Self.buffer(Array("/tmp/東京/é".utf8) + [0])) == "/tmp/東京/é")
    #expect(String(nulTerminated: Self.buffer([0x61, 0xFF, 0x62, 0])) == "a\u{FFFD}b")
  }

  @Test func readsAllOfABufferWithNoNulAndNothingOfAnEmptyOne() {
    #expect(String(nulTerminated: Self.buffer(Array("abc".utf8))) == "abc")
    #expect(String(nulTerminated: Self.buffer([0, 0x61])) == "")
    #expect(String(nulTerminated: []) == "")
  }
}
