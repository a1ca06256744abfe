package dev.cch.protocol.admin;

/**
 * Settings admins change at run time (kept in the database, applied on every node).
 *
 * @param billingModel      {@code requested} (default) or {@code redirected}: which model a redirected request is priced as
 * @param priceSyncUrl      where a price sync fetches from (LiteLLM JSON or TOML); empty for none
 * @param priceSyncHours    hours between scheduled syncs (0: only on demand)
 * @param logRetentionDays  request log rows older than this are deleted (0: keep forever); rollups are kept
 */
public record SettingsView(String billingModel, String priceSyncUrl, Integer priceSyncHours, Integer logRetentionDays) {
    public SettingsView {
        billingModel = billingModel == null ? "requested" : billingModel;
        priceSyncUrl = priceSyncUrl == null ? "" : priceSyncUrl.trim();
        priceSyncHours = priceSyncHours == null ? 24 : priceSyncHours;
        logRetentionDays = logRetentionDays == null ? 0 : logRetentionDays;
    }

    public java.util.List<FieldError> validate() {
        return new Validation().check("requested".equals(billingModel) || "redirected".equals(billingModel), "billingModel",
                        "must be requested or redirected")
                .range("priceSyncHours", priceSyncHours, 0, 24 * 30).range("logRetentionDays", logRetentionDays, 0, 3650)
                .errors();
    }
}
