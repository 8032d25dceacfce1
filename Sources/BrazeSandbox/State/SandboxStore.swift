import Foundation
import MizzenCore

/// The sandbox's in-memory Braze workspace: user profiles with their identifiers,
/// global email/push states and subscription-group states, plus the known groups.
///
/// Always used under one lock (see `SandboxEndpoints`); lookups by email and phone go
/// through indexes so that large rehearsals stay fast.
struct SandboxStore {
  private(set) var users: [Int: SandboxUser] = [:]
  private var byExternalID: [String: Int] = [:]
  private var byEmail: [String: Set<Int>] = [:]
  private var byPhone: [String: Set<Int>] = [:]
  private var byAlias: [SandboxUser.Alias: Int] = [:]
  private var nextSerial = 1
  private var sequence = 0

  /// Known subscription groups; a nil channel means the group was created by a call that
  /// named only external ids, so its channel is not known yet.
  var groups: [String: Channel?]
  /// `/email/status` for an address no profile has yet: applied when one gets it.
  private var pendingEmailSubscribe: [String: String] = [:]
  private var blocklisted: Set<String> = []
  /// When each address last became globally unsubscribed from email, for
  /// `/email/unsubscribes`; an address subscribed again leaves the list.
  private(set) var unsubscribedAt: [String: Date] = [:]

  init(groups: [String: Channel]) {
    self.groups = groups.mapValues { Optional($0) }
  }

  func user(_ serial: Int) -> SandboxUser? { users[serial] }

  func serial(externalID: String) -> Int? { byExternalID[externalID] }

  func serials(email: String) -> [Int] { (byEmail[email.lowercased()] ?? []).sorted() }

  func serials(phone: String) -> [Int] { (byPhone[phone] ?? []).sorted() }

  func serial(alias: SandboxUser.Alias) -> Int? { byAlias[alias] }

  func serial(brazeID: String) -> Int? {
    users.values.first { $0.brazeID == brazeID }?.serial
  }

  /// Of `serials`, the most recently updated profile with an external id, else the most
  /// recently updated one: the profile Braze's `/users/track` picks by email or phone.
  func latest(_ serials: [Int]) -> Int? {
    let profiles = serials.compactMap { users[$0] }
    let identified = profiles.filter(\.isIdentified)
    return (identified.isEmpty ? profiles : identified).max { $0.updated < $1.updated }?.serial
  }

  /// The profile with this external id, created when missing.
  mutating func findOrCreate(externalID: String) -> Int {
    if let serial = byExternalID[externalID] { return serial }
    let serial = create()
    users[serial]?.externalID = externalID
    byExternalID[externalID] = serial
    return serial
  }

  /// Every profile with this email, or a new email-only profile when there is none.
  mutating func findOrCreate(email: String) -> [Int] {
    let found = serials(email: email)
    if !found.isEmpty { return found }
    let serial = create()
    setEmail(serial, email)
    return [serial]
  }

  /// Every profile with this phone, or a new phone-only profile when there is none.
  mutating func findOrCreate(phone: String) -> [Int] {
    let found = serials(phone: phone)
    if !found.isEmpty { return found }
    let serial = create()
    setPhone(serial, phone)
    return [serial]
  }

  /// A new profile known only by an alias.
  mutating func create(alias: SandboxUser.Alias) -> Int {
    let serial = create()
    addAlias(serial, alias)
    return serial
  }

  mutating func addAlias(_ serial: Int, _ alias: SandboxUser.Alias) {
    guard byAlias[alias] == nil else { return }
    byAlias[alias] = serial
    modify(serial) { $0.aliases.append(alias) }
  }

  mutating func setEmail(_ serial: Int, _ email: String?) {
    guard let old = users[serial] else { return }
    let lowered = email?.lowercased()
    if let previous = old.email { byEmail[previous]?.remove(serial) }
    modify(serial) { $0.email = lowered }
    guard let lowered else { return }
    byEmail[lowered, default: []].insert(serial)
    if let pending = pendingEmailSubscribe[lowered] {
      modify(serial) { $0.emailSubscribe = pending }
    }
    if blocklisted.contains(lowered) {
      modify(serial) {
        $0.emailSubscribe = "unsubscribed"
        $0.hardBounced = true
      }
    }
  }

  mutating func setPhone(_ serial: Int, _ phone: String?) {
    guard let old = users[serial] else { return }
    if let previous = old.phone { byPhone[previous]?.remove(serial) }
    modify(serial) { $0.phone = phone }
    if let phone { byPhone[phone, default: []].insert(serial) }
  }

  /// Changes one profile and marks it as the most recently updated.
  mutating func modify(_ serial: Int, _ change: (inout SandboxUser) -> Void) {
    guard var user = users[serial] else { return }
    let before = user.emailSubscribe
    change(&user)
    if let email = user.email { noteEmailState(email, before: before, after: user.emailSubscribe) }
    sequence += 1
    user.updated = sequence
    users[serial] = user
  }

  private mutating func noteEmailState(_ email: String, before: String?, after: String?) {
    guard before != after else { return }
    if after == "unsubscribed" {
      unsubscribedAt[email] = Date()
    } else if before == "unsubscribed" {
      unsubscribedAt[email] = nil
    }
  }

  mutating func setGroupState(_ group: String, subscribed: Bool, serials: [Int]) {
    for serial in serials {
      sequence += 1
      let state = SandboxUser.GroupState(subscribed: subscribed, sequence: sequence)
      modify(serial) { $0.groups[group] = state }
    }
  }

  /// The latest state of `group` among `serials`, nil when none of them has one.
  func groupState(_ group: String, serials: [Int]) -> Bool? {
    serials.compactMap { users[$0]?.groups[group] }.max { $0.sequence < $1.sequence }?
      .subscribed
  }

  /// Sets the global email state of every profile with this address; remembered for
  /// an address no profile has yet.
  mutating func setEmailSubscribe(_ email: String, _ state: String) {
    let lowered = email.lowercased()
    let found = serials(email: lowered)
    if found.isEmpty {
      let before = pendingEmailSubscribe.updateValue(state, forKey: lowered)
      noteEmailState(lowered, before: before, after: state)
    }
    for serial in found { modify(serial) { $0.emailSubscribe = state } }
  }

  mutating func blocklist(_ email: String) {
    let lowered = email.lowercased()
    blocklisted.insert(lowered)
    for serial in serials(email: lowered) {
      modify(serial) {
        $0.emailSubscribe = "unsubscribed"
        $0.hardBounced = true
      }
    }
  }

  mutating func delete(_ serial: Int) {
    guard let user = users.removeValue(forKey: serial) else { return }
    if let externalID = user.externalID { byExternalID[externalID] = nil }
    if let email = user.email { byEmail[email]?.remove(serial) }
    if let phone = user.phone { byPhone[phone]?.remove(serial) }
    for alias in user.aliases { byAlias[alias] = nil }
  }

  private mutating func create() -> Int {
    let serial = nextSerial
    nextSerial += 1
    sequence += 1
    users[serial] = SandboxUser(serial: serial, updated: sequence)
    return serial
  }
}
