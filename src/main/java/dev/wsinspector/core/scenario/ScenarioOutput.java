package dev.wsinspector.core.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wsinspector.core.conformance.ConformanceOutput;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Scenario runs written out: JSON lines (one per step as it ends, one per scenario, a summary), JUnit XML (one
 * testsuite, one testcase per scenario; a failed scenario's failure names the step, its reason and the last
 * frames seen) and a self-contained HTML page. Pure functions; the caller writes the files. XML escaping is
 * {@link ConformanceOutput#xml}'s, shared with the conformance reports.
 */
public final class ScenarioOutput {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Passed steps shown per scenario in the HTML page (a 10,000-step run stays readable). */
    static final int HTML_STEPS = 500;

    private ScenarioOutput() {
    }

    /** {@code {"type":"step","scenario":…,"step":"3","kind":"expect","result":"pass","reason":…,"seqs":[…]}}. */
    public static String stepLine(Scenario scenario, StepResult r) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("type", "step");
        line.put("scenario", scenario.name());
        line.put("step", r.id());
        line.put("kind", r.kind());
        line.put("connection", r.connection());
        line.put("result", r.passed() ? "pass" : "fail");
        line.put("description", r.describe());
        line.put("reason", r.reason());
        line.put("seqs", r.seqs());
        line.put("line", r.step().at().line());
        line.put("millis", r.millis());
        return json(line);
    }

    /** {@code {"type":"scenario","name":…,"file":…,"result":"pass"|"fail","steps":N,"notRun":N,…}}. */
    public static String scenarioLine(ScenarioResult r) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("type", "scenario");
        line.put("name", r.scenario().name());
        line.put("file", r.scenario().file());
        line.put("result", r.passed() ? "pass" : "fail");
        line.put("steps", r.steps().size());
        line.put("notRun", r.notRun());
        line.put("message", r.summary());
        line.put("sessions", r.sessionIds());
        line.put("millis", r.millis());
        return json(line);
    }

    /** {@code {"type":"summary","scenarios":N,"passed":N,"failed":N,"malformed":N,"millis":…}}. */
    public static String summaryLine(List<ScenarioResult> results, int malformed, long millis) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("type", "summary");
        line.put("scenarios", results.size() + malformed);
        line.put("passed", results.stream().filter(ScenarioResult::passed).count());
        line.put("failed", results.stream().filter(r -> !r.passed()).count());
        line.put("malformed", malformed);
        line.put("millis", millis);
        return json(line);
    }

    /** {@code {"type":"malformed","file":…,"line":N,"column":N,"message":…}}. */
    public static String malformedLine(ScenarioFormatException e) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("type", "malformed");
        line.put("file", e.file());
        line.put("line", e.position().line());
        line.put("column", e.position().column());
        line.put("message", e.problem());
        return json(line);
    }

    /** {@code {"type":"loosening","seq":N,"where":"$.id","original":…,"replacement":…,"why":…}}. */
    public static String looseningLine(ScenarioRecorder.Loosening l) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("type", "loosening");
        line.put("seq", l.seq());
        line.put("where", l.where());
        line.put("original", l.original());
        line.put("replacement", l.replacement());
        line.put("why", l.why());
        return json(line);
    }

    /** One line for people: PASS/FAIL, the scenario, and the failed step or the count of steps. */
    public static String text(ScenarioResult r) {
        return String.format(Locale.ROOT, "%-4s  %s  %s (%.1f s)", r.passed() ? "PASS" : "FAIL", r.scenario().name(),
                r.summary(), r.millis() / 1000.0);
    }

    /** JUnit XML: one testsuite "ws-inspector test", one testcase per scenario (malformed files are errors). */
    public static String junitXml(List<ScenarioResult> results, List<ScenarioFormatException> malformed, long millis) {
        long failures = results.stream().filter(r -> !r.passed()).count();
        StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        x.append("<testsuite name=\"ws-inspector test\" tests=\"").append(results.size() + malformed.size())
                .append("\" failures=\"").append(failures).append("\" errors=\"").append(malformed.size())
                .append("\" skipped=\"0\" time=\"").append(seconds(millis)).append("\">\n");
        for (ScenarioResult r : results) {
            x.append("  <testcase classname=\"scenario.").append(xml(className(r.scenario().file())))
                    .append("\" name=\"").append(xml(r.scenario().name())).append("\" time=\"")
                    .append(seconds(r.millis())).append("\">\n");
            if (!r.passed()) {
                StepResult f = r.failure();
                String message = r.summary();
                x.append("    <failure message=\"").append(xml(message)).append("\" type=\"")
                        .append(f == null ? "error" : f.kind()).append("\">").append(xml(failureDetail(r)))
                        .append("</failure>\n");
            }
            x.append("    <system-out>").append(xml(steps(r, 2000))).append("</system-out>\n");
            x.append("  </testcase>\n");
        }
        for (ScenarioFormatException e : malformed) {
            x.append("  <testcase classname=\"scenario.").append(xml(className(e.file()))).append("\" name=\"")
                    .append(xml(e.file())).append("\" time=\"0.000\">\n    <error message=\"")
                    .append(xml(e.getMessage())).append("\" type=\"malformed\">").append(xml(e.getMessage()))
                    .append("</error>\n  </testcase>\n");
        }
        return x.append("</testsuite>\n").toString();
    }

    private static String failureDetail(ScenarioResult r) {
        StepResult f = r.failure();
        if (f == null) {
            return r.summary();
        }
        return r.scenario().file() + ":" + f.step().at() + ": step " + f.id() + " " + f.describe() + " on "
                + f.connection() + "\n" + f.reason() + "\nframes: " + f.seqs();
    }

    private static String steps(ScenarioResult r, int max) {
        StringBuilder b = new StringBuilder();
        int shown = 0;
        for (StepResult s : r.steps()) {
            if (shown++ >= max && s.passed()) {
                continue;
            }
            b.append(s.passed() ? "PASS " : "FAIL ").append(s.id()).append(' ').append(s.describe()).append(": ")
                    .append(s.reason()).append('\n');
        }
        if (shown > max) {
            b.append("(").append(shown - max).append(" more passed steps not listed)\n");
        }
        if (r.notRun() > 0) {
            b.append(r.notRun()).append(" steps not run\n");
        }
        return b.toString();
    }

    /** A page that needs nothing else: one section per scenario, a row per step, the failed one in colour. */
    public static String html(List<ScenarioResult> results, List<ScenarioFormatException> malformed, long millis) {
        long passed = results.stream().filter(ScenarioResult::passed).count();
        StringBuilder h = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<title>WS Inspector tests</title><style>")
                .append("body{font:14px system-ui,sans-serif;margin:2em}table{border-collapse:collapse;margin-bottom:2em}")
                .append("td,th{border:1px solid #ccc;padding:4px 8px;text-align:left;vertical-align:top}")
                .append(".pass{background:#e6f4e6}.fail{background:#fbe3e3}code{font:12px ui-monospace,monospace}")
                .append("</style></head><body>\n<h1>WS Inspector tests</h1>\n<p>")
                .append(results.size() + malformed.size()).append(" scenarios: ").append(passed).append(" passed, ")
                .append(results.size() - passed).append(" failed, ").append(malformed.size()).append(" malformed in ")
                .append(String.format(Locale.ROOT, "%.1f s", millis / 1000.0)).append("</p>\n");
        for (ScenarioFormatException e : malformed) {
            h.append("<p class=\"fail\"><code>").append(xml(e.getMessage())).append("</code></p>\n");
        }
        for (ScenarioResult r : results) {
            h.append("<h2 class=\"").append(r.passed() ? "pass" : "fail").append("\">").append(xml(r.scenario().name()))
                    .append("</h2>\n<p><code>").append(xml(r.scenario().file())).append("</code>: ")
                    .append(xml(r.summary())).append("</p>\n<table>\n<tr><th>Result</th><th>Step</th><th>Line</th>")
                    .append("<th>Connection</th><th>What</th><th>Reason</th><th>Frames</th><th>ms</th></tr>\n");
            int shown = 0;
            for (StepResult s : r.steps()) {
                if (s.passed() && shown++ >= HTML_STEPS) {
                    continue;
                }
                String v = s.passed() ? "pass" : "fail";
                h.append("<tr class=\"").append(v).append("\"><td>").append(v).append("</td><td>").append(xml(s.id()))
                        .append("</td><td>").append(s.step().at().line()).append("</td><td>")
                        .append(xml(s.connection())).append("</td><td>").append(xml(s.describe())).append("</td><td>")
                        .append(xml(s.reason())).append("</td><td>").append(xml(s.seqs().toString())).append("</td><td>")
                        .append(s.millis()).append("</td></tr>\n");
            }
            h.append("</table>\n");
            if (shown > HTML_STEPS) {
                h.append("<p>").append(shown - HTML_STEPS).append(" more passed steps not listed.</p>\n");
            }
        }
        return h.append("</body></html>\n").toString();
    }

    private static String className(String file) {
        String name = file.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return (dot > 0 ? name.substring(0, dot) : name).replaceAll("[^A-Za-z0-9_.-]", "_");
    }

    private static String xml(String s) {
        return ConformanceOutput.xml(s);
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
    }

    private static String json(Map<String, Object> line) {
        try {
            return JSON.writeValueAsString(line);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a JSON line", e);
        }
    }
}
