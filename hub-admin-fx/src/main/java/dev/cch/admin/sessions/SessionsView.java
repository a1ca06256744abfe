package dev.cch.admin.sessions;

import atlantafx.base.theme.Styles;
import dev.cch.admin.common.Banner;
import dev.cch.admin.common.Columns;
import dev.cch.admin.common.Formats;
import dev.cch.protocol.admin.SessionView;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

/** Active sessions with their usage; end one or open its requests. */
public final class SessionsView {
    private final SessionsViewModel vm;

    public SessionsView(SessionsViewModel vm) {
        this.vm = vm;
    }

    public Parent createView() {
        TableView<SessionView> table = new TableView<>(vm.sessions());
        table.setId("sessions");
        table.getStyleClass().add(Styles.STRIPED);
        table.setPlaceholder(new Label("No coding session was active in the last few minutes."));
        table.getColumns().addAll(List.of(
                Columns.text("Session", SessionView::sessionId, 220),
                Columns.text("User", s -> Formats.orDash(s.userName()), 110),
                Columns.text("Key", s -> Formats.orDash(s.keyName()), 130),
                Columns.text("Provider", s -> Formats.orDash(s.providerName()), 120),
                Columns.number("Requests", SessionView::requests, String::valueOf, 80),
                Columns.number("Tokens", SessionView::tokens, Formats::count, 80),
                Columns.<SessionView, BigDecimal>number("Cost", SessionView::costUsd, Formats::usd, 80),
                Columns.text("Running for", s -> Formats.span(Duration.between(s.firstSeen(), vm.now())), 100),
                Columns.text("Last activity", s -> Formats.span(Duration.between(s.lastActivity(), vm.now())) + " ago", 110)));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> vm.selectedProperty().set(now));
        VBox.setVgrow(table, Priority.ALWAYS);

        Button refresh = new Button("Refresh", new FontIcon(Feather.REFRESH_CW));
        refresh.setId("refreshSessions");
        refresh.setOnAction(e -> vm.load());
        Button logs = new Button("Show its requests", new FontIcon(Feather.LIST));
        logs.setId("sessionLogs");
        logs.disableProperty().bind(vm.selectedProperty().isNull());
        logs.setOnAction(e -> vm.openLogs());
        Button end = new Button("End session", new FontIcon(Feather.SLASH));
        end.setId("endSession");
        end.getStyleClass().add(Styles.DANGER);
        end.disableProperty().bind(vm.selectedProperty().isNull());
        end.setOnAction(e -> vm.end());
        HBox tools = new HBox(8, refresh, logs, end);
        tools.setAlignment(Pos.CENTER_LEFT);
        return new VBox(10, tools, table, Banner.of(vm.activity(), "sessionsMessage"));
    }
}
