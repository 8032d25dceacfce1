import MizzenCore

extension ConsoleState {
  /// The child list on top of the stack, if the top screen is one.
  public var childList: ChildList? {
    if case .children(let children) = screens.last { return children }
    return nil
  }

  /// Brings the screens up to the workspace after a change: a screen whose record is gone
  /// (deleted, undone, changed on disk) is closed with everything above it, as is a dialog
  /// about a record that is gone (child lists that stay are made again by
  /// `refreshDerived`). Returns a sentence saying what was closed, or nil.
  mutating func closeScreensOfGoneRecords() -> String? {
    var closed: String?
    for position in screens.indices {
      switch screens[position] {
      case .children(let children):
        if children.parentIndex(recordIDs) == nil {
          let noun = children.kind == .channels ? "topic" : "property"
          closed = "Closed \(children.title): that \(noun) is no longer in the workspace."
        }
      case .form(let form):
        if RecordForms.slot(form.purpose, recordIDs) == nil {
          closed = "Closed the form “\(form.title)”: its record is no longer in the workspace."
        }
      case .problems, .testSend, .journalEntry, .lookup, .reconcile:
        break
      }
      if closed != nil {
        screens.removeSubrange(position...)
        overlay = nil
        prompt = nil
        return closed
      }
    }
    if let gone = overlayRecordGone() {
      overlay = nil
      return gone
    }
    return nil
  }

  /// What to say when the open dialog or chooser is about a record that is gone.
  private func overlayRecordGone() -> String? {
    let ref: RecordRef
    switch overlay {
    case .dialog(let dialog):
      guard case .deleteRecord(let about) = dialog.purpose else { return nil }
      ref = about
    case .chooser(let chooser):
      guard case .moveChannels(let about) = chooser.purpose else { return nil }
      ref = about
    case .help, nil:
      return nil
    }
    guard recordIDs.position(ref) == nil else { return nil }
    return "The \(ref.noun) the dialog asked about is no longer in the workspace; nothing deleted."
  }
}
