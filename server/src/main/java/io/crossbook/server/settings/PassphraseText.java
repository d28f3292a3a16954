package io.crossbook.server.settings;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** An API key's passphrase (OKX): 1 to 128 visible ASCII characters, sent in a header as {@link KeyText} values are. */
@NotNull
@Pattern(regexp = "\\p{Graph}{1,128}")
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface PassphraseText {
    String message() default "must be 1 to 128 printable characters without spaces";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
