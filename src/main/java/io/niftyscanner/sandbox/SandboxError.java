package io.niftyscanner.sandbox;

/** A Kite error response: HTTP status, Kite's error_type and a message that says what to fix. */
final class SandboxError extends RuntimeException {
    final int status;
    final String errorType;

    SandboxError(int status, String errorType, String message) {
        super(message);
        this.status = status;
        this.errorType = errorType;
    }

    static SandboxError input(String message) {
        return new SandboxError(400, "InputException", message);
    }

    static SandboxError token(String message) {
        return new SandboxError(403, "TokenException", message);
    }

    static SandboxError order(String message) {
        return new SandboxError(400, "OrderException", message);
    }
}
