package io.crossbook.server.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.regex.Pattern;
import org.springframework.security.web.header.HeaderWriter;

/**
 * The Content-Security-Policy header: the app's own scripts, styles, images and fonts, and
 * connections back to itself, including its WebSocket ({@code ws:}/{@code wss:} of the host the
 * page came from; older browsers do not count those as {@code 'self'}).
 */
final class ContentSecurityPolicy implements HeaderWriter {
    /** A host name, IPv4 or bracketed IPv6 address, with an optional port; nothing else is echoed. */
    private static final Pattern HOST = Pattern.compile("([A-Za-z0-9.-]+|\\[[0-9A-Fa-f:.]+])(:[0-9]{1,5})?");
    private static final String POLICY = "default-src 'self'; script-src 'self'; "
            // Ant Design writes its styles at run time.
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'; connect-src 'self'";

    @Override
    public void writeHeaders(HttpServletRequest request, HttpServletResponse response) {
        response.setHeader("Content-Security-Policy", policy(request.getHeader("Host")));
    }

    static String policy(String host) {
        if (host == null || !HOST.matcher(host).matches()) {
            return POLICY;
        }
        return POLICY + " ws://" + host + " wss://" + host;
    }
}
