package io.ipguard.jaxrs.internal.io;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import javax.net.ssl.SSLException;

/**
 * Says what went wrong reading a file or fetching a URL in the words of the person who set it up,
 * not in Java's: {@code does not exist}, not {@code java.nio.file.NoSuchFileException: /etc/x}.
 */
public final class IoProblems {

    private IoProblems() {
    }

    /** The problem after the file's or URL's name, such as {@code does not exist} or {@code cannot be read: permission denied}. */
    public static String describe(IOException e) {
        if (e instanceof NoSuchFileException || e instanceof NotDirectoryException) {
            return "does not exist";
        }
        if (e instanceof AccessDeniedException) {
            return "cannot be read: permission denied";
        }
        if (e instanceof CharacterCodingException) {
            return "is not valid UTF-8";
        }
        if (e instanceof FileSystemException f) {
            return "cannot be read" + (f.getReason() == null ? "" : ": " + f.getReason());
        }
        if (e instanceof UnknownHostException) {
            return "its host name is not known";
        }
        if (e instanceof HttpConnectTimeoutException) {
            return "the server did not accept a connection in time";
        }
        if (e instanceof ConnectException) {
            return "the server refused the connection";
        }
        if (e instanceof SSLException) {
            return "the TLS handshake failed" + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
        // The library's own I/O problems are phrased already ("is not a regular file", "is larger than ...").
        String message = e.getMessage();
        return e.getClass() == IOException.class && message != null ? message
                : "cannot be read" + (message == null || message.isBlank() ? "" : ": " + message);
    }
}
