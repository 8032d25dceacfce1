import MizzenCore

/// Draws the whole screen: header, body, breadcrumb and status rows, then any overlay.
enum Renderer {
  static func render(_ state: ConsoleState, _ size: Size) -> Frame {
    var frame = Frame(width: size.width, height: size.height)
    let minimum = ConsoleModel.minimumSize
    guard size.width >= minimum.width, size.height >= minimum.height else {
      let notice = "terminal too small (need \(minimum.width)×\(minimum.height))"
      if size.height > 0 {
        frame.draw(
          TextFit.center(notice, in: size.width), row: size.height / 2, column: 0,
          width: size.width, role: .warning)
      }
      return frame
    }
    header(state, &frame)
    let body = BodyArea(top: 1, height: size.height - 3, width: size.width)
    switch state.screens.last {
    case .form(let form):
      FormRenderer.draw(form, state, body, &frame)
    case .problems(let list):
      ListRenderer.draw(list, ProblemList.source(state.problems), body, &frame)
    case .children(let children):
      ListRenderer.draw(
        children.list, children.source(state.workspace, state.recordIDs, state.problemMarks), body,
        &frame)
    case .testSend(let send):
      TestSendRenderer.draw(send, state, body, &frame)
    case .journalEntry(let view):
      JournalEntryRenderer.draw(view, body, &frame)
    case .lookup(let lookup):
      LookupRenderer.draw(lookup, state, body, &frame)
    case .reconcile(let run):
      ReconcileRenderer.draw(run, state, body, &frame)
    case nil:
      sectionBody(state, body, &frame)
    }
    breadcrumb(state, row: size.height - 2, &frame)
    StatusRenderer.draw(state, row: size.height - 1, &frame)
    OverlayRenderer.draw(state, &frame)
    return frame
  }

  private static func sectionBody(_ state: ConsoleState, _ body: BodyArea, _ frame: inout Frame) {
    if let message = state.loadErrorMessage {
      var lines = ["The workspace file could not be read:", ""]
      lines += TextFit.wrap(message, to: body.width - 4)
      let keys = state.options.bindings
      let reload = keys.keyLabel(of: .reload, in: [.global]) ?? "r"
      let quit = keys.keyLabel(of: .quit, in: [.global]) ?? "q"
      lines += [
        "",
        "Nothing will be written to it. Fix the file, then press \(reload) to reload, or "
          + "\(quit) to quit.",
      ]
      for (offset, line) in lines.prefix(body.height).enumerated() {
        frame.draw(line, row: body.top + offset, column: 2, width: body.width - 4, role: .error)
      }
      return
    }
    let source =
      SectionLists.source(state.section, state.workspace, state.problemMarks)
      ?? HistoryList.source(state, width: body.width)
    ListRenderer.draw(state.currentList, source, body, &frame)
  }

