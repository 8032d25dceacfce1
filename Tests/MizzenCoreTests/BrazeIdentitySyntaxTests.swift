import MizzenCore
import Testing

@Suite("Identifier syntax, as Braze checks it")
struct BrazeIdentitySyntaxTests {
  @Test(
    "accepted email addresses",
    arguments: [
      "ana@example.com", "a.b@example.co.uk", "first+tag@example.com",
      "josé@example.com", "用户@example.com", "a_b-c@xn--bcher-kva.example", "x@sub.example.io",
      "~!#$%&*/=?^`@example.com", "o'brien@example.com", "a|b@example.com",
      "d'angelo|x@example.com", String(repeating: "a", count: 64) + "@example.com",
      String(repeating: "é", count: 64) + "@example.com",
      "a@" + String(repeating: "b", count: 63) + ".com",
    ])
  func goodEmails(_ email: String) {
    #expect(IdentitySyntax.emailProblem(email) == nil, "\(email)")
  }

  @Test(
    "refused email addresses",
    arguments: [
      "", "ana", "ana@", "@example.com", "ana@@example.com", "an a@example.com", "ana@example.com ",
      "\tana@example.com", ".ana@example.com", "ana.@example.com", "a..na@example.com",
      "ana@example", "ana@-example.com", "ana@example-.com", "ana@example..com",
      "ana@exämple.com", "ana@example.c", "ana@example.123", "a(b)@example.com",
      "a,b@example.com", "a\"b@example.com", "a@b@example.com",
      String(repeating: "a", count: 65) + "@example.com",
      String(repeating: "é", count: 65) + "@example.com",
      "a@" + String(repeating: "b", count: 64) + ".com", "a;b@example.com", "a\\b@example.com",
    ])
  func badEmails(_ email: String) {
    #expect(IdentitySyntax.emailProblem(email) != nil, "\(email)")
  }

  /// A character that shows nothing alone is named by its code point: quoted, a combining
  /// mark would sit on the quote and the message would show no character at all.
  @Test("a refused character that shows nothing alone is named by its code point")
  func invisibleCharactersAreNamed() {
    #expect(
      IdentitySyntax.emailProblem("ana+e\u{301}@example.com")
        == "contains the combining mark U+0301 before the @, which Braze does not accept")
    #expect(
      IdentitySyntax.emailProblem("dev👩\u{200D}@example.com")
        == "contains '👩' before the @, which Braze does not accept")
    #expect(
      IdentitySyntax.emailProblem("ana\u{200D}@example.com")
        == "contains the invisible character U+200D before the @, which Braze does not accept")
    #expect(
      IdentitySyntax.emailProblem("a\u{1}b@example.com")
        == "contains the invisible character U+0001 before the @, which Braze does not accept")
    #expect(
      IdentitySyntax.emailProblem("a(b@example.com")
        == "contains '(' before the @, which Braze does not accept")
  }

  @Test("the ASCII fast path and the Unicode path give the same verdict and reason")
  func fastPathAgrees() {
    // A non-ASCII letter in the local part sends an address down the Unicode path; the
    // rest of it must then be judged exactly as the ASCII path judges it.
    let samples = [
      "ana@example.com", "an a@example.com", "ana", "a@b@c.com", "@example.com", ".a@example.com",
      "a.@example.com", "a..b@example.com", "a(b@example.com", "a@", "a@example", "a@-x.com",
      "a@x..com", "a@x.c", "a@x.123", "a\u{1}b@example.com", "a_b@example.com",
      "o'b|c@example.com", String(repeating: "a", count: 70) + "@example.com",
    ]
    for sample in samples {
      let ascii = IdentitySyntax.emailProblem(sample)
      let unicode = IdentitySyntax.emailProblem("é" + sample)
      if sample.hasPrefix("@") || sample.hasPrefix(".") {
        continue  // a leading é changes what comes first
      }
      #expect(ascii == unicode, "\(sample): \(ascii ?? "ok") vs \(unicode ?? "ok")")
    }
  }

  @Test(
    "E.164 phone numbers",
    arguments: [
      ("+14155550123", true), ("+441632960961", true), ("+1234567", true),
      ("+123456789012345", true), ("+123456", false), ("+1234567890123456", false),
      ("14155550123", false), ("+04155550123", false), ("+1 415 555 0123", false),
      ("+1-415-555-0123", false), ("", false), ("+", false), ("++14155550123", false),
      ("+1415555012a", false), ("+１４１５５５５０１２３", false),
    ])
  func phones(_ phone: String, _ valid: Bool) {
    #expect(IdentitySyntax.isE164(phone) == valid, "\(phone)")
  }

  @Test("external ids: anything printable, no control characters or edge whitespace")
  func externalIDs() {
    #expect(IdentitySyntax.externalIDProblem("cust-7") == nil)
    #expect(IdentitySyntax.externalIDProblem("a/b:c@d") == nil)
    #expect(IdentitySyntax.externalIDProblem("line\nbreak") != nil)
    #expect(IdentitySyntax.externalIDProblem(" padded") != nil)
    #expect(IdentitySyntax.externalIDProblem("padded ") != nil)
  }
}
