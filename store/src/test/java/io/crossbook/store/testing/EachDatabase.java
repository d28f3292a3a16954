package io.crossbook.store.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the test once on SQLite and once on PostgreSQL, each time with a fresh, migrated
 * {@link TestDatabase} as a parameter:
 * <pre>{@code
 * @EachDatabase
 * void findsWhatItStored(TestDatabase db) { ... }
 * }</pre>
 * The PostgreSQL run is skipped with the reason when there is no PostgreSQL, or fails when
 * {@code CI=true}.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@TestTemplate
@ExtendWith(EachDatabaseExtension.class)
public @interface EachDatabase {
}