  private static func header(_ state: ConsoleState, _ frame: inout Frame) {
    let width = frame.width
    frame.clear(row: 0, role: .header)
    let active = shownSection(state)
    let variants: [[String]] = [
      Section.allCases.map { "\($0.rawValue) \($0.title)" },
      Section.allCases.map { "\($0.rawValue) \($0.shortTitle)" },
      Section.allCases.map { $0 == active ? "\($0.rawValue) \($0.title)" : "\($0.rawValue)" },
    ]
    let unsaved = state.unsavedReason.map { " [unsaved: \($0)]" } ?? ""
    var tabs = variants[2]
    // The read-only marker and its reason need room beside the name: tabs shorten for it.
    let marker = readOnlyMarker(state.options)
    let needed = 30 + (marker.isEmpty ? 0 : DisplayWidth.of(marker) - 4)
    for variant in variants {
      let tabsWidth = variant.reduce(0) { $0 + DisplayWidth.of($1) + 2 }
      if width - tabsWidth >= needed + DisplayWidth.of(unsaved) {
        tabs = variant
        break
      }
    }
    let tabsWidth = tabs.reduce(0) { $0 + DisplayWidth.of($1) + 2 }
    var column = width - tabsWidth
    for (index, tab) in tabs.enumerated() {
      let role: Role = index + 1 == active?.rawValue ? .tabActive : .tab
      column += frame.draw(" \(tab) ", row: 0, column: column, width: width - column, role: role)
    }
    let room = width - tabsWidth - 1
    var x = 1
    x += frame.draw(
      state.workspace.name, row: 0, column: x, width: min(28, room - x), role: .header)
    if !marker.isEmpty {
      x += frame.draw(marker, row: 0, column: x, width: room - x, role: .badge)
    }
    if !unsaved.isEmpty {
      // Until a save lands: the changes are only here, and why.
      x += frame.draw(unsaved, row: 0, column: x, width: room - x, role: .error)
    }
    let (errors, warnings) = state.problemCounts
    let problemRole: Role = errors > 0 ? .error : (warnings > 0 ? .warning : .success)
    x += frame.draw("  ", row: 0, column: x, width: room - x, role: .header)
    x += frame.draw(
      state.problemsChecked ? Edits.countText(errors, warnings) : "checking…", row: 0,
      column: x, width: room - x, role: state.problemsChecked ? problemRole : .dim)
    if room - x > 6 {
      x += frame.draw("  ", row: 0, column: x, width: room - x, role: .header)
      frame.draw(
        leadingTruncated(state.options.workspacePath, to: room - x), row: 0, column: x,
        width: room - x, role: .dim)
    }
  }

  /// The section whose tab is lit: the one the screen shown belongs to, none over the
  /// problems, the messages or a look-up, which belong to no section.
  static func shownSection(_ state: ConsoleState) -> Section? {
    switch state.screens.last {
    case .problems, .lookup: return nil
    case .journalEntry(let view) where view.isMessages: return nil
    default: return state.section
    }
  }

  /// " [read-only]", with why when the file imposed it; empty when changes are allowed.
  private static func readOnlyMarker(_ options: ConsoleOptions) -> String {
    guard options.readOnly else { return "" }
    return " [read-only\(options.readOnlyReason.map { ": " + $0.summary } ?? "")]"
  }

  /// A path cut at the front, so the file name stays visible.
  static func leadingTruncated(_ text: String, to width: Int) -> String {
    guard width > 0 else { return "" }
    if DisplayWidth.of(text) <= width { return text }
    var tail = Substring(text)
    while DisplayWidth.of(tail) > width - 1 { tail = tail.dropFirst() }
    return "…" + tail
  }

  private static func breadcrumb(_ state: ConsoleState, row: Int, _ frame: inout Frame) {
    frame.clear(row: row, role: .breadcrumb)
    var parts = [state.workspace.name, state.section.title]
    for screen in state.screens {
      switch screen {
      case .form(let form):
        if RecordForms.isEdit(form.purpose) {
          parts.append(form.viewOnly ? "\(form.title) (view)" : "\(form.title) (edit)")
        } else {
          parts.append(form.title)
        }
      case .problems: parts.append("Problems")
      case .children(let children):
        let what = children.kind == .channels ? "channels" : "identity captures"
        parts.append(children.parentCode + " " + what)
      case .testSend(let send): parts.append("Test-send " + send.topic)
      case .journalEntry(let view): parts.append(view.title)
      case .lookup: parts.append("Look up")
      case .reconcile: parts.append("Reconcile")
      }
    }
    var right = ""
    if let list = ListActions.activeList(state) {
      let position = list.visible.isEmpty ? 0 : list.selected + 1
      right = "\(position)/\(list.visible.count)"
      if !list.filter.isEmpty {
        // Cut first: a pasted megabyte is measured only as far as the row shows it.
        right = "filter “\(TextFit.truncate(list.filter, to: frame.width / 2))”  " + right
      }
    }
    let rightWidth = DisplayWidth.of(right)
    frame.draw(
      " " + parts.joined(separator: " › "), row: row, column: 0,
      width: frame.width - rightWidth - 2, role: .breadcrumb)
    frame.draw(
      right, row: row, column: frame.width - rightWidth - 1, width: rightWidth, role: .breadcrumb)
  }
}

/// The rows of the screen given to the body.
struct BodyArea {
  var top: Int
  var height: Int
  var width: Int
}
