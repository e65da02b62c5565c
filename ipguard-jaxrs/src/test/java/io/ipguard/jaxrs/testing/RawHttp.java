package io.ipguard.jaxrs.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A minimal HTTP/1.1 client that sends from a chosen source address, which Java's HttpClient
 * cannot do: any 127.0.0.x is a distinct client on Linux loopback when the socket binds it.
 */
public final class RawHttp {

    /** A response: status, headers (lower-case names), body, and the whole response as received. */
    public record Response(int status, Map<String, String> headers, String body, String raw) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        /** The response as received, without its {@code Date} header, which changes every second. */
        public String withoutDate() {
            return raw.replaceAll("(?im)^Date: [^\r\n]*\r\n", "");
        }
    }

    private RawHttp() {
    }

    /** Sends {@code GET path} from {@code source} to {@code server:port}, with extra header lines. */
    public static Response get(String source, String server, int port, String path, String... headerLines)
            throws IOException {
        return request("GET", source, server, port, path, null, headerLines);
    }

    /** Sends a request with an optional UTF-8 body from {@code source} to {@code server:port}. */
    public static Response request(String method, String source, String server, int port, String path, String body,
                                   String... headerLines) throws IOException {
        try (Socket socket = new Socket()) {
            socket.setSoTimeout(20_000);
            socket.bind(new InetSocketAddress(InetAddress.getByName(source), 0));
            socket.connect(new InetSocketAddress(InetAddress.getByName(server), port), 20_000);
            byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            StringBuilder request = new StringBuilder(method + " " + path + " HTTP/1.1\r\n")
                    .append("Host: ").append(server.contains(":") ? "[" + server + "]" : server).append("\r\n")
                    .append("Connection: close\r\n");
            for (String line : headerLines) {
                request.append(line).append("\r\n");
            }
            if (body != null) {
                request.append("Content-Length: ").append(content.length).append("\r\n");
            }
            request.append("\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(content);
            out.flush();
            return parse(readResponse(socket.getInputStream(), method.equals("HEAD")));
        }
    }

    /**
     * Reads one response: to the end of its body by {@code Content-Length} or the last chunk, or to
     * the end of the stream, since some containers (Netty) keep the connection open despite
     * {@code Connection: close}.
     */
    private static byte[] readResponse(InputStream in, boolean head) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int headEnd = -1;
        byte[] buffer = new byte[8192];
        while (true) {
            int n = in.read(buffer);
            if (n < 0) {
                return bytes.toByteArray();
            }
            bytes.write(buffer, 0, n);
            String text = bytes.toString(StandardCharsets.ISO_8859_1);
            if (headEnd < 0) {
                headEnd = text.indexOf("\r\n\r\n");
            }
            if (headEnd >= 0 && complete(text, headEnd, head)) {
                return bytes.toByteArray();
            }
        }
    }

    private static boolean complete(String text, int headEnd, boolean head) {
        String headers = text.substring(0, headEnd).toLowerCase(Locale.ROOT);
        int bodyLength = text.length() - headEnd - 4;
        java.util.regex.Matcher length = java.util.regex.Pattern.compile("\r\ncontent-length: *(\\d+)").matcher(headers);
        if (head || headers.startsWith("http/1.1 204") || headers.startsWith("http/1.1 304")) {
            return true;
        }
        if (length.find()) {
            return bodyLength >= Integer.parseInt(length.group(1));
        }
        return headers.contains("\r\ntransfer-encoding: chunked") && text.endsWith("\r\n0\r\n\r\n");
    }

    private static Response parse(byte[] raw) {
        String text = new String(raw, StandardCharsets.UTF_8);
        int headEnd = text.indexOf("\r\n\r\n");
        if (headEnd < 0) {
            throw new IllegalStateException("no complete HTTP response: " + text);
        }
        String[] lines = text.substring(0, headEnd).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
        }
        String body = text.substring(headEnd + 4);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = dechunk(body);
        }
        return new Response(status, headers, body, text);
    }

    private static String dechunk(String body) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (true) {
            int lineEnd = body.indexOf("\r\n", i);
            int size = Integer.parseInt(body.substring(i, lineEnd).trim(), 16);
            if (size == 0) {
                return out.toString();
            }
            out.append(body, lineEnd + 2, lineEnd + 2 + size);
            i = lineEnd + 2 + size + 2;
        }
    }
}
