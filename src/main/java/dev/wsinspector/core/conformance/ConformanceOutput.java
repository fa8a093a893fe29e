package dev.wsinspector.core.conformance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wsinspector.core.conformance.ConformanceCase.Verdict;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A run written out for machines and people: one JSON line per case and a summary line (the CLI's stdout), a
 * readable table (stderr), JUnit XML (one testcase per case, a failure for each failed case, skipped ones marked,
 * so CI shows them like any test), and one self-contained HTML page (no scripts, styles inline). Pure functions
 * from a {@link ConformanceReport} to text; the caller writes the files.
 */
public final class ConformanceOutput {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ConformanceOutput() {
    }

    /** {@code {"type":"case","id":…,"rfc":"5.1","spec":"RFC 6455","result":"pass",…}}. */
    public static String caseLine(CaseResult r) {
        ConformanceCase c = r.testCase();
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("type", "case");
        line.put("id", c.id());
        line.put("rfc", c.section());
        line.put("spec", c.spec());
        line.put("result", r.verdict().jsonName());
        line.put("expected", c.expected());
        line.put("observed", r.observed());
        line.put("title", c.title());
        line.put("millis", r.millis());
        return json(line);
    }

    /** {@code {"type":"summary","url":…,"cases":N,"passed":…,"failed":…,"skipped":…,"millis":…}}. */
    public static String summaryLine(ConformanceReport report) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("type", "summary");
        line.put("url", report.url());
        line.put("cases", report.results().size());
        line.put("passed", report.count(Verdict.PASS));
        line.put("failed", report.count(Verdict.FAIL));
        line.put("skipped", report.count(Verdict.SKIP));
        line.put("millis", report.millis());
        return json(line);
    }

    /** One row for people: verdict, id, RFC section, and what was seen (and expected, when it failed). */
    public static String tableRow(CaseResult r) {
        ConformanceCase c = r.testCase();
        String row = String.format(Locale.ROOT, "%-4s  %-28s %-16s %s", r.verdict().name(), c.id(), c.reference(),
                r.observed());
        return r.failed() ? row + "  (expected: " + c.expected() + ")" : row;
    }

    public static String tableHeader() {
        return String.format(Locale.ROOT, "%-4s  %-28s %-16s %s", "", "case", "RFC", "observed");
    }

    /** E.g. "31 cases: 29 passed, 1 failed, 1 skipped in 2.4 s". */
    public static String summaryText(ConformanceReport report) {
        return String.format(Locale.ROOT, "%d cases: %d passed, %d failed, %d skipped in %.1f s",
                report.results().size(), report.count(Verdict.PASS), report.count(Verdict.FAIL),
                report.count(Verdict.SKIP), report.millis() / 1000.0);
    }

    /** JUnit XML as CI servers read it: one testsuite, one testcase per case. */
    public static String junitXml(ConformanceReport report) {
        StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        x.append("<testsuite name=\"ws-inspector conformance\" tests=\"").append(report.results().size())
                .append("\" failures=\"").append(report.count(Verdict.FAIL))
                .append("\" errors=\"0\" skipped=\"").append(report.count(Verdict.SKIP))
                .append("\" time=\"").append(seconds(report.millis())).append("\">\n");
        x.append("  <properties><property name=\"url\" value=\"").append(xml(report.url()))
                .append("\"/></properties>\n");
        for (CaseResult r : report.results()) {
            ConformanceCase c = r.testCase();
            x.append("  <testcase classname=\"conformance.").append(xml(c.spec().replace(' ', '_')))
                    .append("\" name=\"").append(xml(c.id())).append("\" time=\"").append(seconds(r.millis()))
                    .append("\">");
            String detail = c.reference() + ": " + c.title() + "; expected: " + c.expected() + "; observed: "
                    + r.observed();
            switch (r.verdict()) {
                case FAIL -> x.append("\n    <failure message=\"").append(xml(r.observed())).append("\">")
                        .append(xml(detail)).append("</failure>\n  ");
                case SKIP -> x.append("\n    <skipped message=\"").append(xml(r.observed())).append("\"/>\n  ");
                case PASS -> x.append("<system-out>").append(xml(detail)).append("</system-out>");
            }
            x.append("</testcase>\n");
        }
        return x.append("</testsuite>\n").toString();
    }

    /** A page that needs nothing else: a summary and one row per case, failed rows first in colour. */
    public static String html(ConformanceReport report) {
        StringBuilder h = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<title>Conformance: ").append(xml(report.url())).append("</title><style>")
                .append("body{font:14px system-ui,sans-serif;margin:2em}table{border-collapse:collapse}")
                .append("td,th{border:1px solid #ccc;padding:4px 8px;text-align:left;vertical-align:top}")
                .append(".pass{background:#e6f4e6}.fail{background:#fbe3e3}.skip{background:#f3f3f3}")
                .append("code{font:12px ui-monospace,monospace}</style></head><body>\n")
                .append("<h1>WS Inspector conformance run</h1>\n<p><code>").append(xml(report.url()))
                .append("</code>: ").append(xml(summaryText(report))).append("</p>\n<table>\n")
                .append("<tr><th>Result</th><th>Case</th><th>RFC</th><th>Checks</th><th>Expected</th>")
                .append("<th>Observed</th><th>ms</th></tr>\n");
        for (CaseResult r : report.results()) {
            ConformanceCase c = r.testCase();
            String v = r.verdict().jsonName();
            h.append("<tr class=\"").append(v).append("\"><td>").append(v).append("</td><td><code>")
                    .append(xml(c.id())).append("</code></td><td>").append(xml(c.reference())).append("</td><td>")
                    .append(xml(c.title())).append("</td><td>").append(xml(c.expected())).append("</td><td>")
                    .append(xml(r.observed())).append("</td><td>").append(r.millis()).append("</td></tr>\n");
        }
        return h.append("</table>\n</body></html>\n").toString();
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
    }

    /** Escapes for XML and HTML text and attributes; drops characters XML 1.0 cannot hold. */
    public static String xml(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> {
                    if (ch >= 0x20 || ch == '\t' || ch == '\n' || ch == '\r') {
                        b.append(ch);
                    }
                }
            }
        }
        return b.toString();
    }

    private static String json(Map<String, Object> line) {
        try {
            return JSON.writeValueAsString(line);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a JSON line", e);
        }
    }
}
