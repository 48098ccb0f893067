package dev.quarry.testkit.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/** What to do with a connection: send a response, hang, or close it without a word. */
record Reply(int status, Map<String, String> headers, byte[] body, Action action) {
    enum Action {
        SEND,
        HANG,
        RESET
    }

    static Reply json(int status, JsonNode body) {
        return json(status, body, Map.of());
    }

    static Reply json(int status, JsonNode body, Map<String, String> headers) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put("content-type", "application/json");
        return new Reply(status, h, Json.bytes(body), Action.SEND);
    }

    static Reply hang() {
        return new Reply(0, Map.of(), new byte[0], Action.HANG);
    }

    static Reply reset() {
        return new Reply(0, Map.of(), new byte[0], Action.RESET);
    }

    Reply withHeaders(Map<String, String> extra) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.putAll(extra);
        return new Reply(status, h, body, action);
    }

    /** The same response with its body cut in half: status 200, unparseable JSON. */
    Reply truncatedBody() {
        int keep = Math.max(1, body.length / 2);
        byte[] cut = java.util.Arrays.copyOf(body, keep);
        return new Reply(status, headers, cut, action);
    }
}
