package io.ipguard.jaxrs.examples;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The answers of a running server's status resource ({@code IpGuardStatusResource}): what it has in
 * force, so that the check and the server cannot disagree.
 */
final class ServerAnswers implements GuardAnswers {

    /** The server could not be asked, or did not answer as a status resource does. */
    static final class ServerException extends RuntimeException {
        ServerException(String message) {
            super(message);
        }
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final String base;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    /** @param url the status resource, such as {@code http://10.0.0.5:8080/ipguard/status} */
    ServerAnswers(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--server must be the status resource's URL, not \"" + url + "\"");
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null
                || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("--server must be the http or https URL of the status resource, without "
                    + "a query, such as http://127.0.0.1:8080/ipguard/status, not \"" + url + "\"");
        }
        this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    @Override
    public JsonObject status() {
        return shaped(get(base), "warnings", "groups", "guards");
    }

    @Override
    public JsonObject explain(String peer, Map<String, List<String>> headers, String group) {
        StringBuilder query = new StringBuilder("?peer=").append(encode(peer)).append("&group=").append(encode(group));
        headers.forEach((name, values) -> values.forEach(value ->
                query.append("&header=").append(encode(name + ": " + value))));
        JsonObject answer = get(base + "/explain" + query);
        JsonValue allowed = answer.get("allowed");
        if (!(answer.get("explanation") instanceof JsonString) || allowed != JsonValue.TRUE && allowed != JsonValue.FALSE) {
            throw notAStatus(200);
        }
        return answer;
    }

    /** The document, if it has the arrays a status has; a status resource's answer is never without them. */
    private JsonObject shaped(JsonObject document, String... arrays) {
        for (String array : arrays) {
            if (!(document.get(array) instanceof JsonArray)) {
                throw notAStatus(200);
            }
        }
        return document;
    }

    private ServerException notAStatus(int status) {
        return new ServerException(base + " answered " + status + ", not the guard's status; give the URL of the "
                + "status resource, such as http://127.0.0.1:8080/ipguard/status");
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private JsonObject get(String url) {
        HttpResponse<String> response;
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                    .header("Accept", "application/json").GET().build();
            response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw new ServerException(base + " did not answer within " + TIMEOUT.toSeconds() + " s");
        } catch (ConnectException e) {
            throw new ServerException("cannot reach " + base + ": the connection was refused");
        } catch (IOException e) {
            throw new ServerException("cannot reach " + base + ": " + (e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServerException("interrupted while asking " + base);
        }
        int status = response.statusCode();
        if (status == 403 || status == 404 && response.body().isEmpty()) {
            throw new ServerException(base + " answered " + status + ": this machine's address is not in the group "
                    + "that guards the status resource, or nothing is served there");
        }
        JsonObject body = parse(response.body());
        if (status == 400 && body != null && body.containsKey("error")) {
            throw new IllegalArgumentException(body.getString("error"));
        }
        if (status >= 500) {
            throw new ServerException(base + " answered " + status + ": the server failed; its log says why");
        }
        if (status != 200 || body == null) {
            throw notAStatus(status);
        }
        return body;
    }

    private static JsonObject parse(String body) {
        try {
            return Json.createReader(new StringReader(body)).readObject();
        } catch (JsonException | IllegalStateException e) {
            return null;
        }
    }
}
