package io.ipguard.jaxrs.internal.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Objects;

/**
 * What tells a file changed without reading it: the file a path leads to (following links, so
 * that a Kubernetes ConfigMap's {@code ..data} swap shows), its identity, size and times, the
 * change time included where there is one.
 */
public final class FileStamp {

    private FileStamp() {
    }

    public static Object of(Path file) throws IOException {
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
        Path target = file.toRealPath();
        return List.of(target.toString(), Objects.toString(a.fileKey()), a.size(), a.lastModifiedTime().toString(),
                Files.getLastModifiedTime(target, LinkOption.NOFOLLOW_LINKS).toString(), changeTime(target));
    }

    /**
     * The inode's change time where the platform has one: any write moves it, and unlike the
     * modification time it cannot be set back ({@code touch -r}, {@code cp -p}, {@code rsync -t}).
     */
    private static String changeTime(Path file) {
        try {
            return String.valueOf(Files.getAttribute(file, "unix:ctime"));
        } catch (UnsupportedOperationException | IllegalArgumentException | IOException e) {
            return "";
        }
    }
}
