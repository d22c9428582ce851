package io.niftyscanner.kite;

import com.fasterxml.jackson.databind.JsonNode;
import io.niftyscanner.config.Secrets;

/** Turns Kite's error envelope (or a bare HTTP status) into the matching {@link KiteException}. */
final class KiteErrors {
    private KiteErrors() {}

    static KiteException map(int status, JsonNode body, String route) {
        String type = body == null ? "" : KiteJson.text(body, "error_type");
        String serverMessage = body == null ? "" : Secrets.redact(KiteJson.text(body, "message"));
        if (status == 429) {
            return new RateLimitException("Kite is rate limiting " + route + " (HTTP 429): too many requests; slowing down."
                    + suffix(serverMessage), status, type);
        }
        if (type.equals("TokenException") || (status == 403 && (type.isEmpty() || type.equals("GeneralException")))) {
            return new TokenException(status, type.isEmpty() ? "TokenException" : type);
        }
        String what = serverMessage.isEmpty() ? "no message" : serverMessage;
        String tail = " (" + (type.isEmpty() ? "HTTP" : type + ", HTTP") + " " + status + " on " + route + ")";
        switch (type) {
            case "InputException":
                return new InputException("Kite rejected the request: " + what + tail, status, type);
            case "OrderException":
                return new OrderException("Kite order error: " + what + tail, status, type);
            case "MarginException":
            case "HoldingException":
                return new MarginException("Not enough funds or holdings: " + what + tail, status, type);
            case "NetworkException":
                return new NetworkException("Kite cannot reach the exchange right now: " + what + tail, status, type);
            case "DataException":
                return new DataException("Kite could not read the exchange's answer: " + what + tail, status, type);
            case "PermissionException":
                return new PermissionException("This Kite app is not allowed to do that: " + what + tail, status, type);
            default:
                if (status >= 500) {
                    return new GeneralException("Kite had a server problem: " + what + tail, status, type);
                }
                if (status == 400) {
                    return new InputException("Kite rejected the request: " + what + tail, status, type);
                }
                return new GeneralException("Kite error: " + what + tail, status, type);
        }
    }

    private static String suffix(String m) {
        return m.isEmpty() ? "" : " Kite says: " + m;
    }
}
