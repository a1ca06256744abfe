package dev.cch.admin.common;

import dev.cch.protocol.admin.ResetMode;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;

/** The inputs of a {@link LimitsForm}, added to a form; errors are looked up under {@code prefix} (e.g. "limits."). */
public final class LimitsPane {
    private LimitsPane() {
    }

    /** {@code ids} starts every input's id (e.g. "user" gives userLimitRpm), so several forms can share a scene. */
    public static void addTo(FormGrid form, LimitsForm limits, FieldErrors errors, String prefix, boolean withRpm,
                             String ids) {
        if (withRpm) {
            form.field("Requests / minute", text(ids + "LimitRpm", limits.rpm, "no limit"), errors.of(prefix + "rpm"));
        }
        form.field("Spend per 5 hours ($)", withMode(text(ids + "LimitUsd5h", limits.usd5h, "no limit"),
                mode(ids + "LimitReset5h", limits)), errors.of(prefix + "usd5h"));
        ComboBox<ResetMode> daily = new ComboBox<>();
        daily.setId(ids + "LimitDailyReset");
        daily.getItems().setAll(ResetMode.values());
        daily.setConverter(Inputs.readable());
        daily.valueProperty().bindBidirectional(limits.dailyReset);
        TextField at = text(ids + "LimitDailyResetTime", limits.dailyResetTime, "00:00");
        at.setPrefColumnCount(5);
        HBox dailyRow = withMode(text(ids + "LimitUsdDaily", limits.usdDaily, "no limit"), daily);
        dailyRow.getChildren().add(at);
        form.field("Spend per day ($)", dailyRow, both(errors, prefix + "usdDaily", prefix + "dailyResetTime"));
        form.field("Spend per week ($)", text(ids + "LimitUsdWeekly", limits.usdWeekly, "no limit"), errors.of(prefix + "usdWeekly"));
        form.field("Spend per month ($)", text(ids + "LimitUsdMonthly", limits.usdMonthly, "no limit"), errors.of(prefix + "usdMonthly"));
        form.field("Total spend ($)", text(ids + "LimitUsdTotal", limits.usdTotal, "no limit"), errors.of(prefix + "usdTotal"));
        form.field("Concurrent sessions", text(ids + "LimitSessions", limits.concurrentSessions, "no limit"),
                errors.of(prefix + "concurrentSessions"));
    }

    private static javafx.beans.binding.StringBinding both(FieldErrors errors, String a, String b) {
        return javafx.beans.binding.Bindings.createStringBinding(() -> String.join(" ",
                errors.get(a), errors.get(b).isEmpty() ? "" : "reset time " + errors.get(b)).trim(), errors.asMap());
    }

    private static ComboBox<ResetMode> mode(String id, LimitsForm limits) {
        ComboBox<ResetMode> box = new ComboBox<>();
        box.setId(id);
        box.getItems().setAll(ResetMode.values());
        box.setConverter(Inputs.readable());
        box.valueProperty().bindBidirectional(limits.reset5h);
        return box;
    }

    private static HBox withMode(TextField field, ComboBox<ResetMode> mode) {
        return new HBox(6, field, mode);
    }

    private static TextField text(String id, javafx.beans.property.StringProperty p, String prompt) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(prompt);
        f.textProperty().bindBidirectional(p);
        return f;
    }
}
