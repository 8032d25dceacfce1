extension String {
  /// The text a C function wrote into `buffer`: its bytes up to the first NUL (all of them
  /// when there is none), read as UTF-8 with any invalid byte replaced.
  public init(nulTerminated buffer: [CChar]) {
    self.init(
      decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }
}
