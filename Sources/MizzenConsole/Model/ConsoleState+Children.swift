import MizzenCore

extension ConsoleState {
  /// The child list on top of the stack, if the top screen is one.
  public var childList: ChildList? {
    if case .children(let children) = screens.last { return children }
    return nil
  }

  /// Reloads every child list on the stack after a change; a list whose parent is gone
  /// is closed with everything above it.
  mutating func reloadChildLists() {
    for position in screens.indices {
      guard case .children(var children) = screens[position] else { continue }
      guard children.parentExists(in: workspace) else {
        screens.removeSubrange(position...)
        return
      }
      children.reload(workspace)
      screens[position] = .children(children)
    }
  }
}
