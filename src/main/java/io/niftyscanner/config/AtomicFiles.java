package io.niftyscanner.config;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Replaces a file's content all at once, so a failure leaves the old file as it was and no one else can see or
 * redirect the new content on its way:
 * <ol>
 *   <li>a temp file with a random name beside the target, created new ({@code CREATE_NEW}) without following a
 *       symlink ({@code NOFOLLOW_LINKS}): a planted link or file at that name makes it fail, never write through;</li>
 *   <li>for private files, mode 600 from its creation on, before any content;</li>
 *   <li>content written and forced to disk (fsync), then an atomic rename over the target, then the directory synced.</li>
 * </ol>
 * A target that is a symlink keeps its link: the file it points to is replaced (it must exist and be a regular file).
 */
final class AtomicFiles {
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final int NAME_ATTEMPTS = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    private AtomicFiles() {}

    /** Replaces {@code target}'s content with {@code text}; readable as the file system's defaults allow. */
    static void replace(Path target, String text) throws IOException {
        replace(target, text, false, AtomicFiles::randomSuffix);
    }

    /** Replaces {@code target}'s content with {@code text}, leaving it at mode 600 (owner read and write only). */
    static void replacePrivate(Path target, String text) throws IOException {
        replace(target, text, true, AtomicFiles::randomSuffix);
    }

    /** The same, with the temp names' random part from {@code suffixes} (tests plant files at the names it gives). */
    static void replace(Path target, String text, boolean ownerOnly, Supplier<String> suffixes) throws IOException {
        Path real = resolveTarget(target);
        Path dir = real.getParent();
        Files.createDirectories(dir);
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        Path tmp = null;
        try {
            for (int attempt = 1; tmp == null; attempt++) {
                Path candidate = dir.resolve("." + real.getFileName() + "." + suffixes.get() + ".tmp");
                try {
                    writeNew(candidate, bytes, ownerOnly);
                    tmp = candidate;
                } catch (FileAlreadyExistsException e) {
                    if (attempt >= NAME_ATTEMPTS) {
                        throw new IOException("cannot create a temp file beside " + real + ": " + NAME_ATTEMPTS
                                + " random names were all taken", e);
                    }
                }
            }
            try {
                Files.move(tmp, real, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, real, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
            syncDirectory(dir);
        } finally {
            if (tmp != null) {
                Files.deleteIfExists(tmp);
            }
        }
    }

    /**
     * Where the content goes: the target itself, or the end of its symlink chain. A symlink whose end is missing or
     * not a regular file is refused: writing there would create or clobber something the user did not name.
     */
    static Path resolveTarget(Path target) throws IOException {
        Path abs = target.toAbsolutePath();
        if (!Files.isSymbolicLink(abs)) {
            if (Files.exists(abs, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(abs, LinkOption.NOFOLLOW_LINKS)) {
                throw new IOException(abs + " is not a regular file; move it away so it can be written");
            }
            return abs;
        }
        Path real;
        try {
            real = abs.toRealPath();
        } catch (IOException e) {
            throw new IOException(abs + " is a symlink to " + Files.readSymbolicLink(abs) + ", which does not exist;"
                    + " create that file or replace the link with a plain file", e);
        }
        if (!Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(abs + " is a symlink to " + real + ", which is not a regular file;"
                    + " point it at a file or replace the link with a plain file");
        }
        return real;
    }

    private static void writeNew(Path tmp, byte[] bytes, boolean ownerOnly) throws IOException {
        Set<OpenOption> options = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
        boolean posix = tmp.getFileSystem().supportedFileAttributeViews().contains("posix");
        FileAttribute<?>[] attrs = ownerOnly && posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)} : new FileAttribute<?>[0];
        FileChannel ch = FileChannel.open(tmp, options, attrs); // throws if anything (a link too) has that name
        boolean done = false;
        try (ch) {
            if (ownerOnly && posix) {
                // the creation mode passes through the umask, which can only take bits away; make it exactly 600
                Files.setPosixFilePermissions(tmp, OWNER_ONLY);
            }
            ByteBuffer buf = ByteBuffer.wrap(bytes);
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(true);
            done = true;
        } finally {
            if (!done) {
                Files.deleteIfExists(tmp);
            }
        }
    }

    /** Makes the rename itself durable; not every platform can open a directory, which is fine. */
    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Windows cannot open a directory as a channel; the rename is as durable as the platform makes it
        }
    }

    private static String randomSuffix() {
        byte[] b = new byte[8];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
