package org.taskdesk.domain.tasks;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the filter language into {@link FilterTerm}s (see {@link TaskFilter} for the syntax). A lexer cuts the
 * text into tokens with their positions, then a recursive-descent parser applies the precedence
 * {@code !} over {@code &} over {@code |}. Every refusal is a {@link FilterSyntaxException} pointing into the text.
 */
final class FilterParser {

    /** Deeper nesting than this is refused instead of risking a stack overflow on pasted garbage. */
    static final int MAX_DEPTH = 100;

    private enum Kind { LPAREN, RPAREN, AND, OR, NOT, WORD, PHRASE }

    private record Token(Kind kind, String text, int position) {
    }

    private final String source;
    private final List<Token> tokens;
    private int next;
    private int depth;

    private FilterParser(String source) {
        this.source = source;
        this.tokens = lex(source);
    }

    /** The root term, or null when the text holds no terms (which matches every task). */
    static FilterTerm parse(String source) {
        FilterParser parser = new FilterParser(source);
        if (parser.tokens.isEmpty()) {
            return null;
        }
        FilterTerm root = parser.parseOr();
        if (parser.next < parser.tokens.size()) {
            // parseOr only stops early at a ")" it has no "(" for.
            throw unexpectedClose(parser.tokens.get(parser.next).position());
        }
        return root;
    }

    // ---- lexer ----------------------------------------------------------------------------------------

