extension OAuthErrorResponse {
    /// The HTTP status as an integer (RFC 6749 §5.2). Same value as `status`, under a name that
    /// `ZeroTouchServer`'s `HTTPResponseError` conformance (whose `status` is an
    /// `HTTPResponse.Status`) cannot shadow.
    public var statusCode: Int { status }
}
