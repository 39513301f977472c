package dev.reflekt.core.warehouse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local BigQuery: the REST shapes of {@code jobs.query}, {@code jobs.getQueryResults} and
 * {@code jobs.get} for queries of {@code INFORMATION_SCHEMA.COLUMNS}, with BigQuery's error bodies, and
 * a results page size so that the client must follow {@code pageToken}.
 */
final class FakeBigQuery implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern DATASET = Pattern.compile("`([^`.]+)\\.([^`.]+)`\\.INFORMATION_SCHEMA\\.COLUMNS");

    /** dataset → rows of (table, column). */
    private final Map<String, List<String[]>> datasets = new LinkedHashMap<>();

    private final Map<String, List<String[]>> jobs = new LinkedHashMap<>();
    final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    private final HttpServer server;
    private final int pageSize;
    private int failuresToServe;

    FakeBigQuery(int pageSize) throws IOException {
        this.pageSize = pageSize;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    FakeBigQuery table(String dataset, String table, String... columns) {
        for (String c : columns) {
            datasets.computeIfAbsent(dataset, d -> new ArrayList<>()).add(new String[] {table, c});
        }
        return this;
    }

    /** The next {@code n} requests get HTTP 500 (the client retries them). */
    FakeBigQuery failNext(int n) {
        failuresToServe = n;
        return this;
    }

    private synchronized void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        String query = exchange.getRequestURI().getQuery();
        requests.add(method + " " + path + (query == null ? "" : "?" + query));
        if (failuresToServe > 0) {
            failuresToServe--;
            send(exchange, 500, error(500, "Backend error", "backendError", "INTERNAL"));
            return;
        }
        Matcher queries = Pattern.compile("/bigquery/v2/projects/([^/]+)/queries(?:/([^/]+))?")
                .matcher(path);
        Matcher job =
                Pattern.compile("/bigquery/v2/projects/([^/]+)/jobs/([^/]+)").matcher(path);
        Matcher data = Pattern.compile("/bigquery/v2/projects/([^/]+)/datasets/_anon/tables/([^/]+)/data")
                .matcher(path);
        if (method.equals("POST") && queries.matches() && queries.group(2) == null) {
            java.io.InputStream in = exchange.getRequestBody();
            if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
                in = new java.util.zip.GZIPInputStream(in); // Google's clients compress request bodies
            }
            JsonNode body = JSON.readTree(in);
            Matcher m = DATASET.matcher(body.path("query").asText());
            if (!m.find()) {
                send(exchange, 400, error(400, "Syntax error", "invalidQuery", "INVALID_ARGUMENT"));
                return;
            }
            List<String[]> rows = datasets.get(m.group(2));
            if (rows == null) {
                send(
                        exchange,
                        404,
                        error(
                                404,
                                "Not found: Dataset " + m.group(1) + ":" + m.group(2) + " was not found in location US",
                                "notFound",
                                "NOT_FOUND"));
                return;
            }
            String jobId = "job_" + (jobs.size() + 1);
            jobs.put(jobId, rows);
            send(exchange, 200, results(queries.group(1), jobId, rows, 0, "bigquery#queryResponse"));
        } else if (method.equals("GET") && queries.matches() && queries.group(2) != null) {
            List<String[]> rows = jobs.get(queries.group(2));
            String token = param(query, "pageToken");
            send(
                    exchange,
                    200,
                    results(
                            queries.group(1),
                            queries.group(2),
                            rows,
                            token == null ? 0 : Integer.parseInt(token),
                            "bigquery#getQueryResultsResponse"));
        } else if (method.equals("GET") && job.matches()) {
            ObjectNode j = JSON.createObjectNode();
            j.put("kind", "bigquery#job");
            j.putObject("jobReference")
                    .put("projectId", job.group(1))
                    .put("jobId", job.group(2))
                    .put("location", "US");
            j.putObject("status").put("state", "DONE");
            ObjectNode config = j.putObject("configuration").putObject("query");
            config.put("query", "select 1");
            config.putObject("destinationTable")
                    .put("projectId", job.group(1))
                    .put("datasetId", "_anon")
                    .put("tableId", job.group(2));
            j.putObject("statistics").putObject("query").put("totalBytesProcessed", "10");
            send(exchange, 200, j);
        } else if (method.equals("GET") && data.matches() && jobs.containsKey(data.group(2))) {
            String token = param(query, "pageToken");
            ObjectNode page = results(
                    data.group(1),
                    data.group(2),
                    jobs.get(data.group(2)),
                    token == null ? 0 : Integer.parseInt(token),
                    "bigquery#tableDataList");
            page.remove(List.of("schema", "jobReference", "jobComplete", "cacheHit"));
            send(exchange, 200, page);
        } else {
            send(exchange, 404, error(404, "Not found: " + path, "notFound", "NOT_FOUND"));
        }
    }

    private ObjectNode results(String project, String jobId, List<String[]> rows, int from, String kind) {
        ObjectNode r = JSON.createObjectNode();
        r.put("kind", kind);
        ArrayNode fields = r.putObject("schema").putArray("fields");
        fields.addObject().put("name", "table_name").put("type", "STRING").put("mode", "NULLABLE");
        fields.addObject().put("name", "column_name").put("type", "STRING").put("mode", "NULLABLE");
        fields.addObject().put("name", "data_type").put("type", "STRING").put("mode", "NULLABLE");
        fields.addObject().put("name", "is_nullable").put("type", "STRING").put("mode", "NULLABLE");
        r.putObject("jobReference")
                .put("projectId", project)
                .put("jobId", jobId)
                .put("location", "US");
        r.put("totalRows", String.valueOf(rows.size()));
        ArrayNode out = r.putArray("rows");
        int to = Math.min(rows.size(), from + pageSize);
        for (String[] row : rows.subList(from, to)) {
            ArrayNode f = out.addObject().putArray("f");
            f.addObject().put("v", row[0]);
            f.addObject().put("v", row[1]);
            f.addObject().put("v", row.length > 2 ? row[2] : "STRING");
            f.addObject().put("v", row.length > 3 ? row[3] : "YES");
        }
        if (to < rows.size()) {
            r.put("pageToken", String.valueOf(to));
        }
        r.put("jobComplete", true);
        r.put("cacheHit", false);
        return r;
    }

    private static ObjectNode error(int code, String message, String reason, String status) {
        ObjectNode e = JSON.createObjectNode();
        ObjectNode err = e.putObject("error");
        err.put("code", code);
        err.put("message", message);
        err.putArray("errors")
                .addObject()
                .put("message", message)
                .put("domain", "global")
                .put("reason", reason);
        err.put("status", status);
        return e;
    }

    private static String param(String query, String name) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith(name + "=")) {
                return pair.substring(name.length() + 1);
            }
        }
        return null;
    }

    private static void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
