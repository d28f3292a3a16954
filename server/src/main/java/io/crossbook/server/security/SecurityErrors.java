package io.crossbook.server.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * The 401 and 403 answers of the security filters, which run before any controller: they go to
 * the MVC exception resolvers, so ApiExceptionHandler writes them as API.md envelopes like every
 * other error.
 */
@Component
public class SecurityErrors implements AuthenticationEntryPoint, AccessDeniedHandler {
    private final HandlerExceptionResolver resolver;

    public SecurityErrors(@Qualifier("handlerExceptionResolver") HandlerExceptionResolver resolver) {
        this.resolver = resolver;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        resolve(request, response, e, HttpStatus.UNAUTHORIZED);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        resolve(request, response, e, HttpStatus.FORBIDDEN);
    }

    private void resolve(HttpServletRequest request, HttpServletResponse response, Exception e, HttpStatus status)
            throws IOException {
        if (resolver.resolveException(request, response, null, e) == null) {
            response.sendError(status.value());
        }
    }
}
