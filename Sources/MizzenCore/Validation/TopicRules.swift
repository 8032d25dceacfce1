#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The rules of topics and their channels: channel values, connections, subscription group
/// ids, and whether the connection can identify people for the channel.
enum TopicRules {
  /// The legal-basis codes in UTF-8: checking a topic's basis compares bytes (the codes are
  /// ASCII, so bytes decide equality), where a `Set<String>` hashed the text every time.
  private static let legalBases = LegalBasis.codes.map { Array($0.utf8) }

  static func isLegalBasis(_ text: String) -> Bool {
    text.withUTF8Bytes { bytes in
      guard let text = bytes.baseAddress else { return false }
      return legalBases.contains { code in
        code.count == bytes.count
          && code.withUnsafeBytes { memcmp($0.baseAddress!, text, bytes.count) == 0 }
      }
    }
  }

  static func check(
    _ topic: Topic, at index: Int, context: ValidationContext, into sink: inout ProblemSink
  ) {
    withUnsafePointer(to: topic) { check($0, at: index, context: context, into: &sink) }
  }

  /// `check(_:at:context:into:)` of the topic `pointer` points to, read where it is: a topic
  /// passed by value from an array beside the `inout` sink was copied for the call (a retain
  /// per string) and destroyed after it.
  static func check(
    _ pointer: UnsafePointer<Topic>, at index: Int, context: ValidationContext,
    into sink: inout ProblemSink
  ) {
    let spot = NameAndCodeRules.checkRecord(
      kind: "topic", code: pointer.pointee.code, name: pointer.pointee.name, collection: .topics,
      index: index,
      context: context, into: &sink)
    let legalBasis = pointer.pointee.legalBasis
    if !legalBasis.isEmpty && !isLegalBasis(legalBasis) {
      sink.add(
        .legalBasisUnknown, spot.path("legalBasis"),
        "\"\(QuotedExcerpt.cut(legalBasis))\" is not a Ketch legal-basis code: use one such as "
          + "consent_optin, consent_optout or legitimateinterest, or leave it empty.")
    }
    if pointer.pointee.channels.isEmpty {
      sink.add(
        .topicNoChannels, spot.path("channels"),
        "This topic has no channel, so a choice about it reaches no Braze group: add email, "
          + "SMS, WhatsApp or push.")
      return
    }
    // Each channel read where the topic keeps it: one read out of the array was copied.
    pointer.pointee.channels.withUnsafeBufferPointer { channels in
      let base = channels.baseAddress!
      for position in channels.indices {
        let channel = base + position
        let name = channel.pointee.channel
        // A topic has a handful of channels: scanning them beats building dictionaries.
        let earlier = (0..<position).first { base[$0].channel == name }
        let later = (position + 1..<channels.count).contains { base[$0].channel == name }
        let unique = earlier == nil && !later && CodeGenerator.isValid(name)
        let entry = ChannelEntry(
          channel: channel, position: position, spot: spot, key: unique ? name : nil)
        if let earlier {
          sink.add(
            .channelDuplicate, entry.path("channel"),
            "\(name) already appears in this topic as channels[\(earlier)]: a channel "
              + "can map to one group per topic, so remove one of them.")
        }
        checkChannel(entry, topicIndex: index, siblings: channels, context, &sink)
      }
    }
  }

