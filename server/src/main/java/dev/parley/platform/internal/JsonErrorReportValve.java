package dev.parley.platform.internal;

import dev.parley.platform.ApiException;
import dev.parley.platform.ErrorCode;
import java.io.IOException;
import java.util.Map;
import org.apache.catalina.Context;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * Answers the failures Tomcat meets before any servlet runs (headers too large, a request line it cannot parse) in the
 * error envelope instead of Tomcat's HTML page. It takes the place of Tomcat's own error report valve.
 */
class JsonErrorReportValve extends ErrorReportValve {

    private final ErrorResponder errors;

    JsonErrorReportValve(ErrorResponder errors) {
        this.errors = errors;
    }

    @Override
    protected void report(Request request, Response response, Throwable failure) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        try {
            errors.write(request, response, failureOf(status, failure));
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response already started: nothing more to say
        }
    }

    private static ApiException failureOf(int status, Throwable failure) {
        String message = failure == null || failure.getMessage() == null ? "" : failure.getMessage();
        if (message.contains("header") && message.contains("too large")) {
            return new ApiException(ErrorCode.REQUEST_HEADERS_TOO_LARGE, null, Map.of("reason", "headers_too_large"));
        }
        return switch (status) {
            case 404 -> new ApiException(ErrorCode.NOT_FOUND);
            default ->
                status < 500
                        ? new ApiException(ErrorCode.INVALID_REQUEST, null, Map.of("reason", "malformed_request"))
                        : new ApiException(ErrorCode.INTERNAL_ERROR);
        };
    }

    /** Puts the valve in place of Tomcat's, after Spring Boot has added its own. */
    @Component
    static class Installer implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

        private final ErrorResponder errors;

        Installer(ErrorResponder errors) {
            this.errors = errors;
        }

        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addContextCustomizers(this::install);
        }

        private void install(Context context) {
            if (!(context.getParent() instanceof StandardHost host)) {
                return;
            }
            for (Valve valve : host.getPipeline().getValves()) {
                if (valve instanceof ErrorReportValve) {
                    host.getPipeline().removeValve(valve);
                }
            }
            host.setErrorReportValveClass(JsonErrorReportValve.class.getName());
            host.getPipeline().addValve(new JsonErrorReportValve(errors));
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
