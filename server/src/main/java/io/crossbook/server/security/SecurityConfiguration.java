package io.crossbook.server.security;

import io.crossbook.server.web.DashboardFiles;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import jakarta.servlet.DispatcherType;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * Who may call what. Reads need a signed-in user, everything else the admin role, except:
 * sign-in and refresh, health, metrics, the API docs, the WebSocket handshake (the gateway checks
 * the token itself) and the web UI's files are open; sign-out needs any user; user administration
 * needs admin even to read; market-data reads may be opened to everyone by configuration.
 * Bearer tokens only: no sessions, no cookies, hence no CSRF protection to need.
 */
@Configuration(proxyBeanMethods = false)
@SecurityScheme(name = SecurityConfiguration.BEARER, type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
public class SecurityConfiguration {
    static final String BEARER = "bearer";
    private static final String ADMIN = AccessTokens.Role.ADMIN.name();

    @Bean
    SecurityFilterChain api(HttpSecurity http, AuthProperties properties, JwtAccessTokens tokens, SecurityErrors errors)
            throws Exception {
        http.authorizeHttpRequests(rules -> authorize(rules, properties.publicMarketData()))
                .oauth2ResourceServer(server -> server
                        .bearerTokenResolver(bearerTokens())
                        .jwt(jwt -> jwt.decoder(tokens.decoder()).jwtAuthenticationConverter(SecurityConfiguration::authentication))
                        .authenticationEntryPoint(errors)
                        .accessDeniedHandler(errors))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(errors).accessDeniedHandler(errors))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .cors(cors -> cors.configurationSource(cors(properties.corsOrigins())))
                .headers(headers -> headers
                        .frameOptions(frame -> frame.deny())
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                        .addHeaderWriter(new ContentSecurityPolicy()));
        // HSTS keeps Spring Security's default: sent only on requests that arrived over TLS.
        return http.build();
    }

    private static void authorize(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules,
                                  boolean publicMarketData) {
        // An error page renders the outcome of a request these rules already judged.
        rules.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                .requestMatchers(HttpMethod.POST, "/api/auth/login", "/api/auth/refresh").permitAll()
                .requestMatchers("/health", "/actuator/health/**", "/actuator/prometheus",
                        "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll()
                .requestMatchers(HttpMethod.GET, "/ws").permitAll()
                .requestMatchers(DashboardFiles.PUBLIC).permitAll();
        if (publicMarketData) {
            rules.requestMatchers(HttpMethod.GET, "/api/prices/**", "/api/exchanges", "/api/monitoring/prices").permitAll()
                    .requestMatchers(HttpMethod.POST, "/api/prices/batch").permitAll();
        }
        rules.requestMatchers(HttpMethod.POST, "/api/auth/logout").authenticated()
                .requestMatchers("/api/auth/users/**", "/actuator/**").hasRole(ADMIN)
                .requestMatchers(HttpMethod.GET, "/**").authenticated()
                .requestMatchers(HttpMethod.HEAD, "/**").authenticated()
                .anyRequest().hasRole(ADMIN);
    }

    /** The caller of a validated token, with its role as the one authority ({@code ROLE_ADMIN}, {@code ROLE_VIEWER}). */
    private static JwtAuthenticationToken authentication(Jwt token) {
        AccessTokens.Caller caller = JwtAccessTokens.caller(token);
        return new JwtAuthenticationToken(token, List.of(new SimpleGrantedAuthority("ROLE_" + caller.role().name())),
                caller.username());
    }

    /**
     * The Authorization header, ignored on sign-in and refresh: a client whose access token just
     * expired still sends it there, and must get new tokens rather than a 401.
     */
    private static BearerTokenResolver bearerTokens() {
        DefaultBearerTokenResolver header = new DefaultBearerTokenResolver();
        RequestMatcher signIn = new OrRequestMatcher(
                PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/api/auth/login"),
                PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/api/auth/refresh"));
        return request -> signIn.matches(request) ? null : header.resolve(request);
    }

    /** Cross-origin calls only from the configured origins; none by default. */
    private static CorsConfigurationSource cors(List<String> origins) {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        if (!origins.isEmpty()) {
            CorsConfiguration config = new CorsConfiguration();
            config.setAllowedOrigins(origins);
            config.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"));
            config.setAllowedHeaders(List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE));
            config.setExposedHeaders(List.of(HttpHeaders.RETRY_AFTER, HttpHeaders.WWW_AUTHENTICATE));
            // Bearer tokens, not cookies: the browser sends no credentials of its own.
            config.setAllowCredentials(false);
            config.setMaxAge(3600L);
            source.registerCorsConfiguration("/**", config);
        }
        return source;
    }

    /** Swagger UI sends the bearer token with every call except the two that hand tokens out. */
    @Bean
    OpenApiCustomizer bearerAuthentication() {
        return api -> api.addSecurityItem(new SecurityRequirement().addList(BEARER));
    }
}
