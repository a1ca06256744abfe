package dev.cch.server.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cch.protocol.admin.SensitiveWordView;
import dev.cch.protocol.match.MatchType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class SensitiveWordsTest {
    static final ObjectMapper JSON = new ObjectMapper();
    final List<SensitiveWordView> table = new ArrayList<>();
    final SensitiveWords words = new SensitiveWords(() -> table);

    void add(long id, String word, MatchType type, boolean enabled) {
        table.add(new SensitiveWordView(id, word, type, "", enabled, null, null));
    }

    Optional<Long> hit(String body) throws Exception {
        JsonNode n = JSON.readTree(body);
        return words.match(n).map(SensitiveWordView::id);
    }

    @Test
    void findsWordsInEveryProtocolsPromptTextButNotInModelNamesOrMetadata() throws Exception {
        add(1, "Project Falcon", MatchType.CONTAINS, true);
        words.reload();
        // Anthropic: content blocks and system blocks
        assertThat(hit("{\"model\":\"m\",\"system\":[{\"type\":\"text\",\"text\":\"about project falcon\"}],\"messages\":[]}")).contains(1L);
        assertThat(hit("{\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"PROJECT FALCON!\"}]}]}")).contains(1L);
        // OpenAI chat: string content
        assertThat(hit("{\"messages\":[{\"role\":\"user\",\"content\":\"tell me about project falcon\"}]}")).contains(1L);
        // Responses: input string, instructions, input items
        assertThat(hit("{\"input\":\"project falcon\"}")).contains(1L);
        assertThat(hit("{\"instructions\":\"project falcon\",\"input\":[]}")).contains(1L);
        assertThat(hit("{\"input\":[{\"role\":\"user\",\"content\":[{\"type\":\"input_text\",\"text\":\"project falcon\"}]}]}")).contains(1L);
        // Gemini: contents/parts and systemInstruction
        assertThat(hit("{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"project falcon\"}]}]}")).contains(1L);
        // not prompt text
        assertThat(hit("{\"model\":\"project falcon\",\"metadata\":{\"user_id\":\"project falcon\"},\"messages\":[]}")).isEmpty();
        assertThat(hit("{\"messages\":[{\"role\":\"user\",\"content\":\"project eagle\"}]}")).isEmpty();
    }

    @Test
    void exactComparesOneWholeTextAndRegexSearches() throws Exception {
        add(2, "forbidden", MatchType.EXACT, true);
        add(3, "\\b\\d{3}-\\d{2}-\\d{4}\\b", MatchType.REGEX, true);
        add(4, "disabled word", MatchType.CONTAINS, false);
        words.reload();
        assertThat(hit("{\"messages\":[{\"role\":\"user\",\"content\":\"  Forbidden \"}]}")).contains(2L);
        assertThat(hit("{\"messages\":[{\"role\":\"user\",\"content\":\"not forbidden here\"}]}")).isEmpty();
        assertThat(hit("{\"messages\":[{\"role\":\"user\",\"content\":\"my ssn is 123-45-6789\"}]}")).contains(3L);
        assertThat(hit("{\"messages\":[{\"role\":\"user\",\"content\":\"a disabled word\"}]}")).isEmpty();
    }

    @Test
    void reloadReplacesTheWholeSet() throws Exception {
        add(5, "alpha", MatchType.CONTAINS, true);
        words.reload();
        assertThat(hit("{\"input\":\"alpha\"}")).contains(5L);
        table.clear();
        words.reload();
        assertThat(hit("{\"input\":\"alpha\"}")).isEmpty();
    }
}
