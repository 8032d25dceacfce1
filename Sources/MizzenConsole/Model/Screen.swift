/// A screen pushed over a section's list; esc pops it. The breadcrumb is read off the stack.
public enum Screen: Equatable, Sendable {
  case form(FormState)
  /// Every problem of the workspace, in a generic list.
  case problems(ListState)
  /// The channels of a topic or the identity captures of a property.
  case children(ChildList)
  /// Test-sending one signal of a topic.
  case testSend(TestSendState)
  /// One journal entry in full, opened from History.
  case journalEntry(JournalEntryView)
  /// A person's real state in Braze for every topic × channel (`L`).
  case lookup(LookupState)
  /// A reconcile run of a preference export, then its report (`:reconcile FILE`).
  case reconcile(ReconcileState)
}
