package dev.cch.admin.common;

import atlantafx.base.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** A screen's progress spinner and its last outcome (green or red), bound to an {@link Activity}. */
public final class Banner {
    private Banner() {
    }

    public static HBox of(Activity activity, String id) {
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(16, 16);
        spinner.setMaxSize(16, 16);
        spinner.visibleProperty().bind(activity.busyProperty());
        spinner.managedProperty().bind(activity.busyProperty());
        Label text = new Label();
        text.setId(id);
        text.setWrapText(true);
        text.textProperty().bind(activity.messageProperty());
        FontIcon icon = new FontIcon(Feather.CHECK_CIRCLE);
        text.graphicProperty().bind(javafx.beans.binding.Bindings.when(text.textProperty().isEmpty())
                .then((FontIcon) null).otherwise(icon));
        activity.failedProperty().addListener((o, was, failed) -> style(text, icon, failed));
        style(text, icon, activity.failedProperty().get());
        HBox box = new HBox(8, spinner, text);
        box.setAlignment(Pos.CENTER_LEFT);
        box.setMinHeight(24);
        return box;
    }

    private static void style(Label text, FontIcon icon, boolean failed) {
        text.getStyleClass().removeAll(Styles.DANGER, Styles.SUCCESS);
        text.getStyleClass().add(failed ? Styles.DANGER : Styles.SUCCESS);
        icon.setIconCode(failed ? Feather.ALERT_TRIANGLE : Feather.CHECK_CIRCLE);
    }
}
