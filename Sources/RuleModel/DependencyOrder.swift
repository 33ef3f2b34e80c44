/// Orders ids so that each comes after the ids it depends on: indicators after what they read,
/// diagnostics after their indicators. A depth-first search kept on an explicit stack, so that a
/// chain of definitions thousands deep cannot exhaust the call stack.
public enum DependencyOrder {
    /// A cycle met while ordering: its ids in dependency order, the first repeated at the end.
    public struct Cycle: Error, Equatable, Sendable {
        /// The ids of the cycle, `[a, b, a]` for `a` reading `b` reading `a`.
        public let members: [String]
    }

    /// Every key of `references` (visited in sorted order), each after its dependencies.
    /// Dependencies that are not keys (facts, parameters) are ignored.
    public static func sorted(_ references: [String: [String]]) throws(Cycle) -> [String] {
        try order(from: references.keys.sorted(), references: references)
    }

    /// The keys of `references` reachable from `roots` (visited in the order given), each after its
    /// dependencies, each once; a root that is not a key is skipped.
    public static func order(from roots: [String], references: [String: [String]]) throws(Cycle) -> [String] {
        var order: [String] = []
        var finished = Set<String>()
        var onPath = Set<String>()
        for root in roots where references[root] != nil && !finished.contains(root) {
            // The current path, with the index of the next dependency to visit at each step.
            var path: [(id: String, next: Int)] = [(root, 0)]
            onPath.insert(root)
            while let (id, next) = path.last {
                let dependencies = references[id] ?? []
                guard next < dependencies.count else {
                    path.removeLast()
                    onPath.remove(id)
                    finished.insert(id)
                    order.append(id)
                    continue
                }
                path[path.count - 1].next += 1
                let dependency = dependencies[next]
                guard references[dependency] != nil, !finished.contains(dependency) else { continue }
                if onPath.contains(dependency) {
                    let start = path.firstIndex { $0.id == dependency } ?? 0
                    throw Cycle(members: path[start...].map(\.id) + [dependency])
                }
                onPath.insert(dependency)
                path.append((dependency, 0))
            }
        }
        return order
    }
}
