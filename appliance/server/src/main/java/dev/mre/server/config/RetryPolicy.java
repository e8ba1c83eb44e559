// SPDX-License-Identifier: Apache-2.0
package dev.mre.server.config;

import java.time.Duration;

/**
 * Exponential back-off for outbox sends: the delay after the n-th failed attempt is
 * {@code initialDelay * 2^(n-1)}, capped at {@code maxDelay}. {@code maxAttempts == 0} means retry
 * until the peer acknowledges.
 */
public record RetryPolicy(Duration initialDelay, Duration maxDelay, int maxAttempts) {

    public RetryPolicy {
        if (initialDelay.isNegative() || maxDelay.compareTo(initialDelay) < 0) {
            throw new IllegalArgumentException("retry delays must satisfy 0 <= initialDelay <= maxDelay");
        }
        if (maxAttempts < 0) {
            throw new IllegalArgumentException("maxAttempts must be 0 (no limit) or more");
        }
    }

    /** The delay before the next attempt after {@code failedAttempts} failures (>= 1). */
    public Duration delayAfter(int failedAttempts) {
        int doublings = Math.min(Math.max(failedAttempts - 1, 0), 30);
        Duration d = initialDelay.multipliedBy(1L << doublings);
        return d.compareTo(maxDelay) > 0 ? maxDelay : d;
    }

    /** Whether a job that failed {@code failedAttempts} times should be given up. */
    public boolean exhausted(int failedAttempts) {
        return maxAttempts > 0 && failedAttempts >= maxAttempts;
    }
}
