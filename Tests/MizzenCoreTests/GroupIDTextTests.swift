import MizzenTestSupport
import Testing

@testable import MizzenCore

@Suite("Group ids kept in 16 bytes")
struct GroupIDTextTests {
  static let texts = [
    "fbc3506c-26a5-4f35-b8f0-ed382da4f2db", "00000000-0000-0000-0000-000000000000",
    "ffffffff-ffff-ffff-ffff-ffffffffffff", "FBC3506C-26A5-4F35-B8F0-ED382DA4F2DB",
    "fbc3506c-26a5-4f35-b8f0-ed382da4f2dB", "fbc3506c-26a5-4f35-b8f0-ed382da4f2d",
    "fbc3506c-26a5-4f35-b8f0-ed382da4f2dbb", "fbc3506c_26a5-4f35-b8f0-ed382da4f2db",
    "gbc3506c-26a5-4f35-b8f0-ed382da4f2db", "fbc3506c-26a5-4f35-b8f0-ed382da4f2d\u{E9}",
    "", "news-group", "ニュース", "e\u{301}", "\u{212A}",
  ]

  /// Every text comes back byte for byte, whichever form it is kept in, through the
  /// initialiser, the byte initialiser the decoder uses and `withUTF8Bytes`.
  @Test(arguments: texts)
  func textComesBackUnchanged(_ text: String) {
    let id = GroupIDText(text)
    #expect(Array(id.text.utf8) == Array(text.utf8))
    #expect(id.withUTF8Bytes { Array($0) } == Array(text.utf8))
    let fromBytes = Array(text.utf8).withUnsafeBufferPointer { GroupIDText(uuid: $0) }
    #expect(fromBytes == (id.isLowerCaseUUID ? id : nil))
    #expect(id.isEmpty == text.isEmpty)
  }

  /// Only a lower-case UUID is kept as one: an upper-case letter would not come back.
  @Test func onlyLowerCaseUUIDsArePacked() {
    let packed = Self.texts.filter { GroupIDText($0).isLowerCaseUUID }
    #expect(
      packed == [
        "fbc3506c-26a5-4f35-b8f0-ed382da4f2db", "00000000-0000-0000-0000-000000000000",
        "ffffffff-ffff-ffff-ffff-ffffffffffff",
      ])
  }

  /// Every byte below 0x80 at every position of a UUID: the id is packed exactly when the
  /// byte is a lower-case hexadecimal digit where a digit goes, or the hyphen where it goes
  /// (the eight-at-a-time check has edges at '/', ':', '`' and 'g').
  @Test func everyByteAtEveryPosition() {
    let base = Array("fbc3506c-26a5-4f35-b8f0-ed382da4f2db".utf8)
    for offset in base.indices {
      for byte in UInt8(0)..<0x80 {
        var bytes = base
        bytes[offset] = byte
        let hyphen = [8, 13, 18, 23].contains(offset)
        let expected =
          hyphen
          ? byte == UInt8(ascii: "-")
          : (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
            || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
        let upper = !hyphen && (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(byte)
        let text = String(decoding: bytes, as: UTF8.self)
        let id = GroupIDText(text)
        #expect(id.isLowerCaseUUID == expected, "byte \(byte) at \(offset)")
        #expect(Array(id.text.utf8) == bytes)
        // Ignoring case, an upper-case digit reads as its lower-case one, and nothing else
        // changes.
        let folded = GroupIDText(text.lowercased())
        #expect(
          (id.uuidBitsIgnoringCase != nil) == (expected || upper), "byte \(byte) at \(offset)")
        if upper { #expect(id.uuidBitsIgnoringCase! == folded.uuidBitsIgnoringCase!) }
      }
    }
  }

  /// Ids are equal exactly when their texts are equal byte for byte (none of these texts
  /// has a canonically equivalent spelling), and compare ignoring ASCII case as the texts do.
  @Test func equalityFollowsTheText() {
    for left in Self.texts {
      for right in Self.texts {
        let (a, b) = (GroupIDText(left), GroupIDText(right))
        #expect((a == b) == (Array(left.utf8) == Array(right.utf8)), "\(left) vs \(right)")
        #expect(
          a.equalsIgnoringASCIICase(b) == (left.lowercasedASCII == right.lowercasedASCII),
          "\(left) vs \(right)")
      }
    }
  }

  /// Random lower-case UUIDs round-trip through their 128 bits.
  @Test func randomUUIDsRoundTrip() {
    var generator = SeededGenerator(seed: 36)
    let hex = Array("0123456789abcdef")
    for _ in 0..<2_000 {
      var text = ""
      for offset in 0..<36 {
        text.append([8, 13, 18, 23].contains(offset) ? "-" : hex[Int(generator.next() % 16)])
      }
      let id = GroupIDText(text)
      #expect(id.isLowerCaseUUID)
      #expect(id.text == text)
    }
  }

  /// A channel's id survives its setter and the synthesised equality of channels.
  @Test func channelKeepsItsIDText() {
    var channel = TopicChannel(channel: "email", connection: "braze")
    channel.subscriptionGroupId = "FBC3506C-26A5-4F35-B8F0-ED382DA4F2DB"
    #expect(channel.subscriptionGroupId == "FBC3506C-26A5-4F35-B8F0-ED382DA4F2DB")
    var lower = channel
    lower.subscriptionGroupId = "fbc3506c-26a5-4f35-b8f0-ed382da4f2db"
    #expect(lower != channel)
    #expect(lower.subscriptionGroupId == "fbc3506c-26a5-4f35-b8f0-ed382da4f2db")
    #expect(GroupIDs.sameID(lower.groupID, channel.groupID))
    #expect(GroupIDs.sameKey(lower.groupID, channel.groupID))
  }
}

extension String {
  fileprivate var lowercasedASCII: [UInt8] {
    utf8.map { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") ? $0 | 0x20 : $0 }
  }
}
