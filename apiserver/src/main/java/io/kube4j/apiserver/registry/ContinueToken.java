package io.kube4j.apiserver.registry;

import com.fasterxml.jackson.databind.JsonNode;
import io.kube4j.api.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The opaque {@code continue} of a paged list: the revision of the first page and the last key sent. */
record ContinueToken(long revision, String lastKey) {

    String encode() {
        String json = Json.string(Json.object().put("rv", revision).put("start", lastKey));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    static ContinueToken decode(String token) {
        try {
            JsonNode node = Json.parse(new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8));
            long rev = node.path("rv").asLong(-1);
            String start = node.path("start").asText(null);
            if (rev <= 0 || start == null) {
                throw new IllegalArgumentException("incomplete token");
            }
            return new ContinueToken(rev, start);
        } catch (RuntimeException e) {
            throw ApiException.badRequest("continue key is not valid: " + e.getMessage());
        }
    }
}
