package dev.cch.testkit;

import java.util.List;

/** How one provider protocol renders a reply. */
interface Wire {
    /** The complete non-streaming response body. */
    String json(Reply reply, String model, String id);

    /** The stream as complete SSE frames, in order. */
    List<String> events(Reply reply, String model, String id);

    /** An error body of this protocol. */
    String errorJson(int status, String message);

    /** An error reported inside a stream. */
    String streamErrorEvent(String message);
}
