package io.ipguard.jaxrs.internal.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a configuration or list file whole, only if it is a regular file of bounded size: a FIFO
 * or a device put in its place would block the reading thread (which watches every file and URL)
 * forever, and a runaway file would exhaust the heap.
 */
public final class RegularFile {

    private RegularFile() {
    }

    /**
     * @throws IOException naming the problem if the path (links followed) is not a regular file,
     *     is larger than {@code maxBytes}, or cannot be read
     */
    public static byte[] read(Path path, long maxBytes) throws IOException {
        if (!Files.isRegularFile(path)) {
            throw Files.exists(path) ? new IOException("is not a regular file") : new java.nio.file.NoSuchFileException(
                    path.toString());
        }
        long size = Files.size(path);
        if (size > maxBytes) {
            throw new IOException("is larger than " + maxBytes + " bytes");
        }
        return Files.readAllBytes(path);
    }
}
