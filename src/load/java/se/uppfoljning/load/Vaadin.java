package se.uppfoljning.load;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.CheckBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.bodyLength;
import static io.gatling.javaapi.core.CoreDsl.bodyString;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.regex;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.substring;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * Vaadin Flow's own client–server protocol, as the browser speaks it, in Gatling's Java DSL: the bootstrap page,
 * the init request ({@code ?v-r=init}) that creates the UI and returns its first UIDL with the CSRF token
 * ({@code Vaadin-Security-Key}) and the UI id, and UIDL round trips ({@code POST ?v-r=uidl}) carrying the token, the
 * {@code syncId} last received and the {@code clientId} the server expects next. Navigation is the
 * {@code ui-navigate} event the client sends to the UI's element (node 1) when a router link is clicked.
 *
 * <p>Every answer must be a 200 without Vaadin's session-expired, resynchronisation or error markers and must
 * contain the given text of the view, a regular expression (a step counts only when the view's own text came
 * back).
 */
final class Vaadin {

    /** Markers of a failed round trip in a UIDL answer. */
    private static final List<String> FAILURE_MARKERS = List.of("\"sessionExpired\":true", "\"appError\"",
            "\"resynchronize\":true", "Internal error", "Invalid security key");

    private Vaadin() {
    }

    private static List<CheckBuilder> healthy(String mustContain) {
        List<CheckBuilder> checks = new ArrayList<>();
        checks.add(status().is(200));
        for (String marker : FAILURE_MARKERS) {
            checks.add(substring(marker).notExists());
        }
        checks.add(regex(mustContain).exists());
        checks.add(responseTimeInMillis().saveAs("rt"));
        checks.add(bodyLength().saveAs("bytes"));
        return checks;
    }

    /**
     * A page load as the browser does it: the bootstrap page at {@code path}, the init request that creates the UI
     * (saves the UI id, the CSRF token, syncId and clientId), and the client's first navigation to the route, whose
     * answer renders the view. Its time and bytes are the sum of the three requests.
     */
    static ChainBuilder pageLoad(String step, String path, String mustContain) {
        String route = path.replaceFirst("^/", "");
        return exec(http(step + " (page)").get(path)
                .check(status().is(200), responseTimeInMillis().saveAs("rt0"), bodyLength().saveAs("bytes0")))
                .exec(http(step + " (init)")
                        .get("/?v-r=init&location=" + route + "&query=")
                        .header("Accept", "application/json")
                        .check(healthy("Vaadin-Security-Key").toArray(CheckBuilder[]::new))
                        .check(regex("\"v-uiId\"\\s*:\\s*(\\d+)").saveAs("uiId"),
                                regex("\"Vaadin-Security-Key\"\\s*:\\s*\"([^\"]+)\"").saveAs("csrf"),
                                regex("\"syncId\"\\s*:\\s*(-?\\d+)").saveAs("syncId"),
                                regex("\"clientId\"\\s*:\\s*(\\d+)").saveAs("clientId")))
                .exec(session -> session.set("rt0", session.getInt("rt0") + session.getInt("rt"))
                        .set("bytes0", session.getInt("bytes0") + session.getInt("bytes")))
                .exec(navigate(step + " (first render)", route, mustContain))
                .exec(session -> session.contains("rt") ? session.set("rt", session.getInt("rt") + session.getInt("rt0"))
                        .set("bytes", session.getInt("bytes") + session.getInt("bytes0")) : session);
    }

    /** One UIDL round trip with the given RPC invocations (a JSON array, computed from the session). */
    static HttpRequestActionBuilder uidl(String step, Function<Session, String> rpc, String mustContain) {
        return http(step).post(session -> "/?v-r=uidl&v-uiId=" + session.getString("uiId"))
                .header("Content-Type", "application/json; charset=UTF-8")
                .body(StringBody(session -> "{\"csrfToken\":\"" + session.getString("csrf") + "\",\"rpc\":"
                        + rpc.apply(session) + ",\"syncId\":" + session.getString("syncId") + ",\"clientId\":"
                        + session.getString("clientId") + "}"))
                .check(healthy(mustContain).toArray(CheckBuilder[]::new))
                .check(regex("\"syncId\"\\s*:\\s*(-?\\d+)").saveAs("syncId"),
                        regex("\"clientId\"\\s*:\\s*(\\d+)").saveAs("clientId"),
                        bodyString().saveAs("last"));
    }

    /** Clicking a router link to {@code route} ("" is the overview). */
    static HttpRequestActionBuilder navigate(String step, String route, String mustContain) {
        return uidl(step, session -> "[{\"type\":\"event\",\"node\":1,\"event\":\"ui-navigate\",\"data\":{\"route\":\""
                + route + "\",\"query\":\"\",\"appShellTitle\":\"\",\"historyState\":{\"idx\":0},\"trigger\":\"\"}}]",
                mustContain);
    }

