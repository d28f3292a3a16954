package io.crossbook.server.settings;

/** Stored keys that cannot be decrypted with the configured master key; the message says why, never what. */
final class UndecryptableCredentialsException extends RuntimeException {
    UndecryptableCredentialsException(String message) {
        super(message, null, false, false);
    }
}