    private static List<Token> lex(String s) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                i++;
            } else if (c == '(') {
                out.add(new Token(Kind.LPAREN, "(", i++));
            } else if (c == ')') {
                out.add(new Token(Kind.RPAREN, ")", i++));
            } else if (c == '&') {
                out.add(new Token(Kind.AND, "&", i++));
            } else if (c == '|') {
                out.add(new Token(Kind.OR, "|", i++));
            } else if (c == '!' || (c == '-' && i + 1 < n && startsTerm(s.charAt(i + 1)))) {
                out.add(new Token(Kind.NOT, String.valueOf(c), i++));
            } else if (c == '"') {
                int close = s.indexOf('"', i + 1);
                if (close < 0) {
                    throw new FilterSyntaxException("Unclosed quote at position " + i + ": add a closing \"", i);
                }
                out.add(new Token(Kind.PHRASE, s.substring(i + 1, close), i));
                i = close + 1;
            } else {
                int start = i;
                while (i < n && !endsWord(s.charAt(i))) {
                    i++;
                }
                out.add(new Token(Kind.WORD, s.substring(start, i), start));
            }
        }
        return out;
    }

    private static boolean startsTerm(char c) {
        return !(Character.isWhitespace(c) || Character.isSpaceChar(c) || c == ')' || c == '&' || c == '|'
                || c == '-');
    }

    private static boolean endsWord(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '(' || c == ')' || c == '&'
                || c == '|' || c == '"';
    }

    // ---- parser ---------------------------------------------------------------------------------------

    private FilterTerm parseOr() {
        List<FilterTerm> terms = new ArrayList<>();
        terms.add(parseAnd());
        while (peek(Kind.OR)) {
            Token op = tokens.get(next++);
            requireTermAfter(op);
            terms.add(parseAnd());
        }
        return terms.size() == 1 ? terms.get(0) : new FilterTerm.Or(terms.toArray(new FilterTerm[0]));
    }

    private FilterTerm parseAnd() {
        List<FilterTerm> terms = new ArrayList<>();
        terms.add(parseUnary());
        while (next < tokens.size()) {
            Kind k = tokens.get(next).kind();
            if (k == Kind.AND) {
                Token op = tokens.get(next++);
                requireTermAfter(op);
            } else if (k == Kind.OR || k == Kind.RPAREN) {
                break;
            }
            // Anything else starts a term: juxtaposed terms are joined by an implicit "&".
            terms.add(parseUnary());
        }
        return terms.size() == 1 ? terms.get(0) : new FilterTerm.And(terms.toArray(new FilterTerm[0]));
    }

    private FilterTerm parseUnary() {
        // Counted in a loop, not by recursion, so "!!!!…" cannot overflow the stack.
        int nots = 0;
        while (peek(Kind.NOT)) {
            Token op = tokens.get(next++);
            if (next >= tokens.size() || isOperator(tokens.get(next).kind())) {
                throw new FilterSyntaxException("Nothing after \"" + op.text() + "\" at position " + op.position()
                        + ": add the term to leave out, or remove the \"" + op.text() + "\"", op.position());
            }
            nots++;
        }
        FilterTerm term = parsePrimary();
        return nots % 2 == 0 ? term : new FilterTerm.Not(term);
    }

    private FilterTerm parsePrimary() {
        Token t = tokens.get(next);
        switch (t.kind()) {
            case LPAREN: {
                next++;
                if (peek(Kind.RPAREN)) {
                    throw new FilterSyntaxException("Empty parentheses at position " + t.position()
                            + ": put a term inside or remove them", t.position());
                }
                if (next >= tokens.size()) {
                    throw unclosed(t);
                }
                if (++depth > MAX_DEPTH) {
                    throw new FilterSyntaxException("Too many nested parentheses at position " + t.position()
                            + ": use at most " + MAX_DEPTH + " levels", t.position());
                }
                requireTermAfter(t);
                FilterTerm inner = parseOr();
                depth--;
                if (!peek(Kind.RPAREN)) {
                    throw unclosed(t);
                }
                next++;
                return inner;
            }
            case RPAREN:
                throw unexpectedClose(t.position());
            case AND:
            case OR:
                throw new FilterSyntaxException("Nothing before \"" + t.text() + "\" at position " + t.position()
                        + ": add a term before it or remove the \"" + t.text() + "\"", t.position());
            case PHRASE:
                next++;
                return new FilterTerm.Contains(t.text());
            default:
                next++;
                return word(t.text(), t.position());
        }
    }

    private void requireTermAfter(Token op) {
        if (next >= tokens.size()) {
            if (op.kind() == Kind.LPAREN) {
                throw unclosed(op);
            }
            throw new FilterSyntaxException("Nothing after \"" + op.text() + "\" at position " + op.position()
                    + ": add a term after it or remove the \"" + op.text() + "\"", op.position());
        }
        Kind k = tokens.get(next).kind();
        if (k == Kind.AND || k == Kind.OR) {
            Token t = tokens.get(next);
            throw new FilterSyntaxException("Nothing before \"" + t.text() + "\" at position " + t.position()
                    + ": add a term before it or remove the \"" + t.text() + "\"", t.position());
        }
        if (k == Kind.RPAREN && op.kind() != Kind.LPAREN) {
            throw new FilterSyntaxException("Nothing after \"" + op.text() + "\" at position " + op.position()
                    + ": add a term after it or remove the \"" + op.text() + "\"", op.position());
        }
    }

    private boolean peek(Kind kind) {
        return next < tokens.size() && tokens.get(next).kind() == kind;
    }

    private static boolean isOperator(Kind k) {
        return k == Kind.AND || k == Kind.OR || k == Kind.RPAREN;
    }

    private static FilterSyntaxException unclosed(Token open) {
        return new FilterSyntaxException("Unclosed \"(\" at position " + open.position() + ": add \")\"",
                open.position());
    }

    private static FilterSyntaxException unexpectedClose(int position) {
        return new FilterSyntaxException("Unexpected \")\" at position " + position
                + ": remove it or add a \"(\" before it", position);
    }

    // ---- words ----------------------------------------------------------------------------------------

    private FilterTerm word(String w, int position) {
        if (w.startsWith("#")) {
            return tag(w.substring(1), position, position + 1);
        }
        int colon = w.indexOf(':');
        if (colon > 0) {
            String key = w.substring(0, colon).toLowerCase(Locale.ROOT);
            String value = w.substring(colon + 1);
            int valueAt = position + colon + 1;
            switch (key) {
                case "tag": return tag(value, position, valueAt);
                case "priority": return priority(value, valueAt);
                case "due": return due(value, valueAt);
                case "is": return state(value, valueAt);
                default:
                    // Not a field we know: "re:budget" or "10:30" are ordinary words people search for.
                    break;
            }
        }
        return new FilterTerm.Contains(w);
    }

    private FilterTerm tag(String name, int termAt, int nameAt) {
        if (name.isEmpty()) {
            throw new FilterSyntaxException("Empty tag at position " + termAt + ": type a name after \"#\"", termAt);
        }
        String normalised = Tags.normaliseOrNull(name);
        if (normalised == null) {
            throw new FilterSyntaxException("Tag \"" + name + "\" at position " + nameAt
                    + " is not valid: use letters, digits, -, _ and /", nameAt);
        }
        return new FilterTerm.HasTag(normalised);
    }

    private FilterTerm priority(String value, int at) {
        Priority p = value.isEmpty() ? null : Priority.parseOrNull(value);
        if (p == null) {
            throw new FilterSyntaxException((value.isEmpty() ? "Missing priority" : "Unknown priority \"" + value + "\"")
                    + " at position " + at + ": use high, medium, low or none", at);
        }
        return new FilterTerm.HasPriority(p);
    }

    private FilterTerm due(String value, int at) {
        String v = value.toLowerCase(Locale.ROOT);
        switch (v) {
            case "today": return new FilterTerm.DueWithinDays(0, 0);
            case "tomorrow": return new FilterTerm.DueWithinDays(1, 1);
            case "overdue": return FilterTerm.DueState.OVERDUE;
            case "none": return FilterTerm.DueState.NONE;
            default: break;
        }
        if (v.length() >= 2 && v.length() <= 6 && v.endsWith("d") && allDigits(v, 0, v.length() - 1)) {
            long days = Long.parseLong(v.substring(0, v.length() - 1));
            if (days < 1) {
                throw new FilterSyntaxException("\"due:" + value + "\" at position " + at
                        + " covers no days: use 1d or more", at);
            }
            return new FilterTerm.DueWithinDays(0, days - 1);
        }
        if (v.length() == 10 && v.charAt(4) == '-' && v.charAt(7) == '-' && allDigits(v, 0, 4)
                && allDigits(v, 5, 7) && allDigits(v, 8, 10)) {
            try {
                return new FilterTerm.DueOn(LocalDate.of(Integer.parseInt(v.substring(0, 4)),
                        Integer.parseInt(v.substring(5, 7)), Integer.parseInt(v.substring(8, 10))));
            } catch (DateTimeException e) {
                throw new FilterSyntaxException("Date \"" + value + "\" at position " + at
                        + " does not exist: use a real date such as 2026-12-24", at);
            }
        }
        throw new FilterSyntaxException((value.isEmpty() ? "Missing due date" : "Unknown due date \"" + value + "\"")
                + " at position " + at + ": use today, tomorrow, overdue, none, 7d or a date such as 2026-12-24", at);
    }

    private FilterTerm state(String value, int at) {
        switch (value.toLowerCase(Locale.ROOT)) {
            case "done": return FilterTerm.State.DONE;
            case "open": return FilterTerm.State.OPEN;
            case "recurring": return FilterTerm.State.RECURRING;
            default:
                throw new FilterSyntaxException((value.isEmpty() ? "Missing state" : "Unknown state \"" + value + "\"")
                        + " at position " + at + ": use is:done, is:open or is:recurring", at);
        }
    }

    private static boolean allDigits(String s, int from, int to) {
        if (from >= to) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
