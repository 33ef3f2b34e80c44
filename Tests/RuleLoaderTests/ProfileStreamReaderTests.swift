import Diagnostics
import Foundation
import Parallel
import Testing
import TestSupport
import RuleModel
import YAML
@testable import RuleLoader

/// Reading a stream of profiles in windows gives what reading the whole file gives, with
/// diagnostics at the lines of the whole file.
@Suite struct ProfileStreamReaderTests {
    private func temporaryFile(_ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("stream-\(UUID().uuidString).yaml").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// How a test reader reads the window after the one handed out.
    enum ReadingAhead: CaseIterable {
        /// On a thread of its own (several cores).
        case onItsThread
        /// When the caller asks, on another thread while the caller decodes the window handed out
        /// (as a batch's parallel step does).
        case whenAsked
        /// Not at all: each window is read when asked for (one core).
        case never
    }

    /// Every window of `path` decoded, in order.
    private func readInWindows(_ path: String, _ pack: RulePack, windowBytes: Int, maxDocumentBytes: Int = YAMLLimits.default.maxBytes,
                               readingAhead: ReadingAhead = .onItsThread) throws -> (results: [Result<Profile, DiagnosticList>], windows: Int) {
        let reader = try ProfileStreamReader.open(path, windowBytes: windowBytes, maxDocumentBytes: maxDocumentBytes,
                                                  readsAhead: readingAhead != .never).get()
        var results: [Result<Profile, DiagnosticList>] = []
        var handedOut = 0
        var readByTasks = 0
        while let window = reader.next(readingAheadOnItsThread: readingAhead == .onItsThread) {
            // The next window may be read ahead meanwhile: the reader still tells of the windows handed out.
            handedOut += 1
            #expect(reader.windowCount == handedOut)
            // A read left for the caller, and only then. (`windowsCut` is read only when no thread
            // of the reader's own may be cutting.)
            let pending = reader.pendingRead
            #expect((pending != nil) == (readingAhead == .whenAsked && !reader.isFinished))
            let cutBefore = readingAhead == .onItsThread ? 0 : reader.windowsCut
            let decoded = concurrentMap(count: 2) { task -> [Result<Profile, DiagnosticList>] in
                guard task == 1 else {
                    pending?.run()
                    return []
                }
                switch window {
                case .failure(let problems): return [.failure(problems)]
                case .success(let window): return ProfileStreamDecoder.decode(window, pack: pack, catalogue: ProfileLoader.Catalogue(pack.facts))
                }
            }
            results += decoded[1]
            if let pending {
                let cutByTask = reader.windowsCut
                readByTasks += cutByTask - cutBefore
                // A second run reads nothing more.
                pending.run()
                #expect(reader.windowsCut == cutByTask)
            }
        }
        // Every window but the first (read as the reader opened) was read by a task when asked.
        #expect(readByTasks == (readingAhead == .whenAsked ? reader.windowCount - 1 : 0))
        #expect(reader.isFinished)
        return (results, reader.windowCount)
    }

    /// However the next window is read: on another thread, as a task beside the caller's, or when
    /// asked for.
    @Test(arguments: ReadingAhead.allCases) func windowsGiveWhatTheWholeFileGives(readingAhead: ReadingAhead) throws {
        let pack = try defaultPack()
        let good = "---\norganisation: {name: Good, kind: caf}\nfacts:\n  staff_count: 10\n  paid_offer: none\n"
        let bad = [
            "---\norganisation: {name: A}\nfacts:\n  hierarchy_levles: 7\n",
            "---\norganisation: {name: B}\nfacts:\n  staff_count: many\n",
            "---\norganisation: {name: \"unterminated\n",
            "---\norganisation: {name: C}\nfacts:\n  staff_count: 1\n  staff_count: 2\n",
        ]
        var text = "# a portfolio\n"
        for document in bad { text += String(repeating: good, count: 30) + document }
        text += String(repeating: good, count: 30)
        let path = try temporaryFile(text)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let whole = SourceFile(path: path, text: text)
        let expected = ProfileStreamDecoder.decode(whole, pack: pack, catalogue: ProfileLoader.Catalogue(pack.facts))

        let (results, windows) = try readInWindows(path, pack, windowBytes: 1000, readingAhead: readingAhead)
        #expect(windows > 10)
        #expect(results.map(describeDecoded) == expected.map(describeDecoded))
        // Rendered with their source lines, as the batch command prints them.
        let renderer = DiagnosticRenderer(usesColour: false)
        func rendered(_ results: [Result<Profile, DiagnosticList>]) -> [String] {
            results.compactMap { if case .failure(let list) = $0 { renderer.render(list) } else { nil } }
        }
        #expect(rendered(results) == rendered(expected))
        #expect(rendered(results).count == 4)
        #expect(rendered(results)[2].hasPrefix("\(path):462:1: error[yaml.syntax]"))
        #expect(rendered(results)[2].contains("  462 | ---\n"))
    }

    /// A read that fails ends the file with a diagnostic at the start of the document it cut
    /// short, which is dropped (read in part, it could pass for a profile with facts left out);
    /// the whole documents before it are handed out. The failing read is a real one: this
    /// process's memory read through `/proc/self/mem`, two pages of profiles and then an unmapped
    /// page.
    @Test func aReadErrorEndsTheFileAtTheDocumentItCutShort() throws {
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let mapped = try #require(mmap(nil, 3 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0))
        #expect(mapped != MAP_FAILED)
        defer { munmap(mapped, 2 * page) }
        #expect(munmap(mapped + 2 * page, page) == 0)
        let first = "---\norganisation: {name: A, kind: caf}\nfacts:\n  staff_count: 10\n"
        let cutShort = "---\norganisation: {name: B, kind: caf}\nfacts:\n  staff_count: 12\n  paid_offer: none\n"
        let padding = String(repeating: "# padding\n", count: (2 * page - first.utf8.count - 40) / 10)
        let text = Array((first + padding + cutShort).utf8)
        #expect(text.count > 2 * page && text.count - cutShort.utf8.count < 2 * page, "the second document runs past the pages")
        text.withUnsafeBytes { mapped.copyMemory(from: $0.baseAddress!, byteCount: 2 * page) }
        let descriptor = open("/proc/self/mem", O_RDONLY)
        try #require(descriptor >= 0)
        #expect(lseek(descriptor, off_t(Int(bitPattern: mapped)), SEEK_SET) >= 0)
        let reader = ProfileStreamReader(path: "portfolio.yaml", descriptor: descriptor, windowBytes: 1 << 20,
                                         maxDocumentBytes: YAMLLimits.default.maxBytes, readsAhead: false)
        let pack = try defaultPack()
        guard case .success(let window)? = reader.next() else { Issue.record("expected the whole first document"); return }
        let profiles = ProfileStreamDecoder.decode(window, pack: pack, catalogue: ProfileLoader.Catalogue(pack.facts))
        #expect(profiles.count == 1)
        #expect((try? profiles.first?.get())?.name == "A")
        guard case .failure(let problems)? = reader.next() else { Issue.record("expected the read error"); return }
        let problem = try #require(problems.sorted.first)
        #expect(problem.code == LoaderCode.unreadableFile)
        #expect(problem.message.contains("Input/output error"), "\(problem.message)")
        let secondStart = 1 + (first + padding).filter { $0 == "\n" }.count
        #expect(problem.location.map { "\($0)" } == "portfolio.yaml:\(secondStart):1")
        #expect(reader.next() == nil)
        #expect(reader.isFinished)
    }

    /// A file that cannot be read at all gives one problem with no line to point at.
    @Test func aFileThatCannotBeReadAtAllGivesOneProblem() throws {
        let reader = try ProfileStreamReader.open("/proc/self/mem", readsAhead: false).get()
        guard case .failure(let problems)? = reader.next() else { Issue.record("expected the read error"); return }
        #expect(problems.sorted.map(\.code) == [LoaderCode.unreadableFile])
        #expect(problems.sorted.first?.location == nil)
        #expect(problems.sorted.first?.message.hasPrefix("cannot read '/proc/self/mem': ") == true)
        #expect(reader.next() == nil)
    }

    /// The last cut, found from the marker before the last one, is the last of all the cuts, for
    /// streams of every kind of line a cut depends on (markers, directives after a document end
    /// and without one, document ends, comments, blank lines, content).
    @Test func theLastCutIsTheLastOfAllTheCuts() {
        let kinds = ["---\n", "--- {a: 1}\n", "---x\n", "---\r\n", "%YAML 1.2\n", "%TAG ! tag:x,2024:\n", "...\n",
                     "# comment\n", "\n", "   \n", "a: 1\n", "  b: 2\n", "---", "..."]
        var generator = SeededGenerator(state: 11)
        for _ in 0..<3_000 {
            let lines = (0..<Int.random(in: 0..<14, using: &generator)).map { _ in kinds.randomElement(using: &generator)! }
            // A line without its line feed (the last two kinds) is only ever last.
            let text = lines.enumerated().map { $0.offset < lines.count - 1 && !$0.element.hasSuffix("\n") ? $0.element + "\n" : $0.element }
                .joined()
            let bytes = Array(text.utf8)
            #expect(ProfileStreamReader.lastCut(in: bytes) == ProfileStreamReader.cuts(in: bytes).last, "\(text.debugDescription)")
        }
    }

    @Test func cutsFallBeforeDocumentStartsOnly() {
        let text = """
            # leading comment
            ---
            a: 1
            ---
            b: |
              --- not at the start of a line
            ...
            %YAML 1.2
            ---
            c: 3
            --- {d: 4}
            ----
            ---x
            ---\r
            e: 5
            """
        let bytes = Array(text.utf8)
        let lineStarts = [0] + bytes.indices.filter { bytes[$0] == UInt8(ascii: "\n") }.map { $0 + 1 }
        // Not before the first `---`: only a comment precedes it. Before the directive, not between
        // it and its document.
        let lines = ProfileStreamReader.cuts(in: bytes).map { cut in lineStarts.firstIndex(of: cut)! + 1 }
        #expect(lines == [4, 8, 11, 14])
    }

    @Test func anOversizedDocumentIsReportedAndSkipped() throws {
        let pack = try defaultPack()
        let good = "---\norganisation: {name: Good}\nfacts:\n  staff_count: 10\n"
        let huge = "---\norganisation: {name: Huge}\nevidence:\n" + String(repeating: "  # padding padding padding padding\n", count: 100)
        let path = try temporaryFile(good + huge + good + good)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let (results, _) = try readInWindows(path, pack, windowBytes: 200, maxDocumentBytes: 1000)
        let described = results.map(describeDecoded)
        try #require(described.count == 4)
        #expect(described[1] == "failed \(path):5:1: error[yaml.file-too-large]: this document is over the limit of 1000 bytes; it is skipped")
        #expect(described[0].hasPrefix("ok Good") && described[2].hasPrefix("ok Good") && described[3].hasPrefix("ok Good"))
    }

    /// A reader dropped while it reads the next window ahead ends once that read is done, and
    /// closes its file (it ends on the read's thread, which must not wait for itself).
    @Test func aReaderDroppedMidStreamClosesItsFile() async throws {
        let good = "---\norganisation: {name: Good}\nfacts:\n  staff_count: 10\n"
        let path = try temporaryFile(String(repeating: good, count: 2_000))
        defer { try? FileManager.default.removeItem(atPath: path) }
        // The descriptors of this process open on the file (other tests open others meanwhile).
        func descriptorsOnTheFile() throws -> Int {
            try FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd").filter { name in
                (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/" + name)) == path
            }.count
        }
        do {
            let reader = try ProfileStreamReader.open(path, windowBytes: 1_000).get()
            #expect(reader.next() != nil)  // and the next window is being read ahead
            #expect(try descriptorsOnTheFile() == 1)
        }
        var open = try descriptorsOnTheFile()
        for _ in 0..<200 where open > 0 {
            try await Task.sleep(for: .milliseconds(10))
            open = try descriptorsOnTheFile()
        }
        #expect(open == 0)
    }

    @Test func anEndlessLineStopsTheFileAfterTwoLimitsWorth() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("endless-\(UUID().uuidString).yaml").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        // No line break and no document start: like /dev/zero, but finite for the test.
        #expect(FileManager.default.createFile(atPath: path, contents: Data(repeating: UInt8(ascii: "a"), count: 50_000)))
        let reader = try ProfileStreamReader.open(path, windowBytes: 200, maxDocumentBytes: 1000).get()
        guard case .failure(let problems)? = reader.next() else { Issue.record("expected the oversized document"); return }
        #expect(problems.sorted.first?.message.hasSuffix("the rest of the file is not read") == true)
        #expect(reader.next() == nil)
        #expect(reader.isFinished)
    }

