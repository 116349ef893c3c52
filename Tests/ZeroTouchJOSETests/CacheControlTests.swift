import Testing
@testable import ZeroTouchJOSE

@Suite("Cache-Control max-age")
struct CacheControlTests {
    @Test("reads max-age and falls back to the default otherwise", arguments: [
        ("max-age=120", 120.0 as Double?), ("public, max-age=3600, must-revalidate", 3600), ("Max-Age=\"60\"", 60),
        (nil, nil), ("public", nil), ("no-store", nil), ("max-age=600, no-cache", nil), ("max-age=-1", nil), ("max-age=ten", nil),
    ])
    func maxAge(_ header: String?, expected: Double?) {
        #expect(CacheControl.maxAge(header) == expected)
    }
}
