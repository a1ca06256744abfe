package dev.cch.server.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.Base64;

/**
 * Shapes a notice for a target's channel: generic JSON, DingTalk (markdown, signed when a secret is set), Feishu
 * (post, signed when a secret is set), WeCom (markdown) and Telegram (sendMessage). Only the URL and body differ;
 * every channel is a JSON POST.
 */
public final class Channels {
    private final ObjectMapper mapper;
    private final Clock clock;
    private final String telegramBase;

    /** One HTTP POST of a JSON body. */
    public record Outgoing(URI uri, byte[] body) {
    }

    public Channels(ObjectMapper mapper, Clock clock, String telegramBaseUrl) {
        this.mapper = mapper;
        this.clock = clock;
        this.telegramBase = telegramBaseUrl.endsWith("/") ? telegramBaseUrl.substring(0, telegramBaseUrl.length() - 1)
                : telegramBaseUrl;
    }

    public Outgoing shape(Target t, Notice n) {
        return switch (t.kind()) {
            case "dingtalk" -> dingTalk(t, n);
            case "feishu" -> feishu(t, n);
            case "wecom" -> wecom(t, n);
            case "telegram" -> telegram(t, n);
            default -> json(t, n);
        };
    }

    private Outgoing json(Target t, Notice n) {
        ObjectNode b = mapper.createObjectNode().put("event", n.event()).put("title", n.title())
                .put("text", String.join("\n", n.lines())).put("at", clock.instant().toString());
        b.set("data", mapper.valueToTree(n.facts()));
        return new Outgoing(URI.create(t.url()), bytes(b));
    }

    private Outgoing dingTalk(Target t, Notice n) {
        ObjectNode b = mapper.createObjectNode().put("msgtype", "markdown");
        b.putObject("markdown").put("title", n.title()).put("text", markdown(n, "- "));
        String url = t.url();
        if (t.hasSecret()) {
            long ts = clock.millis();
            String sign = URLEncoder.encode(hmac(t.secret().reveal(), ts + "\n" + t.secret().reveal()), StandardCharsets.UTF_8);
            url += (url.contains("?") ? "&" : "?") + "timestamp=" + ts + "&sign=" + sign;
        }
        return new Outgoing(URI.create(url), bytes(b));
    }

    private Outgoing feishu(Target t, Notice n) {
        ObjectNode b = mapper.createObjectNode();
        if (t.hasSecret()) {
            // Feishu signs with the key "timestamp\nsecret" over nothing, timestamp in seconds
            long ts = clock.millis() / 1000;
            b.put("timestamp", Long.toString(ts)).put("sign", hmac(ts + "\n" + t.secret().reveal(), ""));
        }
        b.put("msg_type", "post");
        ObjectNode post = b.putObject("content").putObject("post").putObject("zh_cn").put("title", n.title());
        ArrayNode paragraphs = post.putArray("content");
        n.lines().forEach(line -> paragraphs.addArray().addObject().put("tag", "text").put("text", line));
        return new Outgoing(URI.create(t.url()), bytes(b));
    }

    private Outgoing wecom(Target t, Notice n) {
        ObjectNode b = mapper.createObjectNode().put("msgtype", "markdown");
        b.putObject("markdown").put("content", markdown(n, "> "));
        return new Outgoing(URI.create(t.url()), bytes(b));
    }

    private Outgoing telegram(Target t, Notice n) {
        ObjectNode b = mapper.createObjectNode().put("chat_id", t.chatId())
                .put("text", n.title() + "\n\n" + String.join("\n", n.lines()));
        return new Outgoing(URI.create(telegramBase + "/bot" + t.secret().reveal() + "/sendMessage"), bytes(b));
    }

    private static String markdown(Notice n, String bullet) {
        StringBuilder sb = new StringBuilder("### ").append(n.title()).append("\n\n");
        n.lines().forEach(l -> sb.append(bullet).append(l).append('\n'));
        return sb.toString();
    }

    /** Base64 of HmacSHA256 over {@code data} keyed with {@code key}. */
    static String hmac(String key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private byte[] bytes(ObjectNode n) {
        try {
            return mapper.writeValueAsBytes(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
