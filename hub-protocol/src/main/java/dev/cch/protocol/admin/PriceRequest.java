package dev.cch.protocol.admin;

import java.math.BigDecimal;
import java.util.List;

/** Create or replace a price by hand (it becomes {@code manual}: a sync never overwrites it). Per million tokens. */
public record PriceRequest(String model, String vendor, BigDecimal inputPerMTok, BigDecimal outputPerMTok,
                           BigDecimal cacheWrite5mPerMTok, BigDecimal cacheWrite1hPerMTok, BigDecimal cacheReadPerMTok,
                           Integer longContextThreshold, BigDecimal inputLongPerMTok, BigDecimal outputLongPerMTok,
                           List<String> aliases) {
    public PriceRequest {
        model = model == null ? null : model.trim();
        vendor = vendor == null ? "" : vendor.trim();
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }

    public List<FieldError> validate() {
        return new Validation().require("model", model).singleLine("model", model, 200)
                .require("inputPerMTok", inputPerMTok).nonNegative("inputPerMTok", inputPerMTok)
                .require("outputPerMTok", outputPerMTok).nonNegative("outputPerMTok", outputPerMTok)
                .nonNegative("cacheWrite5mPerMTok", cacheWrite5mPerMTok).nonNegative("cacheWrite1hPerMTok", cacheWrite1hPerMTok)
                .nonNegative("cacheReadPerMTok", cacheReadPerMTok).range("longContextThreshold", longContextThreshold, 1, 10_000_000)
                .nonNegative("inputLongPerMTok", inputLongPerMTok).nonNegative("outputLongPerMTok", outputLongPerMTok)
                .check((longContextThreshold == null) == (inputLongPerMTok == null), "inputLongPerMTok",
                        "set the long-context threshold and its input price together")
                .errors();
    }
}
