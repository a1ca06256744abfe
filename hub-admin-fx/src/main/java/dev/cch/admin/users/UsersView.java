package dev.cch.admin.users;

import atlantafx.base.theme.Styles;
import dev.cch.admin.common.Banner;
import dev.cch.admin.common.Columns;
import dev.cch.admin.common.Formats;
import dev.cch.admin.common.GaugePane;
import dev.cch.protocol.admin.UserView;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.List;

/** Users on the left; the selected user's profile, usage and keys on the right. */
public final class UsersView {
    private final UsersViewModel vm;

    public UsersView(UsersViewModel vm) {
        this.vm = vm;
    }

    public Parent createView() {
        TextField search = new TextField();
        search.setId("userSearch");
        search.setPromptText("Search users");
        search.textProperty().bindBidirectional(vm.searchProperty());
        search.setOnAction(e -> vm.load());
        HBox.setHgrow(search, Priority.ALWAYS);
        Button add = new Button("New user", new FontIcon(Feather.USER_PLUS));
        add.setId("newUser");
        add.setOnAction(e -> vm.newUser());
        HBox tools = new HBox(8, search, add);

        TableView<UserView> table = new TableView<>(vm.users());
        table.setId("users");
        table.getStyleClass().add(Styles.STRIPED);
        table.setPlaceholder(new Label("No users match."));
        table.getColumns().addAll(List.of(
                Columns.text("Name", UserView::name, 140),
                Columns.text("Role", u -> u.role().wireName(), 70),
                Columns.text("Group", UserView::providerGroup, 90),
                Columns.text("On", u -> u.enabled() ? "yes" : "no", 45),
                Columns.text("Per day", u -> Formats.usd(u.limits().usdDaily()), 80),
                Columns.text("Expires", u -> u.expiresAt() == null ? "never" : Formats.day(u.expiresAt()), 95)));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                vm.selectedUserProperty().set(now);
            }
        });
        vm.selectedUserProperty().addListener((o, was, now) -> {
            if (now == null) {
                table.getSelectionModel().clearSelection();
            } else if (now != table.getSelectionModel().getSelectedItem()) {
                table.getSelectionModel().select(now);
            }
        });
        VBox.setVgrow(table, Priority.ALWAYS);
        Button more = new Button("Load more", new FontIcon(Feather.CHEVRONS_DOWN));
        more.setId("moreUsers");
        more.visibleProperty().bind(vm.moreProperty());
        more.managedProperty().bind(more.visibleProperty());
        more.setOnAction(e -> vm.loadMore());
        VBox left = new VBox(10, tools, table, more, Banner.of(vm.activity(), "usersMessage"));

        Button resetUsage = new Button("Reset usage", new FontIcon(Feather.ROTATE_CCW));
        resetUsage.setId("resetUserUsage");
        resetUsage.disableProperty().bind(vm.selectedUserProperty().isNull());
        resetUsage.setOnAction(e -> vm.resetUserUsage());
        Button delete = new Button("Delete user", new FontIcon(Feather.TRASH_2));
        delete.setId("deleteUser");
        delete.getStyleClass().add(Styles.DANGER);
        delete.disableProperty().bind(vm.selectedUserProperty().isNull());
        delete.setOnAction(e -> vm.deleteUser());
        VBox usage = new VBox(12, KeysPane.heading("Usage against each limit"), GaugePane.of("userGauges", vm.userGauges()),
                new HBox(8, resetUsage, delete));
        usage.setPadding(new Insets(12));

        Label title = new Label();
        title.getStyleClass().add(Styles.TITLE_4);
        title.textProperty().bind(vm.userEditor().titleProperty());
        TabPane tabs = new TabPane(new Tab("Profile & limits", new UserEditorView(vm.userEditor()).createView()),
                new Tab("Usage", usage), new Tab("Keys", new KeysPane(vm).createView()));
        tabs.setId("userTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        VBox.setVgrow(tabs, Priority.ALWAYS);
        VBox right = new VBox(8, title, tabs);
        right.setPadding(new Insets(0, 0, 0, 8));
        right.setAlignment(Pos.TOP_LEFT);

        SplitPane split = new SplitPane(left, right);
        split.setDividerPositions(0.45);
        return split;
    }
}
