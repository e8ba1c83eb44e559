// SPDX-License-Identifier: Apache-2.0
package dev.mre.server.cli;

import java.net.BindException;
import java.net.ConnectException;
import java.nio.channels.UnresolvedAddressException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/** Turns a failed network operation into a sentence for the user. */
final class Failures {
    private Failures() {
    }

    static Throwable unwrap(Throwable e) {
        while ((e instanceof ExecutionException || e instanceof java.util.concurrent.CompletionException)
                && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }

    /** Why we could not talk to {@code peer}: refused, unknown host, timeout, rejected, aborted. */
    static String reason(Throwable error, String peer) {
        Throwable e = unwrap(error);
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException) {
                return "connection refused by " + peer + "; is a DICOM peer listening on that host and port?";
            }
            if (t instanceof UnresolvedAddressException || t instanceof java.net.UnknownHostException) {
                return "unknown host in " + peer + "; check the host name";
            }
            if (t instanceof TimeoutException) {
                return "timed out talking to " + peer + ": " + t.getMessage();
            }
        }
        return String.valueOf(e.getMessage());
    }

    static boolean isBind(Throwable error) {
        for (Throwable t = unwrap(error); t != null; t = t.getCause()) {
            if (t instanceof BindException || String.valueOf(t.getMessage()).contains("Address already in use")) {
                return true;
            }
        }
        return false;
    }
}
