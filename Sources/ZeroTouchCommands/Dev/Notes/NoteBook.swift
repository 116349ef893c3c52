import Foundation
import Synchronization

/// The notes, in memory and in a JSON file (written atomically, 0600) so that they survive a restart.
final class NoteBook: Sendable {
    private let fileURL: URL?
    private let notes: Mutex<[Note]>

    /// The most notes kept, and the longest title and text accepted.
    static let maximumNotes = 10_000
    static let maximumTitleLength = 200
    static let maximumTextLength = 10_000

    /// Loads the notes of `fileURL`, or starts empty (in memory only when `fileURL` is `nil`).
    init(fileURL: URL?) {
        self.fileURL = fileURL
        let loaded = fileURL.flatMap { try? Data(contentsOf: $0) }.flatMap { try? Self.decoder.decode([Note].self, from: $0) }
        notes = Mutex(loaded ?? [])
    }

    /// Every note, newest first, optionally only those containing `query` (case-insensitive).
    func list(matching query: String? = nil) -> [Note] {
        let all = notes.withLock { $0 }.reversed()
        guard let query, !query.isEmpty else { return Array(all) }
        return all.filter { $0.title.localizedCaseInsensitiveContains(query) || $0.text.localizedCaseInsensitiveContains(query) }
    }

    /// Adds a note and saves the file.
    /// - Throws: `NotesFailure` for bad input; file errors.
    func add(title: String, text: String, author: String, now: Date) throws -> Note {
        guard !title.isEmpty, title.count <= Self.maximumTitleLength else {
            throw NotesFailure("title must have 1 to \(Self.maximumTitleLength) characters")
        }
        guard text.count <= Self.maximumTextLength else { throw NotesFailure("text must have at most \(Self.maximumTextLength) characters") }
        let (note, snapshot) = try notes.withLock { notes -> (Note, [Note]) in
            guard notes.count < Self.maximumNotes else { throw NotesFailure("the notebook is full") }
            let note = Note(id: (notes.last?.id ?? 0) + 1, title: title, text: text, author: author, createdAt: now)
            notes.append(note)
            return (note, notes)
        }
        if let fileURL {
            try Self.encoder.encode(snapshot).write(to: fileURL, options: [.atomic])
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: fileURL.path)
        }
        return note
    }

    private static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }

    private static var decoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }
}

/// A tool failure the caller sees (`isError: true`).
struct NotesFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
