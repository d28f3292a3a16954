package io.crossbook.server.settings;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import io.crossbook.server.live.LiveTrading;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcPrint;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * The whole server on MockMvc with its own SQLite file, the test master key, no market-data feeds,
 * signed in as the admin {@code ops}. Classes add their own properties with {@code @TestPropertySource}.
 * Requests are never printed, not even for a failed test: their bodies hold the test keys, which the
 * tests look for in the output (the response bodies are in the assertion messages).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ActiveProfiles(LiveTrading.SIMULATOR_PROFILE) // the exchanges are local stand-ins
@SpringBootTest(properties = {
        "crossbook.db.sqlite-file=target/test-db/${random.uuid}/crossbook.db",
        "crossbook.market-data.feeds=",
        "crossbook.security.admin-password=settings-test-admin",
        "crossbook.security.bcrypt-cost=4",
        "crossbook.credentials.master-key=" + TestKeys.MASTER_KEY})
@AutoConfigureMockMvc(print = MockMvcPrint.NONE)
@WithMockUser(username = "ops", roles = "ADMIN")
public @interface SettingsServerTest {
}
