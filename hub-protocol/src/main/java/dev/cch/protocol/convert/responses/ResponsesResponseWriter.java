package dev.cch.protocol.convert.responses;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cch.protocol.convert.Converter.ResponseContext;
import dev.cch.protocol.convert.common.Hashes;
import dev.cch.protocol.convert.common.Json;
import dev.cch.protocol.convert.dialect.ResponseWriter;
import dev.cch.protocol.convert.model.Completion;
import dev.cch.protocol.convert.model.Part;

/** Writes an OpenAI Responses response object: reasoning, message and function_call output items. */
public final class ResponsesResponseWriter implements ResponseWriter {

    @Override
    public ObjectNode write(Completion c, ResponseContext ctx, long now) {
        String id = Hashes.withPrefix("resp_", c.id());
        ArrayNode output = Json.array();
        int i = 0;
        for (Part p : c.content()) {
            String seed = id + "/" + i++;
            switch (p) {
                case Part.Thinking t -> output.add(ReasoningItems.forClient(Hashes.id("rs_", seed), t));
                case Part.Text t -> output.add(ResponseObjects.messageItem(Hashes.id("msg_", seed), "completed", t.text()));
                case Part.ToolCall call -> output.add(ResponseObjects.functionCallItem(Hashes.id("fc_", seed), "completed",
                        call.argumentsJson(), call.id(), ctx.toolName(call.name())));
                default -> { }
            }
        }
        return ResponseObjects.response(id, c.created() > 0 ? c.created() : now, ctx.clientModel(),
                ResponseObjects.status(c.stopReason()), c.stopReason(), output, c.usage());
    }
}
