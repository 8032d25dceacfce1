/// The rules every record shares: its name (1–200 characters, no control characters) and
/// its code (valid, unique within its kind).
enum NameAndCodeRules {
  /// The longest name allowed, in characters.
  static let maxNameLength = 200

  /// Checks a name; `subject` says whose name it is in messages, e.g. `this topic`.
  static func check(
    name: String, subject: @autoclosure () -> String, at path: @autoclosure () -> ProblemPath,
    into sink: inout ProblemSink
  ) {
    // The path, like the subject, is made only for a problem: most names have none.
    if !hasVisibleText(name) {
      sink.add(.nameEmpty, path(), "Give \(subject()) a name (1–\(maxNameLength) characters).")
      return
    }
    // A name of at most 200 UTF-8 bytes has at most 200 characters: count only the rare
    // long ones, since counting characters means finding grapheme boundaries.
    if name.utf8.count > maxNameLength {
      let length = name.count
      if length > maxNameLength {
        sink.add(
          .nameTooLong, path(),
          "The name of \(subject()) is \(length) characters long: shorten it to "
            + "\(maxNameLength) or fewer.")
      }
    }
    if containsControlCharacter(name) {
      sink.add(
        .nameControl, path(),
        "The name of \(subject()) contains a control character (a line break, tab or similar): "
          + "remove it.")
    }
  }

  /// False for an empty name or one of spaces only. Scalars, not characters: finding
  /// grapheme boundaries costs more and changes nothing here.
  static func hasVisibleText(_ name: String) -> Bool {
    if let first = name.utf8.first, first > 0x20, first < 0x7F { return true }
    // No scalar above U+3000 (the ideographic space) is white space: a name in CJK or
    // emoji needs no look-up in the property tables.
    return name.unicodeScalars.contains { $0.value > 0x3000 || !$0.properties.isWhitespace }
  }

  /// True for C0 controls, DEL and C1 controls (U+0080–U+009F, `C2 80`…`C2 9F` in UTF-8).
  static func containsControlCharacter(_ text: String) -> Bool {
    text.withUTF8Bytes { bytes in
      var previous: UInt8 = 0
      for byte in bytes {
        if byte < 0x20 || byte == 0x7F { return true }
        if previous == 0xC2 && byte >= 0x80 && byte <= 0x9F { return true }
        previous = byte
      }
      return false
    }
  }

  /// Checks a record's name and code and returns the spot that paths of its other problems
  /// use (keyed by its code when that code is valid and not shared).
  static func checkRecord(
    kind: String, code: String, name: String, collection: ProblemPath.Collection, index: Int,
    context: ValidationContext, into sink: inout ProblemSink
  ) -> RecordSpot {
    let other = context.otherRecord(collection, code: code, than: index)
    let valid = CodeGenerator.isValid(code)
    let spot = RecordSpot(
      collection: collection, index: index, key: valid && other == nil ? code : nil)
    let subject = { RecordSpot.describe(kind, name: name, index: index) }
    if code.isEmpty {
      sink.add(
        .codeMissing, spot.path("code"),
        "Give \(subject()) a code: lower-case letters, digits and _, starting with a letter "
          + "(for example \"\(CodeGenerator.slug(name, fallback: kind))\").")
    } else if !valid {
      sink.add(
        .codeInvalid, spot.path("code"),
        "The code \"\(QuotedExcerpt.cut(code))\" of \(subject()) is not valid: use 1–\(CodeGenerator.maxLength) "
          + "lower-case letters, digits and _, starting with a letter (for example \""
          + CodeGenerator.slug(code, fallback: kind) + "\").")
    }
    if !code.isEmpty, let other {
      sink.add(
        .codeDuplicate, spot.path("code"),
        "The code \"\(QuotedExcerpt.cut(code))\" of \(subject()) is also used by "
          + "\(context.recordPath(collection, other)): codes must be unique among "
          + "\(collection.plural), so change one of them.")
    }
    check(name: name, subject: subject(), at: spot.path("name"), into: &sink)
    return spot
  }
}
