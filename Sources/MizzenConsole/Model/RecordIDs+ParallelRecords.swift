import MizzenCore

/// The record identities follow each removal `References.deleting` makes, so that every
/// screen keeps holding the records it held.
extension RecordIDs: ParallelRecords {
  public mutating func removeRecord(at position: RecordPosition) {
    switch position {
    case .connection(let index): connections.remove(at: index)
    case .identitySpace(let index): identitySpaces.remove(at: index)
    case .topic(let index):
      topics.remove(at: index)
      channels.remove(at: index)
    case .channel(let topic, let index): channels[topic].remove(at: index)
    case .property(let index):
      properties.remove(at: index)
      captures.remove(at: index)
    case .capture(let property, let index): captures[property].remove(at: index)
    }
  }

  public mutating func keepChannels(ofTopic topic: Int, _ kept: [Int]) {
    channels[topic] = kept.map { channels[topic][$0] }
  }

  public mutating func keepCaptures(ofProperty property: Int, _ kept: [Int]) {
    captures[property] = kept.map { captures[property][$0] }
  }
}
