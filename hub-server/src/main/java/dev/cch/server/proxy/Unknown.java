package dev.cch.server.proxy;

import dev.cch.protocol.ClientProtocol;
import dev.cch.protocol.error.ErrorType;
import dev.cch.protocol.error.HubError;
import dev.cch.server.pipeline.Replies;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerResponse;

/** 404 answers for paths the hub does not serve, in the protocol the path suggests. */
final class Unknown {
    private Unknown() {
    }

    static void answer(ServerResponse res, ClientProtocol protocol, Replies replies, String message) {
        res.status(Status.NOT_FOUND_404);
        res.header(HeaderNames.CONTENT_TYPE, "application/json");
        res.send(replies.bodies().render(protocol, HubError.of(ErrorType.NOT_FOUND, "not_found", message)));
    }
}
