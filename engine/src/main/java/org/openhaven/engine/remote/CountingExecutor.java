package org.openhaven.engine.remote;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** Wraps an executor and counts round trips and bytes sent on stdin; for the deploy benchmark and tests. */
public final class CountingExecutor implements RemoteExecutor {

    private final RemoteExecutor delegate;
    private final AtomicInteger roundTrips = new AtomicInteger();
    private final AtomicLong bytesSent = new AtomicLong();

    public CountingExecutor(RemoteExecutor delegate) {
        this.delegate = delegate;
    }

    @Override
    public ExecResult run(RemoteCommand command, InputStream stdin, OutputConsumer output) {
        roundTrips.incrementAndGet();
        InputStream counted = stdin == null ? null : new FilterInputStream(stdin) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n > 0) {
                    bytesSent.addAndGet(n);
                }
                return n;
            }

            @Override
            public int read() throws IOException {
                int c = super.read();
                if (c >= 0) {
                    bytesSent.incrementAndGet();
                }
                return c;
            }
        };
        return delegate.run(command, counted, output);
    }

    public int roundTrips() {
        return roundTrips.get();
    }

    public long bytesSent() {
        return bytesSent.get();
    }
}
