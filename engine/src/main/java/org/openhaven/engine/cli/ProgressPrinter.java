package org.openhaven.engine.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.openhaven.engine.plan.ProgressEvent;
import org.openhaven.engine.plan.ProgressListener;

/**
 * Renders progress events: a progress bar on a terminal, plain timestamped lines otherwise (pipes, CI, logs).
 * Failures are always printed in full, with their remedy.
 */
final class ProgressPrinter implements ProgressListener, AutoCloseable {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private final PrintWriter out;
    private final boolean bars;
    private final Map<String, String> titles = new HashMap<>();
    private ProgressBar bar;

    ProgressPrinter(PrintWriter out, boolean bars) {
        this.out = out;
        this.bars = bars;
    }

    @Override
    public synchronized void onEvent(ProgressEvent event) {
        if (event instanceof ProgressEvent.RunStarted started) {
            titles.putAll(started.steps());
            if (bars) {
                bar = new ProgressBarBuilder().setTaskName("Applying").setInitialMax(started.steps().size())
                        .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK).hideEta()
                        .setConsumer(new ConsoleProgressBarConsumer(new PrintStream(System.out, true)))
                        .build();
            }
        } else if (event instanceof ProgressEvent.StepStarted started) {
            if (bar != null) {
                bar.setExtraMessage(started.title());
            } else {
                line(event, "  ▶ " + started.title());
            }
        } else if (event instanceof ProgressEvent.LogLine log) {
            if (bar == null) {
                line(event, "      " + log.line());
            }
        } else if (event instanceof ProgressEvent.StepSucceeded done) {
            if (bar != null) {
                bar.step();
            } else {
                line(event, "  ✓ " + title(done.stepId()) + ": " + done.summary());
            }
        } else if (event instanceof ProgressEvent.StepFailed failed) {
            closeBar();
            line(event, "  ✗ " + title(failed.stepId()) + ": " + failed.userMessage());
            if (!failed.remedy().isEmpty()) {
                out.println("             → " + failed.remedy());
            }
        } else if (event instanceof ProgressEvent.RunFinished finished) {
            closeBar();
            String verdict = switch (finished.outcome()) {
                case SUCCEEDED -> "Done";
                case FAILED -> "Stopped after a failure";
                case CANCELLED -> "Cancelled";
            };
            line(event, verdict + ": " + finished.stepsRun() + " step(s) run, " + finished.stepsChanged()
                    + " changed something.");
        }
        // StepProgress only refines the current step; the bar counts whole steps
        out.flush();
    }

    @Override
    public synchronized void close() {
        closeBar();
    }

    private void closeBar() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }

    private String title(String stepId) {
        return titles.getOrDefault(stepId, stepId);
    }

    private void line(ProgressEvent event, String text) {
        out.println(TIME.format(event.at()) + " " + text);
    }
}
