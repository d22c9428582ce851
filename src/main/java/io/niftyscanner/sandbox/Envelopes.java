package io.niftyscanner.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Kite's JSON envelopes: {@code {"status":"success","data":...}} and {@code {"status":"error",...,"error_type":...}}. */
final class Envelopes {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final String CONTENT_TYPE = "application/json";

    private Envelopes() {}

    static void ok(HttpExchange ex, Object data) throws IOException {
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("status", "success");
        env.put("data", data);
        HttpExchangeIo.send(ex, 200, CONTENT_TYPE, JSON.writeValueAsBytes(env));
    }

    static void error(HttpExchange ex, int status, String type, String message) throws IOException {
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("status", "error");
        env.put("message", message);
        env.put("data", null);
        env.put("error_type", type);
        HttpExchangeIo.send(ex, status, CONTENT_TYPE, JSON.writeValueAsBytes(env));
    }
}
