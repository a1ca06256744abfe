package dev.cch.admin.common;

import dev.cch.protocol.admin.Limits;
import dev.cch.protocol.admin.ResetMode;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The editable text of a {@link Limits}: shared by the user, key and provider editors. Blank means no limit. */
public final class LimitsForm {
    public final StringProperty rpm = new SimpleStringProperty("");
    public final StringProperty usd5h = new SimpleStringProperty("");
    public final ObjectProperty<ResetMode> reset5h = new SimpleObjectProperty<>(ResetMode.ROLLING);
    public final StringProperty usdDaily = new SimpleStringProperty("");
    public final ObjectProperty<ResetMode> dailyReset = new SimpleObjectProperty<>(ResetMode.FIXED);
    public final StringProperty dailyResetTime = new SimpleStringProperty("00:00");
    public final StringProperty usdWeekly = new SimpleStringProperty("");
    public final StringProperty usdMonthly = new SimpleStringProperty("");
    public final StringProperty usdTotal = new SimpleStringProperty("");
    public final StringProperty concurrentSessions = new SimpleStringProperty("");

    public void load(Limits l) {
        Limits v = Limits.orNone(l);
        rpm.set(Parse.show(v.rpm()));
        usd5h.set(Parse.show(v.usd5h()));
        reset5h.set(v.reset5h());
        usdDaily.set(Parse.show(v.usdDaily()));
        dailyReset.set(v.dailyReset());
        dailyResetTime.set(v.dailyResetTime());
        usdWeekly.set(Parse.show(v.usdWeekly()));
        usdMonthly.set(Parse.show(v.usdMonthly()));
        usdTotal.set(Parse.show(v.usdTotal()));
        concurrentSessions.set(Parse.show(v.concurrentSessions()));
    }

    /** The limits as typed; parse errors are reported under {@code prefix} + field name. */
    public Limits read(FormReader r, String prefix) {
        return new Limits(r.integer(prefix + "rpm", rpm.get()),
                r.money(prefix + "usd5h", usd5h.get()), reset5h.get(),
                r.money(prefix + "usdDaily", usdDaily.get()), dailyReset.get(), Parse.text(dailyResetTime.get()),
                r.money(prefix + "usdWeekly", usdWeekly.get()), r.money(prefix + "usdMonthly", usdMonthly.get()),
                r.money(prefix + "usdTotal", usdTotal.get()),
                r.integer(prefix + "concurrentSessions", concurrentSessions.get()));
    }

    /** Everything a change listener must watch. */
    public Observable[] observables() {
        return new Observable[]{rpm, usd5h, reset5h, usdDaily, dailyReset, dailyResetTime, usdWeekly, usdMonthly,
                usdTotal, concurrentSessions};
    }
}
