package dev.cch.server.state;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A Lua script from {@code resources/lua}, with the SHA-1 Redis knows it by. */
record LuaScript(String name, String source, String sha) {

    static LuaScript load(String name) {
        try (InputStream in = LuaScript.class.getClassLoader().getResourceAsStream("lua/" + name + ".lua")) {
            if (in == null) {
                throw new IllegalStateException("missing script lua/" + name + ".lua");
            }
            String src = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new LuaScript(name, src, HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-1").digest(src.getBytes(StandardCharsets.UTF_8))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
