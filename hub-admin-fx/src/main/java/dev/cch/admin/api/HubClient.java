package dev.cch.admin.api;

import dev.cch.protocol.admin.HealthView;

/** What the desktop client asks of a hub. Implemented over HTTP; tests use a fake. */
public interface HubClient {
    /** Checks that the server is a hub and the token is accepted; returns its health. */
    HealthView connect(String baseUrl, String adminToken) throws HubException;

    HealthView health() throws HubException;
}
