package io.crossbook.server.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.PathResourceResolver;

/**
 * Serves the web dashboard (module crossbook-web, packed under {@code classpath:/static}) at
 * {@code /}: its files as they are, and its {@code index.html} for the client-side routes
 * ({@code /dashboard}, {@code /arbitrage}, …) so that a reload or a bookmark opens the right page.
 * The server's own paths (API, actuator, API docs, WebSocket, health) never fall back: an unknown
 * one stays {@code NOT_FOUND}.
 */
// Registered before Spring Boot's default static mapping, which then leaves /** to this one.
@Configuration(proxyBeanMethods = false)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class DashboardFiles implements WebMvcConfigurer {
    private static final String LOCATION = "classpath:/static/";
    private static final String INDEX = "index.html";
    private static final List<String> SERVER_PATHS = List.of("api", "actuator", "v3", "swagger-ui", "ws", "health", "error");

    /** The dashboard's files and routes: GET or HEAD of any path that is not the server's own; open to everyone. */
    public static final RequestMatcher PUBLIC = request -> isRead(request) && !isServerPath(path(request));

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/**")
                .addResourceLocations(LOCATION)
                .resourceChain(true)
                .addResolver(new PathResourceResolver() {
                    @Override
                    protected Resource getResource(String resourcePath, Resource location) throws IOException {
                        Resource file = super.getResource(resourcePath, location);
                        if (file != null || !isClientRoute(resourcePath)) {
                            return file;
                        }
                        return super.getResource(INDEX, location);
                    }
                });
    }

    /** A path the dashboard routes in the browser: not the server's own and not a file name. */
    static boolean isClientRoute(String resourcePath) {
        String lastSegment = resourcePath.substring(resourcePath.lastIndexOf('/') + 1);
        return !isServerPath("/" + resourcePath) && !lastSegment.contains(".");
    }

    private static boolean isServerPath(String path) {
        String first = path.substring(1).split("/", 2)[0];
        return SERVER_PATHS.contains(first);
    }

    private static boolean isRead(HttpServletRequest request) {
        return HttpMethod.GET.matches(request.getMethod()) || HttpMethod.HEAD.matches(request.getMethod());
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
