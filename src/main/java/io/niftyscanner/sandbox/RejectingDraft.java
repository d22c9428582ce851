package io.niftyscanner.sandbox;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.java_websocket.drafts.Draft;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.handshake.Handshakedata;

/**
 * RFC 6455 draft that can answer an upgrade request with a plain HTTP error (403, 429) instead of 101, the way
 * Kite refuses a bad token: Java-WebSocket itself only knows how to refuse with 404. The server marks the
 * response with {@link #REJECT_STATUS}; the connection is then flushed and closed.
 */
final class RejectingDraft extends Draft_6455 {
    static final String REJECT_STATUS = "X-Sandbox-Reject-Status";
    static final String REJECT_REASON = "X-Sandbox-Reject-Reason";
    /** Optional error_type of the refusal; by default TokenException (403) or NetworkException (429). */
    static final String REJECT_TYPE = "X-Sandbox-Reject-Type";

    @Override
    public Draft copyInstance() {
        return new RejectingDraft();
    }

    @Override
    public List<ByteBuffer> createHandshake(Handshakedata handshake) {
        if (!handshake.hasFieldValue(REJECT_STATUS)) {
            return super.createHandshake(handshake);
        }
        int status = Integer.parseInt(handshake.getFieldValue(REJECT_STATUS));
        String reason = status == 429 ? "Too Many Requests" : "Forbidden";
        String body = "{\"status\":\"error\",\"message\":\"" + handshake.getFieldValue(REJECT_REASON).replace("\"", "'")
                + "\",\"error_type\":\"" + (handshake.hasFieldValue(REJECT_TYPE) ? handshake.getFieldValue(REJECT_TYPE)
                : status == 429 ? "NetworkException" : "TokenException") + "\"}";
        byte[] bodyBytes = body.getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 " + status + " " + reason + "\r\n"
                + "Content-Type: application/json\r\n"
                + "Content-Length: " + bodyBytes.length + "\r\n"
                + "Connection: close\r\n\r\n";
        ByteBuffer out = ByteBuffer.allocate(head.length() + bodyBytes.length);
        out.put(head.getBytes(StandardCharsets.US_ASCII)).put(bodyBytes).flip();
        return List.of(out);
    }
}
