package dev.cch.testkit;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/** How one provider protocol renders a reply. */
interface Wire {
    /** Creation time reported by the fake: fixed so that rendered bodies and streams are reproducible in tests. */
    long CREATED = 1767225600L;

    /** The complete non-streaming response body. */
    String json(Reply reply, String model, String id);

    /** The stream as complete SSE frames, in order. */
    List<String> events(Reply reply, String model, String id);

    /** The stream for a particular request (some protocols shape the stream after request options). */
    default List<String> events(Reply reply, String model, String id, JsonNode request) {
        return events(reply, model, id);
    }

    /** The first frame of a stream, sent alone for an empty stream: it carries no content. */
    default String opening(Reply reply, String model, String id) {
        return events(reply, model, id).getFirst();
    }

    /** The prefix of the response ids this protocol uses. */
    default String idPrefix() {
        return "msg_fake_";
    }

    /** An error body of this protocol. */
    String errorJson(int status, String message);

    /** An error reported inside a stream. */
    String streamErrorEvent(String message);
}
