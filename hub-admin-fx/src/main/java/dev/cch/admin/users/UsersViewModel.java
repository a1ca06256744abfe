package dev.cch.admin.users;

import dev.cch.admin.api.HubClient;
import dev.cch.admin.common.Activity;
import dev.cch.admin.common.Gauge;
import dev.cch.admin.tasks.TaskRunner;
import dev.cch.protocol.admin.KeyView;
import dev.cch.protocol.admin.Page;
import dev.cch.protocol.admin.UserView;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Clock;
import java.util.List;

/**
 * Users and their keys: a searchable, paged user list; the selected user's editor, usage gauges and keys; the
 * selected key's editor and gauges.
 */
public final class UsersViewModel {
    static final int PAGE = 100;

    private final HubClient client;
    private final Activity activity;
    private final Clock clock;
    private final StringProperty search = new SimpleStringProperty("");
    private final ObservableList<UserView> users = FXCollections.observableArrayList();
    private final ObjectProperty<UserView> selectedUser = new SimpleObjectProperty<>();
    private final ObservableList<KeyView> keys = FXCollections.observableArrayList();
    private final ObjectProperty<KeyView> selectedKey = new SimpleObjectProperty<>();
    private final ObservableList<Gauge> userGauges = FXCollections.observableArrayList();
    private final ObservableList<Gauge> keyGauges = FXCollections.observableArrayList();
    private final BooleanProperty more = new SimpleBooleanProperty();
    private final UserEditorViewModel userEditor;
    private final KeyEditorViewModel keyEditor;
    private String cursor;

    public UsersViewModel(HubClient client, TaskRunner tasks, Clock clock) {
        this.client = client;
        this.activity = new Activity(tasks);
        this.clock = clock;
        this.userEditor = new UserEditorViewModel(client, tasks, clock.getZone(), this::userSaved);
        this.keyEditor = new KeyEditorViewModel(client, tasks, clock.getZone(), this::keySaved);
        selectedUser.addListener((o, was, now) -> {
            if (now == null) {
                userEditor.createNew();
                keys.clear();
                userGauges.clear();
                keyEditor.createFor(null);
            } else if (was == null || was.id() != now.id()) {
                userEditor.edit(now);
                loadKeys(now.id());
                loadUserUsage(now.id());
                keyEditor.createFor(now.id());
            }
        });
        selectedKey.addListener((o, was, now) -> {
            if (now == null) {
                keyGauges.clear();
            } else if (was == null || was.id() != now.id()) {
                keyEditor.edit(now);
                loadKeyUsage(now.id());
            }
        });
        userEditor.createNew();
        keyEditor.createFor(null);
    }

    public void load() {
        String s = search.get();
        activity.run(() -> client.users(s, null, PAGE), p -> {
            users.setAll(p.items());
            page(p);
            if (selectedUser.get() != null) {
                long id = selectedUser.get().id();
                users.stream().filter(u -> u.id() == id).findFirst().ifPresent(selectedUser::set);
            }
        });
    }

    public void loadMore() {
        String s = search.get();
        String c = cursor;
        if (c == null) {
            return;
        }
        activity.run(() -> client.users(s, c, PAGE), p -> {
            users.addAll(p.items());
            page(p);
        });
    }

    private void page(Page<?> p) {
        cursor = p.nextCursor();
        more.set(cursor != null);
    }

    public void newUser() {
        selectedUser.set(null);
    }

    public void newKey() {
        selectedKey.set(null);
        keyEditor.createFor(selectedUser.get() == null ? null : selectedUser.get().id());
    }

    private void loadKeys(long userId) {
        activity.run(() -> {
            List<KeyView> all = new java.util.ArrayList<>();
            String c = null;
            do {
                Page<KeyView> p = client.keys(userId, c, 200);
                all.addAll(p.items());
                c = p.nextCursor();
            } while (c != null);
            return all;
        }, keys::setAll);
    }

    private void loadUserUsage(long userId) {
        activity.run(() -> client.userUsage(userId), u -> userGauges.setAll(Gauge.of(u, clock.instant())));
    }

    private void loadKeyUsage(long keyId) {
        activity.run(() -> client.keyUsage(keyId), u -> keyGauges.setAll(Gauge.of(u, clock.instant())));
    }

    public void resetUserUsage() {
        UserView u = selectedUser.get();
        if (u != null) {
            activity.run(() -> {
                client.resetUserUsage(u.id());
                return client.userUsage(u.id());
            }, usage -> {
                userGauges.setAll(Gauge.of(usage, clock.instant()));
                activity.succeed("Usage of " + u.name() + " starts from zero again.");
            });
        }
    }

    public void resetKeyUsage() {
        KeyView k = selectedKey.get();
        if (k != null) {
            activity.run(() -> {
                client.resetKeyUsage(k.id());
                return client.keyUsage(k.id());
            }, usage -> {
                keyGauges.setAll(Gauge.of(usage, clock.instant()));
                activity.succeed("Usage of key " + k.name() + " starts from zero again.");
            });
        }
    }

    public void deleteUser() {
        UserView u = selectedUser.get();
        if (u != null) {
            activity.run(() -> {
                client.deleteUser(u.id());
                return u;
            }, x -> {
                users.remove(x);
                selectedUser.set(null);
                activity.succeed("Deleted " + x.name() + "; their keys are disabled.");
            });
        }
    }

    public void deleteKey() {
        KeyView k = selectedKey.get();
        if (k != null) {
            activity.run(() -> {
                client.deleteKey(k.id());
                return k;
            }, x -> {
                keys.remove(x);
                newKey();
                activity.succeed("Deleted key " + x.name() + ".");
            });
        }
    }

    private void userSaved(UserView u) {
        replaceOrAdd(users, u, UserView::id);
        selectedUser.set(u);
    }

    private void keySaved(KeyView k) {
        replaceOrAdd(keys, k, KeyView::id);
        selectedKey.set(k);
        loadKeyUsage(k.id());
    }

    private static <T> void replaceOrAdd(ObservableList<T> list, T item, java.util.function.ToLongFunction<T> id) {
        for (int i = 0; i < list.size(); i++) {
            if (id.applyAsLong(list.get(i)) == id.applyAsLong(item)) {
                list.set(i, item);
                return;
            }
        }
        list.add(item);
    }

    public Activity activity() {
        return activity;
    }

    public StringProperty searchProperty() {
        return search;
    }

    public ObservableList<UserView> users() {
        return users;
    }

    public ObjectProperty<UserView> selectedUserProperty() {
        return selectedUser;
    }

    public ObservableList<KeyView> keys() {
        return keys;
    }

    public ObjectProperty<KeyView> selectedKeyProperty() {
        return selectedKey;
    }

    public ObservableList<Gauge> userGauges() {
        return userGauges;
    }

    public ObservableList<Gauge> keyGauges() {
        return keyGauges;
    }

    public BooleanProperty moreProperty() {
        return more;
    }

    public UserEditorViewModel userEditor() {
        return userEditor;
    }

    public KeyEditorViewModel keyEditor() {
        return keyEditor;
    }
}
