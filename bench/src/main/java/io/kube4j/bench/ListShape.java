package io.kube4j.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * The top-level {@code kind} of a list response and how many entries its {@code rows} (Table) or
 * {@code items} (list) hold, read by streaming over it without building the tree.
 */
record ListShape(String kind, int entries) {
    private static final JsonFactory JSON = new JsonFactory();

    static ListShape of(byte[] json) {
        try (JsonParser parser = JSON.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalStateException("the list response is not a JSON object");
            }
            String kind = "";
            int entries = -1;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (field.equals("kind")) {
                    kind = parser.getText();
                } else if ((field.equals("rows") || field.equals("items")) && value == JsonToken.START_ARRAY) {
                    entries = 0;
                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                        parser.skipChildren();
                        entries++;
                    }
                } else {
                    parser.skipChildren();
                }
            }
            return new ListShape(kind, entries);
        } catch (IOException e) {
            throw new IllegalStateException("cannot parse the list response: " + e.getMessage(), e);
        }
    }
}