    @Test func aLoneCarriageReturnCountsAsALineInLaterWindows() throws {
        let pack = try defaultPack()
        let first = "---\norganisation: {name: A}\rfacts: {}\n"  // a lone CR: libyaml counts a line there
        let bad = "---\norganisation: {name: B}\nfacts: {no_such_fact: 1}\n"
        let path = try temporaryFile(first + bad)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let (results, windows) = try readInWindows(path, pack, windowBytes: 10)
        #expect(windows == 2)
        let problem = results.compactMap { if case .failure(let list) = $0 { return list.sorted.first } else { return nil } }.first
        // Lines: 1 `---`, 2 organisation, 3 facts (after the CR), 4 `---`, 5 organisation, 6 facts.
        #expect(problem?.location?.description == "\(path):6:9")
    }

    @Test func oneDocumentLongerThanAWindowIsReadWhole() throws {
        let pack = try defaultPack()
        let text = "organisation: {name: Long}\nevidence:\n  staff_count: \"" + String(repeating: "x", count: 5000) + "\"\nfacts:\n  staff_count: 10\n"
        let path = try temporaryFile(text)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let (results, windows) = try readInWindows(path, pack, windowBytes: 100)
        #expect(windows == 1)
        #expect(results.map(describeDecoded) == [describeDecoded(ProfileLoader.load(SourceFile(path: path, text: text), pack: pack))])
    }

    @Test func missingFileAndFolderAreReported() {
        #expect(throws: DiagnosticList.self) { try ProfileStreamReader.open("/no/such/file.yaml").get() }
        #expect(throws: DiagnosticList.self) { try ProfileStreamReader.open(packageRoot.path).get() }
    }
}
