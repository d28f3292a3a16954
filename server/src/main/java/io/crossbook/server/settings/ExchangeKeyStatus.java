package io.crossbook.server.settings;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One exchange in {@code GET /api/settings/api}: {@code connected} (the last key test passed),
 * {@code configured} (it has usable keys), where they come from, the masked key ({@code keyId}), who
 * stored them when (stored keys), a notice when something needs explaining, and the last key test.
 * Never a key.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExchangeKeyStatus(boolean connected, boolean configured, CredentialSource source, String keyId,
                                Long storedAt, String storedBy, String notice, KeyTestResult lastTest) {

    static ExchangeKeyStatus of(CredentialsInfo info, KeyTestResult lastTest) {
        return new ExchangeKeyStatus(lastTest != null && lastTest.ok(), info.usable(), info.source(), info.keyId(),
                info.storedAt(), info.storedBy(), info.notice(), lastTest);
    }
}
