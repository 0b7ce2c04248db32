package io.kube4j.api.selector;

import io.kube4j.api.selector.LabelRequirement.Operator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Parses the label selector string syntax with upstream's grammar and error messages:
 * <pre>
 *   selector    ::= requirement | requirement "," selector
 *   requirement ::= ["!"] KEY [ ("in" | "notin") "(" VALUES ")" | ("=" | "==" | "!=" | ">" | "<") VALUE ]
 * </pre>
 */
final class LabelSelectorParser {

    private enum Token { IDENTIFIER, IN, NOT_IN, EQUALS, DOUBLE_EQUALS, NOT_EQUALS, GREATER_THAN, LESS_THAN,
        DOES_NOT_EXIST, OPEN_PAR, CLOSED_PAR, COMMA, END, ERROR }

    private record Item(Token token, String literal) {
    }

    private static final Map<String, Token> SYMBOLS = Map.ofEntries(
            Map.entry(")", Token.CLOSED_PAR), Map.entry(",", Token.COMMA), Map.entry("!", Token.DOES_NOT_EXIST),
            Map.entry("==", Token.DOUBLE_EQUALS), Map.entry("=", Token.EQUALS), Map.entry(">", Token.GREATER_THAN),
            Map.entry("in", Token.IN), Map.entry("<", Token.LESS_THAN), Map.entry("!=", Token.NOT_EQUALS),
            Map.entry("notin", Token.NOT_IN), Map.entry("(", Token.OPEN_PAR));

    private static final String BINARY_OPERATORS = "in, notin, =, ==, !=, gt, lt";

    private final List<Item> items;
    private int position;

    private LabelSelectorParser(String text) {
        this.items = scan(text);
    }

    /** The requirements of {@code text}, sorted by key; throws IllegalArgumentException on bad syntax. */
    static List<LabelRequirement> parse(String text) {
        List<LabelRequirement> requirements = new LabelSelectorParser(text).requirements();
        List<LabelRequirement> sorted = new ArrayList<>(requirements);
        sorted.sort((a, b) -> a.key().compareTo(b.key()));
        return sorted;
    }

    private List<LabelRequirement> requirements() {
        List<LabelRequirement> requirements = new ArrayList<>();
        while (true) {
            Item next = lookahead(true);
            switch (next.token) {
                case IDENTIFIER, DOES_NOT_EXIST -> {
                    requirements.add(requirementOrFail());
                    Item separator = consume(true);
                    if (separator.token == Token.END) {
                        return requirements;
                    }
                    if (separator.token != Token.COMMA) {
                        throw fail("found '" + separator.literal + "', expected: ',' or 'end of string'");
                    }
                    Item afterComma = lookahead(true);
                    if (afterComma.token != Token.IDENTIFIER && afterComma.token != Token.DOES_NOT_EXIST) {
                        throw fail("found '" + afterComma.literal + "', expected: identifier after ','");
                    }
                }
                case END -> {
                    return requirements;
                }
                default -> throw fail("found '" + next.literal + "', expected: !, identifier, or 'end of string'");
            }
        }
    }

    private LabelRequirement requirementOrFail() {
        try {
            return requirement();
        } catch (IllegalArgumentException e) {
            throw fail("unable to parse requirement: " + e.getMessage());
        }
    }

    private LabelRequirement requirement() {
        boolean negated = false;
        Item key = consume(true);
        if (key.token == Token.DOES_NOT_EXIST) {
            negated = true;
            key = consume(true);
        }
        if (key.token != Token.IDENTIFIER) {
            throw fail("found '" + key.literal + "', expected: identifier");
        }
        String keyError = LabelSyntax.keyError("<nil>", key.literal);
        if (keyError != null) {
            throw fail(keyError);
        }
        Token after = lookahead(true).token;
        if (negated || after == Token.END || after == Token.COMMA) {
            return LabelSelector.requirement(key.literal, negated ? Operator.DOES_NOT_EXIST : Operator.EXISTS, List.of());
        }
        Operator operator = operator();
        List<String> values = operator == Operator.IN || operator == Operator.NOT_IN ? valueSet() : exactValue();
        return LabelSelector.requirement(key.literal, operator, values);
    }

    private Operator operator() {
        Item item = consume(false);
        return switch (item.token) {
            case IN -> Operator.IN;
            case NOT_IN -> Operator.NOT_IN;
            case EQUALS -> Operator.EQUALS;
            case DOUBLE_EQUALS -> Operator.DOUBLE_EQUALS;
            case NOT_EQUALS -> Operator.NOT_EQUALS;
            case GREATER_THAN -> Operator.GREATER_THAN;
            case LESS_THAN -> Operator.LESS_THAN;
            default -> throw fail("found '" + item.literal + "', expected: " + BINARY_OPERATORS);
        };
    }

