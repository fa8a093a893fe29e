package dev.wsinspector.core.payload;

import com.fasterxml.jackson.databind.JsonNode;

/** What {@link JsonFormatter} made of a payload. */
public sealed interface JsonResult {

    /** A one-line explanation for the user, or empty when there is nothing to explain. */
    String notice();

    /**
     * Well-formed JSON.
     *
     * @param pretty      the pretty-printed text, possibly cut at the formatter's output cap
     * @param prettyChars length of the whole pretty-printed text (larger than {@code pretty} when cut)
     * @param tree        the parsed document, for the tree view
     */
    record Valid(String pretty, long prettyChars, JsonNode tree) implements JsonResult {

        public boolean truncated() {
            return pretty.length() < prettyChars;
        }

        /** True for an object or array: the payloads for which the JSON view is the best view. */
        public boolean isContainer() {
            return tree.isContainerNode();
        }

        @Override
        public String notice() {
            return truncated() ? "Showing first " + Formats.humanBytes(pretty.length()) + " of "
                    + Formats.humanBytes(prettyChars) + " of formatted JSON" : "";
        }
    }

    /**
     * Not JSON.
     *
     * @param line    1-based line of the error in the payload text
     * @param column  1-based column of the error
     * @param problem the parser's description, one line
     */
    record Invalid(int line, int column, String problem) implements JsonResult {

        @Override
        public String notice() {
            return "Invalid JSON at line " + line + ", column " + column + ": " + problem;
        }
    }

    /** Bigger than the formatter parses; the Text and Hex views still show it. */
    record TooLarge(long size, long limit) implements JsonResult {

        @Override
        public String notice() {
            return "JSON view is limited to " + Formats.humanBytes(limit) + "; this payload is "
                    + Formats.humanBytes(size) + " (see Text or Hex)";
        }
    }
}