    /** A click on the element whose id the session's node {@code nodeKey} holds. */
    static HttpRequestActionBuilder click(String step, String nodeKey, String mustContain) {
        return uidl(step, session -> "[{\"type\":\"event\",\"node\":" + session.getString(nodeKey)
                + ",\"event\":\"click\",\"data\":{\"event.shiftKey\":false,\"event.metaKey\":false,"
                + "\"event.detail\":1,\"event.ctrlKey\":false,\"event.clientX\":0,\"event.clientY\":0,"
                + "\"event.altKey\":false,\"event.button\":0,\"event.screenY\":0,\"event.screenX\":0}}]", mustContain);
    }

    /** Sets the {@code value} property of a field (node in the session's {@code nodeKey}) and fires its change event. */
    static HttpRequestActionBuilder setValue(String step, String nodeKey, String value, String mustContain) {
        return uidl(step, session -> "[{\"type\":\"mSync\",\"node\":" + session.getString(nodeKey)
                + ",\"feature\":1,\"property\":\"value\",\"value\":\"" + value + "\"},{\"type\":\"event\",\"node\":"
                + session.getString(nodeKey) + ",\"event\":\"change\",\"data\":{}}]", mustContain);
    }

    /**
     * A call of a {@code LitRenderer} function, as the browser makes it when a template's {@code @click=${fn}}
     * fires: a return-channel RPC to the node that registered the renderer, with the arguments the client's
     * {@code lit-renderer.ts} passes – the function's name, the item's key and the call's arguments (none for a
     * click, whose only argument is the DOM event). The session's {@code callKey} holds {@code node channel itemKey}.
     */
    static HttpRequestActionBuilder rendererCall(String step, String callKey, String function, String mustContain) {
        return uidl(step, session -> {
            String[] call = session.getString(callKey).split(" ");
            return "[{\"type\":\"channel\",\"node\":" + call[0] + ",\"channel\":" + call[1] + ",\"args\":[\""
                    + function + "\",\"" + call[2] + "\",[]]}]";
        }, mustContain);
    }

    /**
     * The overview's edit buttons as {@link #rendererCall} targets ({@code node channel itemKey}), for the items in
     * {@code items} whose button edits (property {@code editable}, so not the read-only "Visa"). Read from the last
     * answer: the {@code setLitRenderer} call of the renderer with the function {@code edit} carries its return
     * channel ({@code [2, node, channel]}), its functions (an array, so escaped as {@code [1, [...]]}; JsonCodec's
     * encodings) and its property prefix ({@code lr_<hash>_}); the
     * grid's items carry their {@code key} (first) and the renderer's one property {@code c}, a JSON object with
     * {@code row} (the item id) and {@code editable}.
     */
    static List<String> editCalls(Session session, Set<Long> items) {
        List<String> found = new ArrayList<>();
        if (!session.contains("last")) {
            return found;
        }
        String last = session.getString("last");
        Matcher renderer = Pattern.compile("\\[2,(\\d+),(\\d+)],\\[1,\\[[^\\]]*\"edit\"[^\\]]*]],\"(lr_[0-9A-Za-z]+_)\"")
                .matcher(last);
        if (!renderer.find()) {
            return found;
        }
        String channel = renderer.group(1) + " " + renderer.group(2) + " ";
        String prefix = Pattern.quote(renderer.group(3));
        // the renderer's one property "c": a JSON object with the row's id and, when the button edits, editable:true
        Pattern cell = Pattern.compile("\"" + prefix + "c\":\\{([^{}]*)}");
        Pattern row = Pattern.compile("\"row\":(\\d+)[,}]");
        Pattern editable = Pattern.compile("\"editable\":true[,}]");
        // one segment per item: from its "key" to the next item's
        String[] segments = last.split("\"key\":\"", -1);
        for (int i = 1; i < segments.length; i++) {
            String segment = segments[i];
            int end = segment.indexOf('"');
            Matcher values = cell.matcher(segment);
            if (end <= 0 || !values.find()) {
                continue;
            }
            Matcher id = row.matcher(values.group(1) + "}");
            if (id.find() && editable.matcher(values.group(1) + "}").find()
                    && items.contains(Long.parseLong(id.group(1)))) {
                found.add(channel + segment.substring(0, end));
            }
        }
        return found;
    }

    /**
     * The state node ids of the elements whose id attribute matches {@code idPattern} in the last answer, in the
     * order they came.
     */
    static List<String> nodesWithId(Session session, String idPattern) {
        List<String> found = new ArrayList<>();
        if (!session.contains("last")) {
            return found;
        }
        Matcher m = Pattern.compile("\\{\"node\":(\\d+),\"type\":\"put\",\"key\":\"id\",\"feat\":3,\"value\":\""
                + idPattern + "\"}").matcher(session.getString("last"));
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }
}