    /** {@code ( v1, v2 )}: sorted, unique; empty entries stand for the empty value. */
    private List<String> valueSet() {
        Item open = consume(true);
        if (open.token != Token.OPEN_PAR) {
            throw fail("found '" + open.literal + "' expected: '('");
        }
        Item first = lookahead(true);
        switch (first.token) {
            case IDENTIFIER, COMMA -> {
                TreeSet<String> values = identifiers();
                if (consume(true).token != Token.CLOSED_PAR) {
                    throw fail("found '" + first.literal + "', expected: ')'");
                }
                return List.copyOf(values);
            }
            case CLOSED_PAR -> {
                consume(true);
                return List.of("");
            }
            default -> throw fail("found '" + first.literal + "', expected: ',', ')' or identifier");
        }
    }

    private TreeSet<String> identifiers() {
        TreeSet<String> values = new TreeSet<>();
        while (true) {
            Item item = consume(true);
            switch (item.token) {
                case IDENTIFIER -> {
                    values.add(item.literal);
                    Item next = lookahead(true);
                    if (next.token == Token.CLOSED_PAR) {
                        return values;
                    }
                    if (next.token != Token.COMMA) {
                        throw fail("found '" + next.literal + "', expected: ',' or ')'");
                    }
                }
                case COMMA -> {
                    // "(,", ",," and ",)" all stand for the empty value
                    if (values.isEmpty()) {
                        values.add("");
                    }
                    Token next = lookahead(true).token;
                    if (next == Token.CLOSED_PAR) {
                        values.add("");
                        return values;
                    }
                    if (next == Token.COMMA) {
                        values.add("");
                    }
                }
                default -> throw fail("found '" + item.literal + "', expected: ',', or identifier");
            }
        }
    }

    private List<String> exactValue() {
        Token next = lookahead(true).token;
        if (next == Token.END || next == Token.COMMA) {
            return List.of("");
        }
        Item value = consume(true);
        if (value.token != Token.IDENTIFIER) {
            throw fail("found '" + value.literal + "', expected: identifier");
        }
        return List.of(value.literal);
    }

    /** The current item; where values are expected, the keywords "in" and "notin" are plain identifiers. */
    private Item lookahead(boolean valueContext) {
        Item item = items.get(position);
        boolean keyword = item.token == Token.IN || item.token == Token.NOT_IN;
        return valueContext && keyword ? new Item(Token.IDENTIFIER, item.literal) : item;
    }

    private Item consume(boolean valueContext) {
        Item item = lookahead(valueContext);
        position++;
        return item;
    }

    private static IllegalArgumentException fail(String message) {
        return new IllegalArgumentException(message);
    }

    private static List<Item> scan(String text) {
        List<Item> items = new ArrayList<>();
        int i = 0;
        while (true) {
            while (i < text.length() && isWhitespace(text.charAt(i))) {
                i++;
            }
            if (i >= text.length()) {
                items.add(new Item(Token.END, ""));
                return items;
            }
            int start = i;
            if (isSpecial(text.charAt(i))) {
                // the longest run of special characters that still forms an operator
                Item longest = null;
                int end = i;
                while (end < text.length() && isSpecial(text.charAt(end))) {
                    Token token = SYMBOLS.get(text.substring(start, end + 1));
                    if (token != null) {
                        longest = new Item(token, text.substring(start, end + 1));
                    } else if (longest != null) {
                        break;
                    }
                    end++;
                }
                if (longest == null) {
                    items.add(new Item(Token.ERROR, "error expected: keyword found '" + text.substring(start, end) + "'"));
                    i = end;
                } else {
                    items.add(longest);
                    i = start + longest.literal.length();
                }
            } else {
                while (i < text.length() && !isSpecial(text.charAt(i)) && !isWhitespace(text.charAt(i))) {
                    i++;
                }
                String word = text.substring(start, i);
                Token keyword = SYMBOLS.get(word);
                items.add(new Item(keyword == null ? Token.IDENTIFIER : keyword, word));
            }
        }
    }

    private static boolean isWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    private static boolean isSpecial(char c) {
        return c == '=' || c == '!' || c == '(' || c == ')' || c == ',' || c == '>' || c == '<';
    }
}
