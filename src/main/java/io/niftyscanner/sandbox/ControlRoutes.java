package io.niftyscanner.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The control endpoints for tests and demos: GET /__sandbox/stats and POST /__sandbox/fault (design.md 7). Every
 * POST here must be {@code application/json} ({@link RequestGuard}): a web page cannot send that cross-site.
 */
final class ControlRoutes {
    private final RestServer.Control control;
    private final SandboxStats stats;

    ControlRoutes(RestServer.Control control, SandboxStats stats) {
        this.control = control;
        this.stats = stats;
    }

    void handle(HttpExchange ex, String path) throws IOException {
        String method = ex.getRequestMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            String problem = RequestGuard.jsonProblem(ex.getRequestHeaders().getFirst("Content-Type"));
            if (problem != null) {
                stats.refused.incrementAndGet();
                throw new SandboxError(415, "InputException", problem);
            }
        }
        if (path.equals("/__sandbox/stats") && method.equals("GET")) {
            Envelopes.ok(ex, control.statsJson());
        } else if (path.equals("/__sandbox/fault") && method.equals("POST")) {
            JsonNode n;
            try {
                n = Envelopes.JSON.readTree(HttpExchangeIo.body(ex));
            } catch (IOException e) {
                throw SandboxError.input("The fault body is JSON: {\"kind\":\"" + FaultKind.names() + "\",\"seconds\":N}.");
            }
            if (n == null || !n.isObject()) {
                throw SandboxError.input("The fault body is JSON: {\"kind\":\"" + FaultKind.names() + "\",\"seconds\":N}.");
            }
            String kindText = n.path("kind").asText("");
            FaultKind kind = FaultKind.parse(kindText).orElseThrow(() -> SandboxError.input(
                    "Unknown fault kind '" + kindText + "': use " + FaultKind.names() + "."));
            JsonNode sec = n.get("seconds");
            double seconds = sec == null || sec.isNull() ? 0 : sec.asDouble(-1);
            if (kind.timed() && !(seconds > 0 && seconds <= 3600) || seconds < 0 || seconds > 3600) {
                throw SandboxError.input("Fault " + kind.wireName() + " needs \"seconds\" between 0 and 3600"
                        + (kind.timed() ? " (above 0)" : "") + ", got " + (sec == null ? "none" : sec.toString()) + ".");
            }
            control.fault(kind, Duration.ofMillis(Math.round(seconds * 1000)));
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("kind", kind.wireName());
            d.put("seconds", seconds);
            Envelopes.ok(ex, d);
        } else {
            throw new SandboxError(404, "GeneralException", "Unknown control route " + method + " " + path
                    + ": use GET /__sandbox/stats or POST /__sandbox/fault.");
        }
    }
}