  private static func checkChannel(
    _ entry: ChannelEntry, topicIndex: Int, siblings: UnsafeBufferPointer<TopicChannel>,
    _ context: ValidationContext, _ sink: inout ProblemSink
  ) {
    let channel = entry.channel
    let kind = channel.pointee.kind
    if kind == nil {
      sink.add(
        .channelInvalid, entry.path("channel"),
        (channel.pointee.channel.isEmpty
          ? "The channel is missing"
          : "\"\(QuotedExcerpt.cut(channel.pointee.channel))\" is not a channel")
          + ": use email, sms, whatsapp or push.")
    }
    let target = context.connectionIndex(channel.pointee.connection)
    if target == nil {
      sink.add(
        .channelConnection, entry.path("connection"),
        channel.pointee.connection.isEmpty
          ? "Choose the Braze connection this channel sends to."
          : "No connection has the code \"\(channel.pointee.connection)\": choose an existing one or "
            + "create it.")
    }
    checkGroupID(entry, kind: kind, topicIndex: topicIndex, siblings, context, &sink)
    if let kind { checkOptions(entry, kind: kind, &sink) }
    if let kind, let target, !context.servedChannels[target].contains(kind) {
      sink.add(
        .channelUnservable, entry.path("connection"),
        "The connection \(context.recordPath(.connections, target)) maps no identity a "
          + "\(kind.label) group accepts (\(kind.acceptedFields.map(\.rawValue).joined(separator: " or "))): "
          + "add such an entry to its identity mapping, or choose another connection.")
    }
  }

  /// The SPEC §8 channel options apply to some channels only; elsewhere nothing sends them.
  private static func checkOptions(
    _ entry: ChannelEntry, kind: Channel, _ sink: inout ProblemSink
  ) {
    if entry.channel.pointee.doubleOptIn && !kind.takesDoubleOptIn {
      sink.add(
        .channelOptionIgnored, entry.path("doubleOptIn"),
        "Double opt-in is an SMS and WhatsApp flow, so it does nothing on \(kind.label): "
          + "remove doubleOptIn.")
    }
    if entry.channel.pointee.updateExistingOnly && kind != .push {
      sink.add(
        .channelOptionIgnored, entry.path("updateExistingOnly"),
        "updateExistingOnly applies to push sends (/users/track); \(kind.label) sends set a "
          + "subscription group and never read it: remove it.")
    }
  }

  private static func checkGroupID(
    _ entry: ChannelEntry, kind: Channel?, topicIndex: Int,
    _ siblings: UnsafeBufferPointer<TopicChannel>,
    _ context: ValidationContext, _ sink: inout ProblemSink
  ) {
    let id = entry.channel.pointee.groupID
    // Made only for a problem: most entries have none.
    var path: ProblemPath { entry.path("subscriptionGroupId") }
    guard let kind else { return }
    if !kind.usesSubscriptionGroup {
      if !id.isEmpty {
        sink.add(
          .groupIDIgnored, path,
          "Push has no subscription group in Braze (it sets the push_subscribe attribute), "
            + "so this group id is ignored: remove it.")
      }
      return
    }
    if id.isEmpty {
      sink.add(
        .groupIDMissing, path,
        "Set the Braze subscription group id for \(kind.label); the Braze dashboard shows it "
          + "under Audience > Subscriptions.")
      return
    }
    if !GroupIDs.looksLikeUUID(id) {
      sink.add(
        .groupIDShape, path,
        "\"\(QuotedExcerpt.cut(id.text))\" does not look like a Braze subscription group id (a UUID such as "
          + "fbc3506c-26a5-4f35-b8f0-ed382da4f2db): check that it was copied whole.")
    }
    if let other = context.otherTopicMapping(
      of: entry.channel.pointee, at: entry.position, inTopic: topicIndex)
    {
      sink.add(
        .groupIDShared, path,
        "This group id is also mapped by \(context.recordPath(.topics, other.topic)), so a "
          + "choice about either topic changes both: give each topic its own group.")
    } else if siblings.indices.contains(where: {
      $0 != entry.position && GroupIDs.sameID(siblings[$0].groupID, id)
        && siblings[$0].kind?.usesSubscriptionGroup == true
    }) {
      sink.add(
        .groupIDShared, path,
        "This group id is mapped by more than one channel of this topic, but a Braze group "
          + "belongs to one channel: give each channel its own group.")
    }
  }
}

/// One channel entry being validated, where its topic keeps it (read while the rules run),
/// with how its path names it.
private struct ChannelEntry {
  let channel: UnsafePointer<TopicChannel>
  let position: Int
  let spot: RecordSpot
  /// The channel code when it names the entry without doubt, else nil (the index is shown).
  let key: String?

  func path(_ field: String) -> ProblemPath {
    spot.child("channels", position, key: key, field: field)
  }
}
