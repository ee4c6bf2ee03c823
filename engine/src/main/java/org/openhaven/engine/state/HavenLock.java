package org.openhaven.engine.state;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Optional;
import org.openhaven.engine.error.ErrorCategory;
import org.openhaven.engine.error.OpenHavenException;

/**
 * Keeps two applies off one haven, across processes: the lock is a file created with CREATE_NEW (atomic on every
 * file system we support) that names its holder. A crashed holder leaves the file behind on purpose; only
 * {@code openhaven unlock} removes it, after showing the user what it removes.
 */
public final class HavenLock implements AutoCloseable {

    /** Who holds a lock. */
    public record Holder(long pid, String host, Instant since, String command) {

        public String describe() {
            return "process " + pid + " on " + host + " (" + command + ", started " + since + ")";
        }
    }

    private final Path file;
    private final Holder holder;
    private boolean released;

    private HavenLock(Path file, Holder holder) {
        this.file = file;
        this.holder = holder;
    }

    /** Takes the lock or fails with category LOCKED naming the holder. */
    public static HavenLock acquire(Path lockFile, String command, Instant now) {
        Holder me = new Holder(ProcessHandle.current().pid(), hostName(), now, command);
        try {
            Files.createDirectories(lockFile.getParent());
            byte[] content = StateFile.JSON.writeValueAsBytes(me);
            Files.write(lockFile, content, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                    StandardOpenOption.SYNC);
            return new HavenLock(lockFile, me);
        } catch (FileAlreadyExistsException e) {
            throw lockedBy(lockFile, read(lockFile));
        } catch (IOException e) {
            throw OpenHavenException.of(ErrorCategory.CONFIG, "Could not create the lock file " + lockFile + ".")
                    .remedy("Check that you may write to " + lockFile.getParent() + ".").cause(e).build();
        }
    }

    /** Who holds the lock at {@code lockFile}, if anyone. */
    public static Optional<Holder> read(Path lockFile) {
        try {
            return Optional.of(StateFile.JSON.readValue(Files.readAllBytes(lockFile), Holder.class));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            // a holder killed between create and write leaves an empty file: still a lock
            return Optional.of(new Holder(-1, "unknown", Instant.EPOCH, "unknown (the lock file is unreadable)"));
        }
    }

    /** Removes a lock regardless of its holder (for {@code openhaven unlock}); returns who held it. */
    public static Optional<Holder> forceRelease(Path lockFile) {
        Optional<Holder> holder = read(lockFile);
        try {
            Files.deleteIfExists(lockFile);
        } catch (IOException e) {
            throw OpenHavenException.of(ErrorCategory.CONFIG, "Could not remove the lock file " + lockFile + ".")
                    .remedy("Delete it by hand once you are sure no other OpenHaven is working on this haven.")
                    .cause(e).build();
        }
        return holder;
    }

    public Holder holder() {
        return holder;
    }

    @Override
    public synchronized void close() {
        if (released) {
            return;
        }
        released = true;
        try {
            // only remove the file if it is still ours (unlock may have removed it and another run taken it)
            Optional<Holder> now = read(file);
            if (now.isPresent() && now.get().equals(holder)) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw OpenHavenException.of(ErrorCategory.CONFIG, "Could not remove the lock file " + file + ".")
                    .remedy("Run 'openhaven unlock' before the next apply.").cause(e).build();
        }
    }

    private static OpenHavenException lockedBy(Path lockFile, Optional<Holder> holder) {
        String who = holder.map(Holder::describe).orElse("another process");
        boolean alive = holder.map(h -> h.pid() > 0 && isLocalAndAlive(h)).orElse(false);
        String remedy = alive
                ? "Wait for it to finish, or stop it first."
                : "If that process is no longer running, run 'openhaven unlock' to remove the lock ("
                        + lockFile + ").";
        return OpenHavenException.of(ErrorCategory.LOCKED, "This haven is locked by " + who + ".")
                .remedy(remedy).build();
    }

    private static boolean isLocalAndAlive(Holder holder) {
        return holder.host().equals(hostName())
                && ProcessHandle.of(holder.pid()).map(ProcessHandle::isAlive).orElse(false);
    }

    static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return Optional.ofNullable(System.getenv("HOSTNAME")).orElse("localhost");
        }
    }

}
