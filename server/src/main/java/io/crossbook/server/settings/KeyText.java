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

/**
 * An API key or secret: 8 to 256 visible ASCII characters. Exchanges issue nothing else, and the values
 * travel in HTTP headers, where a space or line break would break (or forge) the request.
 */
@NotNull
@Pattern(regexp = "\\p{Graph}{8,256}")
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface KeyText {
    String message() default "must be 8 to 256 printable characters without spaces";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
