package org.openhaven.engine.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Backup and restore throughput of restic against the local S3 server (s3proxy, filesystem store): a first backup
 * of about 1 GiB of mixed files, an incremental one after changing a few percent, and a full restore. A harness
 * run by hand, not a test; figures and the command are in docs/performance/backup.md.
 *
 * <p>Arguments: {@code [MiB]} (default 1024).
 */
public final class BackupBenchmark {

    private static final String HAVEN = "bench";

    private BackupBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long mib = args.length > 0 ? Long.parseLong(args[0]) : 1024;
        Path work = Files.createTempDirectory("openhaven-backup-bench");
        try (S3Server s3 = S3Server.start()) {
            ResticRepository repository = s3.repository("bench", "haven");
            s3.ensureBucket(repository);
            LocalCommandRunner restic = new LocalCommandRunner(
                    ResticEnvironment.of(repository, s3.credentials("benchmark password")), work);
            Path data = work.resolve("data");
            FileTrees.generate(data, mib << 20, 42);
            long bytes = treeBytes(data);
            restic.ok(ResticCommands.init());

            double first = timed(() -> restic.ok(ResticCommands.backup(HAVEN, List.of(data.toString()), List.of())));
            long changed = changeFewFiles(data);
            double incremental = timed(() -> restic.ok(ResticCommands.backup(HAVEN, List.of(data.toString()),
                    List.of())));
            Path target = work.resolve("restored");
            double restore = timed(() -> restic.ok(ResticCommands.restore("latest", HAVEN, List.of(data.toString()),
                    target.toString())));
            FileTrees.assertIdentical(data, target.resolve(data.toString().substring(1)));

            System.out.printf("data: %.0f MiB in %d files; changed before incremental: %.0f MiB%n",
                    bytes / 1048576.0, fileCount(data), changed / 1048576.0);
            System.out.printf("first backup:       %6.1f s  %6.1f MiB/s%n", first, bytes / 1048576.0 / first);
            System.out.printf("incremental backup: %6.1f s  %6.1f MiB/s (of the whole tree)%n", incremental,
                    bytes / 1048576.0 / incremental);
            System.out.printf("full restore:       %6.1f s  %6.1f MiB/s%n", restore, bytes / 1048576.0 / restore);
        } finally {
            FileTrees.delete(work);
        }
    }

    private interface Step {
        void run() throws Exception;
    }

    private static double timed(Step step) throws Exception {
        long start = System.nanoTime();
        step.run();
        return (System.nanoTime() - start) / 1e9;
    }

    /** Rewrites every 25th file and adds a new directory of files: a day's churn on a personal server. */
    private static long changeFewFiles(Path data) throws IOException {
        Random random = new Random(7);
        long changed = 0;
        List<Path> files;
        try (Stream<Path> walk = Files.walk(data)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (int i = 0; i < files.size(); i += 25) {
            byte[] content = new byte[(int) Math.min(Files.size(files.get(i)) + 1, 1 << 20)];
            random.nextBytes(content);
            Files.write(files.get(i), content);
            changed += content.length;
        }
        Path fresh = data.resolve("new-today");
        FileTrees.generate(fresh, 16L << 20, 99);
        return changed + treeBytes(fresh);
    }

    private static long treeBytes(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static long fileCount(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).count();
        }
    }
}
